import { css, html, nothing } from 'lit';
import { allEvents, api, type EventRow, type Network, type NetworkNode } from '../api.js';
import { filterKey, filterQuery } from '../filters.js';
import { href, navigate } from '../router.js';
import { CONFLICT, COOP, KIND_COLORS } from '../palette.js';
import { shared } from '../styles.js';
import '../charts/network-graph.js';
import { chartAndPanelStyles } from './layout-styles.js';
import { miniEventList, miniListStyles } from './mini-list.js';
import { ViewBase } from './view-base.js';

/** Who acts on whom, and the events behind an actor or a link. */
export class NetworkView extends ViewBase {
  static override properties = { network: { state: true }, events: { state: true } };
  declare network: Network | null;
  declare events: EventRow[];

  constructor() {
    super();
    this.network = null;
    this.events = [];
  }

  static override styles = [
    shared,
    miniListStyles,
    chartAndPanelStyles,
    css`
      .line {
        display: inline-block;
        width: 18px;
        height: 3px;
        border-radius: 2px;
      }
      select {
        font: inherit;
        font-size: 12.5px;
        padding: 2px 4px;
        border: 1px solid var(--line);
        border-radius: 4px;
        background: #fff;
      }
      .ranking {
        list-style: none;
        margin: 0;
        padding: 0;
        font-size: 12.5px;
      }
      .ranking li {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        padding: 4px;
        cursor: pointer;
        border-radius: 3px;
      }
      .ranking li:hover,
      .ranking li:focus-visible {
        background: #f4f8fd;
      }
    `,
  ];

  protected loadKey(): string {
    return filterKey(this.route.filters);
  }

  protected async load(signal: AbortSignal): Promise<void> {
    const q = filterQuery(this.route.filters);
    const [network, page] = await Promise.all([api.network(q, signal), allEvents(q, signal)]);
    this.network = network;
    this.events = page.events;
  }

  private param(name: string): string | null {
    return this.route.params.get(name);
  }

  private go(extra: Record<string, string | number | null>): void {
    const keep: Record<string, string | number | null> = { n: this.param('n') };
    navigate(href('network', this.route.filters, { ...keep, ...extra }));
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const net = this.network;
    const maxNodes = Number(this.param('n')) || 40;
    const selected = Number(this.param('sel')) || null;
    return html`${this.status(net !== null)}
      ${net === null
        ? nothing
        : html`<div class="layout">
            <section class="panel">
              <header>
                <h2>Who acts on whom</h2>
                <span class="sub" data-testid="network-summary">${net.nodes.length} actors · ${net.edges.length} links</span>
                <span class="spacer"></span>
                <label class="small muted">show
                  <select @change=${(e: Event) => this.go({ n: (e.target as HTMLSelectElement).value, sel: this.param('sel'), edge: this.param('edge') })}>
                    ${[20, 40, 80, 160].map((n) => html`<option value=${n} ?selected=${n === maxNodes}>${n}</option>`)}
                  </select>
                  busiest actors</label>
              </header>
              <div class="legend" style="margin-bottom:6px">
                <span><i class="line" style="background:${COOP}"></i>cooperation</span>
                <span><i class="line" style="background:${CONFLICT}"></i>conflict</span>
                <span class="muted">arrow: source → target · width: events</span>
                ${Object.entries(KIND_COLORS)
                  .filter(([k]) => net.nodes.some((n) => n.kind === k))
                  .map(([k, c]) => html`<span><i class="swatch" style="background:${c}"></i>${k.replace('_', ' ')}</span>`)}
              </div>
              ${net.nodes.length === 0
                ? html`<div class="empty">No actors match these filters.</div>`
                : html`<network-graph .network=${net} .height=${600} .maxNodes=${maxNodes} .selected=${selected} .selectedEdge=${this.param('edge')}
                    @select-actor=${(e: CustomEvent<{ node: NetworkNode }>) => this.go({ sel: e.detail.node.id })}
                    @select-edge=${(e: CustomEvent<{ source: number; target: number }>) => this.go({ edge: `${e.detail.source}-${e.detail.target}` })}></network-graph>`}
            </section>
            <aside class="panel">${this.renderSide(net)}</aside>
          </div>`}`;
  }

  private renderSide(net: Network) {
    const name = (id: number) => net.nodes.find((n) => n.id === id)?.name ?? `#${id}`;
    const edge = /^(\d+)-(\d+)$/.exec(this.param('edge') ?? '');
    const open = (id: number) => this.emit('open-event', { id });
    if (edge) {
      const s = Number(edge[1]);
      const t = Number(edge[2]);
      const between = this.events.filter((e) => e.source?.id === s && e.target?.id === t);
      const info = net.edges.find((e) => e.source === s && e.target === t);
      return html`<header><h2>${name(s)} → ${name(t)}</h2><span class="spacer"></span>
          <button class="link" aria-label="Close" @click=${() => this.go({ edge: null })}>✕</button></header>
        ${info ? html`<p class="small muted">${info.events} events: ${info.cooperation} cooperation, ${info.conflict} conflict</p>` : nothing}
        ${between.length ? miniEventList(between, open) : html`<div class="empty">No events from ${name(s)} to ${name(t)} under these filters.</div>`}`;
    }
    const node = net.nodes.find((n) => n.id === Number(this.param('sel')));
    if (node) {
      const mine = this.events.filter((e) => e.source?.id === node.id || e.target?.id === node.id);
      const partners = new Map<number, number>();
      for (const e of net.edges) {
        if (e.source === node.id) partners.set(e.target, (partners.get(e.target) ?? 0) + e.events);
        if (e.target === node.id) partners.set(e.source, (partners.get(e.source) ?? 0) + e.events);
      }
      return html`<header><h2>${node.name}</h2><span class="spacer"></span>
          <button class="link" aria-label="Close" @click=${() => this.go({ sel: null })}>✕</button></header>
        <dl>
          <dt>Code</dt><dd><span class="chip code">${node.code ?? '—'}</span></dd>
          <dt>Kind</dt><dd>${node.kind.replace('_', ' ')}</dd>
          <dt>Events</dt><dd>${node.events}</dd>
          <dt>Acts with</dt><dd>${[...partners.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([id, n], i) => html`${i ? ', ' : ''}${name(id)} (${n})`)}</dd>
        </dl>
        <div style="margin-bottom:8px"><button @click=${() => this.emit('filters', { actor: node.code && net.nodes.filter((n) => n.code === node.code).length === 1 ? node.code : node.name })}>Filter every view to this actor</button></div>
        ${miniEventList(mine, open)}`;
    }
    const top = [...net.nodes].sort((a, b) => b.events - a.events).slice(0, 20);
    return html`<header><h2>Most active actors</h2></header>
      <ul class="ranking">
        ${top.map(
          (n) => html`<li tabindex="0" role="button" @click=${() => this.go({ sel: n.id })} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.go({ sel: n.id })}>
            <span>${n.name} <span class="chip code">${n.code ?? n.kind}</span></span><span class="num">${n.events}</span>
          </li>`,
        )}
      </ul>
      <p class="small muted">Click an actor or a link for its events.</p>`;
  }
}
customElements.define('network-view', NetworkView);
