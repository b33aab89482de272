import { css, html, nothing } from 'lit';
import { allEvents, commitmentStandings, type EventRow, type Standing } from '../api.js';
import { placeAll } from '../event-time.js';
import { filterKey, filterQuery } from '../filters.js';
import { fmtDay } from '../format.js';
import { OVERDUE, QUAD_COLORS } from '../palette.js';
import { shared } from '../styles.js';
import '../charts/timeline-chart.js';
import '../components/event-table.js';
import { ViewBase } from './view-base.js';

/** Events over time, planned deadlines on the same axis, and the table of the same events. */
export class TimelineView extends ViewBase {
  static override properties = { events: { state: true }, total: { state: true }, standings: { state: true } };
  declare events: EventRow[] | null;
  declare total: number;
  declare standings: Map<number, Standing>;

  constructor() {
    super();
    this.events = null;
    this.total = 0;
    this.standings = new Map();
  }

  static override styles = [
    shared,
    css`
      .stack {
        display: grid;
        gap: 12px;
      }
      .legend .diamond {
        width: 9px;
        height: 9px;
        transform: rotate(45deg);
        display: inline-block;
        border: 2px solid var(--planned);
        background: #fff;
      }
      .legend .diamond.overdue {
        border-color: var(--overdue);
        background: var(--overdue);
      }
      .legend .diamond.kept {
        border-color: var(--ok);
        background: var(--ok);
      }
      .table-box {
        max-height: 560px;
        overflow: auto;
      }
      .legend .hollow {
        width: 9px;
        height: 9px;
        border-radius: 50%;
        border: 2px solid var(--ink-3);
        display: inline-block;
      }
      .count {
        font-size: 20px;
        font-weight: 650;
      }
    `,
  ];

  protected loadKey(): string {
    return `${filterKey(this.route.filters)}:${this.asOf}`;
  }

  protected async load(signal: AbortSignal): Promise<void> {
    const [page, standings] = await Promise.all([allEvents(filterQuery(this.route.filters), signal), commitmentStandings(this.asOf, signal)]);
    this.standings = standings;
    this.events = page.events;
    this.total = page.total;
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const events = this.events ?? [];
    const { placed } = placeAll(events, this.asOf, this.standings);
    const deadlines = placed.filter((p) => p.deadline);
    const overdue = deadlines.filter((p) => p.overdue).length;
    const f = this.route.filters;
    return html`<div class="stack">
      ${this.status(this.events !== null)}
      ${this.events === null
        ? nothing
        : html`<section class="panel">
              <header>
                <span class="count num" data-testid="event-count">${this.total}</span>
                <h2>events over time</h2>
                <span class="sub">${deadlines.length} with a deadline${overdue ? html`, <b style="color:${OVERDUE}">${overdue} overdue</b>` : ''} as of ${fmtDay(this.asOf)}
                  ${this.total > events.length ? html` · drawing the first ${events.length}` : nothing}</span>
                <span class="spacer"></span>
                ${f.from || f.to ? html`<button @click=${() => this.emit('filters', { from: '', to: '' })}>Clear date range</button>` : html`<span class="sub">drag across the bars to narrow the dates</span>`}
              </header>
              <div class="legend" style="margin-bottom:8px">
                <span><i class="swatch" style="background:${QUAD_COLORS[1]}"></i>verbal cooperation</span>
                <span><i class="swatch" style="background:${QUAD_COLORS[2]}"></i>material cooperation</span>
                <span><i class="swatch" style="background:${QUAD_COLORS[3]}"></i>verbal conflict</span>
                <span><i class="swatch" style="background:${QUAD_COLORS[4]}"></i>material conflict</span>
                <span><i class="hollow"></i>no date in text (at report date)</span>
                <span><i class="diamond"></i>planned, at its deadline</span>
                <span><i class="diamond overdue"></i>overdue</span>
                <span><i class="diamond kept"></i>reported kept</span>
                <span>✕ negated</span>
              </div>
              <timeline-chart .events=${events} .asOf=${this.asOf} .standings=${this.standings}></timeline-chart>
            </section>
            <section class="panel">
              <header><h2>Events</h2><span class="sub">click a row or a mark for every report of the event</span></header>
              <div class="table-box"><event-table .events=${events} .asOf=${this.asOf} .standings=${this.standings}></event-table></div>
            </section>`}
    </div>`;
  }
}
customElements.define('timeline-view', TimelineView);
