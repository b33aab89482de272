import { css, html, nothing } from 'lit';
import { allEvents, type EventRow, type PlaceRef } from '../api.js';
import { placePoints, type PlacePoint } from '../charts/world-map.js';
import { filterKey, filterQuery } from '../filters.js';
import { href, navigate } from '../router.js';
import { CONFLICT, COOP } from '../palette.js';
import { shared } from '../styles.js';
import '../charts/world-map.js';
import { chartAndPanelStyles } from './layout-styles.js';
import { miniEventList, miniListStyles } from './mini-list.js';
import { ViewBase } from './view-base.js';

/** Events located on the map, and the events of the place chosen. */
export class MapView extends ViewBase {
  static override properties = { events: { state: true }, total: { state: true } };
  declare events: EventRow[] | null;
  declare total: number;

  constructor() {
    super();
    this.events = null;
    this.total = 0;
  }

  static override styles = [
    shared,
    miniListStyles,
    chartAndPanelStyles,
    css`
      .ranking {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .ranking li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 2px 8px;
        padding: 5px 4px;
        cursor: pointer;
        border-radius: 3px;
        font-size: 12.5px;
      }
      .ranking li:hover,
      .ranking li:focus-visible {
        background: #f4f8fd;
      }
      .bar {
        grid-column: 1 / 3;
        display: flex;
        height: 5px;
        border-radius: 3px;
        overflow: hidden;
        background: var(--line-2);
      }
      .scale {
        height: 8px;
        width: 120px;
        border-radius: 4px;
        background: linear-gradient(90deg, var(--coop), var(--neutral), var(--conflict));
        display: inline-block;
      }
    `,
  ];

  protected loadKey(): string {
    return filterKey(this.route.filters);
  }

  protected async load(signal: AbortSignal): Promise<void> {
    const page = await allEvents(filterQuery(this.route.filters), signal);
    this.events = page.events;
    this.total = page.total;
  }

  private get selectedId(): number | null {
    const v = Number(this.route.params.get('sel'));
    return Number.isInteger(v) && v > 0 ? v : null;
  }

  private select(place: PlaceRef | null): void {
    navigate(href('map', this.route.filters, { sel: place?.id }));
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const events = this.events ?? [];
    const points = placePoints(events);
    const located = points.reduce((s, p) => s + p.events, 0);
    const sel = points.find((p) => p.place.id === this.selectedId) ?? null;
    return html`${this.status(this.events !== null)}
      ${this.events === null
        ? nothing
        : html`<div class="layout">
            <section class="panel">
              <header>
                <h2>Where</h2>
                <span class="sub" data-testid="map-summary">${located} of ${this.total} events at ${points.length} places</span>
                <span class="spacer"></span>
                <span class="legend"><span>circle area = events</span><span>cooperation <i class="scale"></i> conflict</span></span>
              </header>
              <world-map .events=${events} .height=${640} .selected=${this.selectedId} .labels=${12}
                @select-place=${(e: CustomEvent<{ place: PlaceRef }>) => this.select(e.detail.place)}></world-map>
            </section>
            <aside class="panel">${sel ? this.renderPlace(sel, events) : this.renderRanking(points)}</aside>
          </div>`}`;
  }

  private renderRanking(points: PlacePoint[]) {
    const max = Math.max(1, ...points.map((p) => p.events));
    return html`<header><h2>Places</h2><span class="sub">by number of events</span></header>
      ${points.length === 0 ? html`<div class="empty">No located events.</div>` : nothing}
      <ul class="ranking">
        ${points.slice(0, 25).map(
          (p) => html`<li tabindex="0" role="button" @click=${() => this.select(p.place)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.select(p.place)}>
            <span>${p.place.name} <span class="muted small">${p.place.country ?? ''}</span></span>
            <span class="num">${p.events}</span>
            <span class="bar" style="width:${(100 * p.events) / max}%">
              <i style="flex:${p.cooperation};background:${COOP}"></i><i style="flex:${p.conflict};background:${CONFLICT}"></i>
            </span>
          </li>`,
        )}
      </ul>`;
  }

  private renderPlace(p: PlacePoint, events: EventRow[]) {
    const here = events.filter((e) => e.place?.id === p.place.id);
    return html`<header>
        <h2>${p.place.name}</h2>
        <span class="spacer"></span>
        <button class="link" @click=${() => this.select(null)} aria-label="Back to all places">✕</button>
      </header>
      <dl>
        <dt>Kind</dt><dd>${p.place.kind}${p.place.country ? ` · ${p.place.country}` : ''}</dd>
        <dt>Events</dt><dd>${p.events}: ${p.cooperation} cooperation, ${p.conflict} conflict</dd>
        ${p.fatalities ? html`<dt>Killed</dt><dd>${p.fatalities}</dd>` : nothing}
        <dt>Location</dt><dd class="num">${p.place.lat?.toFixed(3)}, ${p.place.lon?.toFixed(3)}</dd>
      </dl>
      <div style="display:flex;gap:6px;margin-bottom:8px">
        <button @click=${() => this.emit('filters', { place: p.place.name })}>Filter every view to ${p.place.name}</button>
      </div>
      ${miniEventList(here, (id) => this.emit('open-event', { id }))}`;
  }
}
customElements.define('map-view', MapView);
