import { css, html, nothing } from 'lit';
import { allEvents, api, type Brief, type CommitmentItem, type EventRow, type Standing, type Stats } from '../api.js';
import { placeAll } from '../event-time.js';
import { filterKey, filterQuery } from '../filters.js';
import { fmtDay, fmtInt, fmtTimeml, truncate } from '../format.js';
import { CONFLICT, COOP, sideOf } from '../palette.js';
import { href } from '../router.js';
import { shared } from '../styles.js';
import '../charts/timeline-chart.js';
import '../charts/world-map.js';
import { STANDING_CLASS, STANDING_LABEL, briefQuery, citationHref, describeBriefEvent, postureNumber } from './brief-view.js';
import { miniEventList, miniListStyles } from './mini-list.js';
import { ViewBase } from './view-base.js';

interface ActorTally {
  id: number;
  name: string;
  code: string | null;
  cooperation: number;
  conflict: number;
}

const STANDING_ORDER: Record<string, number> = { 'overdue-unconfirmed': 0, upcoming: 1, contradicted: 2, fulfilled: 3, 'no-deadline': 4 };

/** The picture at a glance: key numbers, activity, commitments, where, who, and what was said. */
export class OverviewView extends ViewBase {
  static override properties = {
    stats: { attribute: false },
    events: { state: true },
    brief: { state: true },
    briefError: { state: true },
  };
  declare stats: Stats | null;
  declare events: EventRow[] | null;
  declare brief: Brief | null;
  declare briefError: string | null;

  constructor() {
    super();
    this.stats = null;
    this.events = null;
    this.brief = null;
    this.briefError = null;
  }

  static override styles = [
    shared,
    miniListStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(12, minmax(0, 1fr));
        gap: 12px;
      }
      .s12 { grid-column: span 12; }
      .s8 { grid-column: span 8; }
      .s7 { grid-column: span 7; }
      .s6 { grid-column: span 6; }
      .s5 { grid-column: span 5; }
      .s4 { grid-column: span 4; }
      .s3 { grid-column: span 3; }
      @media (max-width: 1100px) {
        .s8, .s7, .s6, .s5, .s4, .s3 { grid-column: span 12; }
      }
      .kpis {
        display: grid;
        grid-template-columns: repeat(6, minmax(0, 1fr));
        gap: 12px;
      }
      @media (max-width: 1100px) {
        .kpis { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      }
      .kpi {
        background: var(--panel);
        border: 1px solid var(--line);
        border-radius: var(--radius);
        padding: 10px 14px;
      }
      .kpi .label {
        font-size: 11px;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--ink-3);
        font-weight: 600;
      }
      .kpi .value {
        font-size: 26px;
        font-weight: 650;
        line-height: 1.15;
        margin-top: 2px;
        font-variant-numeric: tabular-nums;
      }
      .kpi .value.overdue { color: var(--overdue); }
      .kpi .detail {
        font-size: 12px;
        color: var(--ink-2);
        margin-top: 2px;
      }
      .split {
        display: flex;
        height: 7px;
        border-radius: 4px;
        overflow: hidden;
        margin-top: 8px;
        background: var(--line-2);
      }
      .commit {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 2px 10px;
        padding: 7px 0;
        border-bottom: 1px solid var(--line-2);
        font-size: 12.5px;
      }
      .commit:last-child { border-bottom: none; }
      .commit .when {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
        white-space: nowrap;
      }
      .commit .what { grid-column: 1 / 3; color: var(--ink); }
      .commit .trig { color: var(--ink-3); font-style: italic; }
      .actors {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .actors li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 2px 8px;
        padding: 4px 0;
        font-size: 12.5px;
      }
      .actors li a {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .actors .bar {
        grid-column: 1 / 3;
        display: flex;
        height: 6px;
        border-radius: 3px;
        overflow: hidden;
      }
      .posture {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 6px 12px;
        align-items: baseline;
        font-size: 12.5px;
      }
      .posture .n {
        font-size: 18px;
        font-weight: 650;
        font-variant-numeric: tabular-nums;
        text-align: right;
      }
      blockquote {
        margin: 0 0 10px;
        padding: 2px 0 2px 10px;
        border-left: 3px solid #cfd8e3;
        font-family: Georgia, 'DejaVu Serif', serif;
        font-size: 13.5px;
        color: #2d3f58;
      }
      blockquote .by {
        display: block;
        font-family: var(--font);
        font-size: 11.5px;
        color: var(--ink-3);
        margin-top: 2px;
      }
      .more {
        font-size: 12px;
      }
    `,
  ];

  protected loadKey(): string {
    return `overview:${filterKey(this.route.filters)}:${this.asOf}`;
  }

  protected async load(signal: AbortSignal): Promise<void> {
    const briefing = api
      .brief(briefQuery(this.route.filters, this.asOf), signal)
      .then((b) => ((this.brief = b), (this.briefError = null)))
      .catch((e: unknown) => {
        if (!signal.aborted) (this.brief = null), (this.briefError = e instanceof Error ? e.message : String(e));
      });
    const page = await allEvents(filterQuery(this.route.filters), signal);
    this.events = page.events;
    await briefing;
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const events = this.events;
    if (!events) return this.status(false);
    const f = this.route.filters;
    const happened = events.filter((e) => e.statusClass === 'happened');
    const planned = events.filter((e) => e.statusClass === 'planned');
    const coop = happened.filter((e) => sideOf(e) === 'cooperation').length;
    const conflict = happened.length - coop;
    const killed = happened.reduce((s, e) => s + (e.fatalities ?? 0), 0);
    const actors = new Set(events.flatMap((e) => [e.source?.id, e.target?.id]).filter((x) => x !== undefined));
    const places = new Set(events.flatMap((e) => (e.place ? [e.place.id] : [])));
    const commitments = this.sortedCommitments();
    const overdue = this.brief
      ? this.brief.commitments.filter((c) => c.standing === 'overdue-unconfirmed').length
      : placeAll(planned, this.asOf).placed.filter((p) => p.overdue).length;
    const stats = this.stats;
    return html`<div class="grid">
      <div class="kpis s12">
        <div class="kpi" data-testid="kpi-events">
          <div class="label">Events</div>
          <div class="value">${fmtInt(events.length)}</div>
          <div class="detail">${happened.length} happened · ${planned.length} planned · ${events.length - happened.length - planned.length} negated or hypothetical</div>
        </div>
        <div class="kpi">
          <div class="label">Conflict / cooperation</div>
          <div class="value"><span style="color:${CONFLICT}">${conflict}</span> <span class="muted" style="font-weight:400">/</span> <span style="color:${COOP}">${coop}</span></div>
          <div class="split" title="${conflict} conflict, ${coop} cooperation events that happened">
            <i style="flex:${conflict};background:${CONFLICT}"></i><i style="flex:${coop};background:${COOP}"></i>
          </div>
        </div>
        <div class="kpi">
          <div class="label">Reported killed</div>
          <div class="value">${fmtInt(killed)}</div>
          <div class="detail">in ${happened.filter((e) => e.fatalities).length} events with a toll</div>
        </div>
        <div class="kpi">
          <div class="label">Commitments</div>
          <div class="value ${overdue ? 'overdue' : ''}">${overdue ? `${overdue} overdue` : fmtInt(this.brief?.commitments.length ?? planned.length)}</div>
          <div class="detail">${this.standingSummary() ?? `${planned.length} planned`} · as of ${fmtDay(this.asOf)}</div>
        </div>
        <div class="kpi">
          <div class="label">Actors · places</div>
          <div class="value">${actors.size} <span class="muted" style="font-weight:400">·</span> ${places.size}</div>
          <div class="detail">involved in these events</div>
        </div>
        <div class="kpi">
          <div class="label">Reports</div>
          <div class="value">${fmtInt(this.brief?.summary.articles ?? stats?.articles ?? 0)}</div>
          <div class="detail">${this.brief?.summary.firstPublished
            ? `${fmtDay(this.brief.summary.firstPublished)} – ${fmtDay(this.brief.summary.lastPublished)}`
            : 'articles'}</div>
        </div>
      </div>

      <section class="panel s8">
        <header><h2>Activity over time</h2><span class="sub">happened events per period: cooperation up, conflict down; ◇ deadlines</span>
          <span class="spacer"></span><a class="more" href=${href('timeline', f)}>Timeline →</a></header>
        <timeline-chart mini .events=${events} .asOf=${this.asOf} .standings=${this.standings()}></timeline-chart>
      </section>

      <section class="panel s4" data-testid="commitments">
        <header><h2>Commitments &amp; deadlines</h2><span class="spacer"></span><a class="more" href=${href('brief', f)}>Brief →</a></header>
        ${this.briefError ? html`<div class="small muted">The brief could not be built: ${this.briefError}</div>` : nothing}
        ${commitments.length === 0 ? html`<div class="empty">No planned events.</div>` : nothing}
        ${commitments.slice(0, 5).map((c) => this.renderCommitment(c))}
        ${commitments.length > 5 ? html`<a class="more" href=${href('brief', f)}>and ${commitments.length - 5} more in the brief</a>` : nothing}
      </section>

      <section class="panel s6">
        <header><h2>Where</h2><span class="sub">${places.size} places · circle area = events</span><span class="spacer"></span><a class="more" href=${href('map', f)}>Map →</a></header>
        <world-map .events=${events} .height=${330} .labels=${6}
          @select-place=${(e: CustomEvent<{ place: { id: number } }>) => (location.hash = href('map', f, { sel: e.detail.place.id }))}></world-map>
      </section>

      <section class="panel s3">
        <header><h2>Most active actors</h2><span class="spacer"></span><a class="more" href=${href('network', f)}>Network →</a></header>
        ${this.renderActors(events)}
      </section>

      <section class="panel s3">
        <header><h2>Force posture</h2><span class="sub">troops reported</span></header>
        ${this.renderPosture()}
      </section>

      <section class="panel s7">
        <header><h2>Latest events</h2><span class="sub">that happened, newest first</span><span class="spacer"></span><a class="more" href=${href('timeline', f)}>All ${events.length} →</a></header>
        ${miniEventList(happened, (id) => this.emit('open-event', { id }), 8)}
      </section>

      <section class="panel s5">
        <header><h2>Who said what</h2></header>
        ${this.renderQuotes()}
      </section>
    </div>`;
  }

  /** "3 fulfilled, 1 overdue, 2 upcoming": the brief's commitments by standing. */
  private standingSummary(): string | null {
    if (!this.brief) return null;
    const count = (st: Standing) => this.brief!.commitments.filter((c) => c.standing === st).length;
    const parts = (['overdue-unconfirmed', 'upcoming', 'fulfilled', 'contradicted', 'no-deadline'] as Standing[])
      .map((st) => [count(st), STANDING_LABEL[st].replace(', unconfirmed', '')] as const)
      .filter(([n]) => n > 0)
      .map(([n, label]) => `${n} ${label}`);
    return parts.length ? parts.join(' · ') : 'none planned';
  }

  private standings(): Map<number, Standing> {
    return new Map((this.brief?.commitments ?? []).map((c) => [c.event.eventId, c.standing]));
  }

  private sortedCommitments(): CommitmentItem[] {
    const list = this.brief?.commitments ?? [];
    return [...list].sort(
      (a, b) => (STANDING_ORDER[a.standing] ?? 9) - (STANDING_ORDER[b.standing] ?? 9) || (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'),
    );
  }

  private renderCommitment(c: CommitmentItem) {
    const first = c.citations[0];
    return html`<div class="commit" data-standing=${c.standing}>
      <span class="chip ${STANDING_CLASS[c.standing]}">${STANDING_LABEL[c.standing]}${c.late ? ' (late)' : ''}</span>
      <span class="when">${c.deadline ? `by ${fmtTimeml(c.event.date)}` : 'no deadline'}</span>
      <span class="what"><a href=${href(`events/${c.event.eventId}`)}>${describeBriefEvent(c.event)}</a>
        <span class="trig">“${c.event.triggers[0] ?? ''}”</span>
        ${first ? html`<a class="small" href=${citationHref(first)} title=${first.sentence}>source</a>` : nothing}</span>
    </div>`;
  }

  private renderActors(events: EventRow[]) {
    const tallies = new Map<number, ActorTally>();
    for (const e of events) {
      if (e.statusClass !== 'happened') continue;
      for (const a of [e.source, e.target]) {
        if (!a) continue;
        const t = tallies.get(a.id) ?? { id: a.id, name: a.name, code: a.code, cooperation: 0, conflict: 0 };
        if (sideOf(e) === 'cooperation') t.cooperation++;
        else t.conflict++;
        tallies.set(a.id, t);
      }
    }
    const top = [...tallies.values()].sort((a, b) => b.cooperation + b.conflict - (a.cooperation + a.conflict)).slice(0, 9);
    const max = Math.max(1, ...top.map((t) => t.cooperation + t.conflict));
    if (top.length === 0) return html`<div class="empty">No actors.</div>`;
    return html`<ul class="actors">
      ${top.map(
        (t) => html`<li>
          <a href=${href('timeline', { ...this.route.filters, actor: t.name })} title=${t.name}>${t.name}</a>
          <span class="num small">${t.cooperation + t.conflict}</span>
          <span class="bar" style="width:${(100 * (t.cooperation + t.conflict)) / max}%" title="${t.cooperation} cooperation, ${t.conflict} conflict">
            <i style="flex:${t.cooperation};background:${COOP}"></i><i style="flex:${t.conflict};background:${CONFLICT}"></i>
          </span>
        </li>`,
      )}
    </ul>`;
  }

  private renderPosture() {
    const items = (this.brief?.forcePosture ?? []).filter((p) => p.value !== null || p.min !== null);
    if (items.length === 0) return html`<div class="empty">No troop numbers reported.</div>`;
    return html`<div class="posture">
      ${items.slice(0, 6).map(
        (p) => html`<span class="n">${postureNumber(p)}</span>
          <span>${p.actor?.name ?? 'unnamed'}${p.place ? html` in <b>${p.place.name}</b>` : nothing}
            <span class="muted small">· ${fmtDay(p.date)}${p.context ? ` · ${p.context.statusClass}` : ''}</span>
            ${p.citations[0] ? html`<a class="small" href=${citationHref(p.citations[0])} title=${p.citations[0].sentence}>source</a>` : nothing}</span>`,
      )}
    </div>`;
  }

  private renderQuotes() {
    const groups = this.brief?.quotes ?? [];
    const picked = groups.flatMap((g) => g.quotes.slice(0, 1).map((q) => ({ g, q }))).slice(0, 4);
    if (picked.length === 0) return html`<div class="empty">No direct quotes.</div>`;
    return html`${picked.map(
      ({ g, q }) => html`<blockquote>“${truncate(q.text, 220)}”
        <span class="by">— ${g.speaker}${g.role && g.role !== g.speaker ? `, ${g.role}` : ''}${q.date ? ` · ${fmtDay(q.date)}` : ''}
          ${q.citations[0] ? html`· <a href=${citationHref(q.citations[0])}>source</a>` : nothing}</span>
      </blockquote>`,
    )}`;
  }
}
customElements.define('overview-view', OverviewView);
