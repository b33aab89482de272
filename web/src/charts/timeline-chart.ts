import { LitElement, css, html, svg, nothing, type TemplateResult } from 'lit';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { utcDay, utcMonth, utcWeek, utcYear, type CountableTimeInterval } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { brushX, type D3BrushEvent } from 'd3-brush';
import { select } from 'd3-selection';
import type { EventRow, Standing } from '../api.js';
import { placeAll, type Placed, type Standings } from '../event-time.js';
import { PLOVER_TYPES } from '../filters.js';
import { fmtDay, fmtTimeml, isoDay, parseDay } from '../format.js';
import { CONFLICT, COOP, KEPT, OVERDUE, PLANNED, QUAD_LABELS, eventColor, sideOf } from '../palette.js';
import { shared } from '../styles.js';
import { chartHostStyles } from './chart-styles.js';
import { WidthController } from './width-controller.js';
import '../components/tooltip.js';
import type { TipContent } from '../components/tooltip.js';

const LABEL_W = 112;
const RIGHT_PAD = 18;
const AXIS_H = 26;
const MARK_R = 5;

interface Lane {
  type: string;
  y: number;
  height: number;
  count: number;
  marks: { p: Placed; x: number; dy: number }[];
}

interface Bin {
  start: Date;
  end: Date;
  cooperation: number;
  conflict: number;
}

/**
 * Events over time: a mirrored histogram (cooperation up, conflict down) over one lane per
 * PLOVER type. Planned events sit at their deadline as diamonds joined to the day they were
 * announced; a deadline before the as-of day is marked overdue. Every mark is focusable and
 * opens its event; brushing the histogram narrows the date filter.
 */
export class TimelineChart extends LitElement {
  static override properties = {
    events: { attribute: false },
    asOf: { type: String },
    standings: { attribute: false },
    mini: { type: Boolean },
    tip: { state: true },
  };
  declare events: EventRow[];
  declare asOf: string;
  declare standings: Standings;
  declare mini: boolean;
  declare tip: TipContent | null;
  private readonly box = new WidthController(this, 900);
  /** The time scale of the last render, for the brush. */
  private x = scaleUtc();

  constructor() {
    super();
    this.events = [];
    this.asOf = isoDay(new Date());
    this.standings = new Map();
    this.mini = false;
    this.tip = null;
  }

  static override styles = [
    shared,
    chartHostStyles,
    css`
      svg {
        display: block;
        overflow: visible;
      }
      .lane-label {
        font-size: 11px;
        fill: var(--ink-2);
        font-weight: 600;
        letter-spacing: 0.02em;
      }
      .lane-count {
        font-size: 10.5px;
        fill: var(--ink-3);
      }
      .lane-bg {
        fill: #fafbfc;
      }
      .lane-bg.alt {
        fill: #f4f6f9;
      }
      .tick line {
        stroke: var(--line);
      }
      .tick text {
        font-size: 11px;
        fill: var(--ink-3);
      }
      .grid {
        stroke: #e9edf2;
      }
      .event-mark {
        cursor: pointer;
        outline: none;
      }
      .event-mark:hover .shape,
      .event-mark:focus-visible .shape {
        stroke: var(--ink);
        stroke-width: 2px;
      }
      .event-mark:focus-visible .halo {
        stroke: var(--focus);
        stroke-width: 3px;
        fill: none;
      }
      .asof line {
        stroke: var(--overdue);
        stroke-dasharray: 4 3;
      }
      .asof text {
        font-size: 10.5px;
        fill: var(--overdue);
        font-weight: 600;
      }
      .bar.coop {
        fill: var(--coop);
      }
      .bar.conflict {
        fill: var(--conflict);
      }
      .top-tick {
        font-size: 10.5px;
        fill: var(--ink-3);
      }
      .hist-label {
        font-size: 10.5px;
        fill: var(--ink-3);
      }
      .brush .selection {
        fill: rgba(31, 78, 140, 0.12);
        stroke: var(--accent);
      }
      .commit-line {
        stroke-width: 1.5px;
        stroke-dasharray: 2 3;
        fill: none;
      }
      .deadline-label {
        font-size: 10.5px;
        fill: var(--ink-2);
      }
      .overdue-flag {
        font-size: 9.5px;
        font-weight: 700;
        fill: var(--overdue);
      }
    `,
  ];

  private get histHeight(): number {
    return this.mini ? 190 : 76;
  }

  private domain(placed: Placed[]): [Date, Date] {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of placed) {
      lo = Math.min(lo, p.start.getTime(), p.at.getTime());
      hi = Math.max(hi, p.end.getTime(), p.at.getTime());
      const announced = parseDay(p.event.firstReported);
      if (p.deadline && announced) lo = Math.min(lo, announced.getTime());
    }
    // The as-of day joins the axis when deadlines are judged against it, unless it lies so far
    // beyond the events that they would shrink into a corner (a label marks it then).
    const asOf = parseDay(this.asOf)?.getTime();
    if (asOf !== undefined && Number.isFinite(lo) && placed.some((p) => p.deadline)) {
      const reach = Math.max(hi - lo, 30 * 864e5) * 0.35;
      if (asOf <= hi + reach && asOf >= lo - reach) {
        lo = Math.min(lo, asOf);
        hi = Math.max(hi, asOf);
      }
    }
    if (!Number.isFinite(lo)) {
      const now = Date.now();
      return [new Date(now - 365 * 864e5), new Date(now)];
    }
    const span = Math.max(hi - lo, 20 * 864e5);
    return [new Date(lo - span * 0.03), new Date(hi + span * 0.03)];
  }

  private binInterval(domain: [Date, Date]): { interval: CountableTimeInterval; label: string } {
    const days = (domain[1].getTime() - domain[0].getTime()) / 864e5;
    if (days <= 90) return { interval: utcDay, label: 'per day' };
    if (days <= 400) return { interval: utcWeek, label: 'per week' };
    if (days <= 365 * 12) return { interval: utcMonth, label: 'per month' };
    return { interval: utcYear, label: 'per year' };
  }

  private bins(placed: Placed[], interval: CountableTimeInterval): Bin[] {
    const byStart = new Map<number, Bin>();
    for (const p of placed) {
      if (p.event.statusClass !== 'happened') continue;
      const start = interval.floor(p.at);
      const key = start.getTime();
      let bin = byStart.get(key);
      if (!bin) {
        bin = { start, end: interval.offset(start, 1), cooperation: 0, conflict: 0 };
        byStart.set(key, bin);
      }
      if (sideOf(p.event) === 'cooperation') bin.cooperation++;
      else bin.conflict++;
    }
    return [...byStart.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  /** Spreads marks of a lane vertically where they would overlap. */
  private lanes(placed: Placed[], x: (d: Date) => number, top: number): Lane[] {
    const byType = new Map<string, Placed[]>();
    for (const p of placed) {
      const list = byType.get(p.event.type) ?? [];
      list.push(p);
      byType.set(p.event.type, list);
    }
    const order = [...byType.keys()].sort((a, b) => rank(a) - rank(b));
    const lanes: Lane[] = [];
    let y = top;
    for (const type of order) {
      const items = byType.get(type)!.slice().sort((a, b) => a.at.getTime() - b.at.getTime() || a.event.id - b.event.id);
      const taken: { x: number; dy: number }[] = [];
      const marks: Lane['marks'] = [];
      let reach = 0;
      for (const p of items) {
        const px = x(p.at);
        let dy = 0;
        for (let k = 0; k < 40; k++) {
          dy = k === 0 ? 0 : (k % 2 ? -1 : 1) * Math.ceil(k / 2) * (MARK_R * 2 + 1);
          if (!taken.some((t) => t.dy === dy && Math.abs(t.x - px) < MARK_R * 2 + 1)) break;
        }
        taken.push({ x: px, dy });
        if (taken.length > 400) taken.shift();
        reach = Math.max(reach, Math.abs(dy));
        marks.push({ p, x: px, dy });
      }
      const height = Math.max(30, reach * 2 + MARK_R * 2 + 14);
      lanes.push({ type, y, height, count: items.length, marks });
      y += height;
    }
    return lanes;
  }

  override render() {
    const { placed, unplaced } = placeAll(this.events, this.asOf, this.standings);
    const width = Math.max(320, this.box.width);
    const domain = this.domain(placed);
    const x = scaleUtc().domain(domain).range([LABEL_W, width - RIGHT_PAD]);
    this.x = x;
    const xf = (d: Date) => x(d);
    const { interval, label } = this.binInterval(domain);
    const bins = this.bins(placed, interval);
    const maxBin = Math.max(1, ...bins.map((b) => Math.max(b.cooperation, b.conflict)));
    const HIST_H = this.histHeight;
    const half = HIST_H / 2 - 4;
    const yh = scaleLinear().domain([0, maxBin]).range([0, half]);
    const mid = HIST_H / 2;

    const deadlines = placed.filter((p) => p.event.statusClass === 'planned');
    const lanesTop = HIST_H + 24;
    const lanes = this.mini ? [] : this.lanes(placed, xf, lanesTop);
    const deadlineRowY = HIST_H + 22;
    const lanesBottom = this.mini ? HIST_H + (deadlines.length ? 40 : 8) : (lanes.at(-1)?.y ?? lanesTop) + (lanes.at(-1)?.height ?? 0);
    const height = lanesBottom + AXIS_H;
    const ticks = x.ticks(Math.max(2, Math.floor((width - LABEL_W) / 110)));
    const tickFormat = x.tickFormat(ticks.length);
    const asOfDate = parseDay(this.asOf);
    const asOfX = asOfDate && asOfDate >= domain[0] && asOfDate <= domain[1] ? x(asOfDate) : null;
    const barW = (b: Bin) => Math.max(1.5, x(b.end) - x(b.start) - 1);

    return html`
      <svg width=${width} height=${height} role="img" aria-label="Timeline of ${placed.length} events" @mouseleave=${() => (this.tip = null)}>
        <g class="hist">
          <text class="hist-label" x="4" y="11" style="font-style:italic">events ${label}</text>
          <text class="hist-label" x="4" y=${mid - 5}>▲ cooperation</text>
          <text class="hist-label" x="4" y=${mid + 13}>▼ conflict</text>
          <line x1=${LABEL_W} x2=${width - RIGHT_PAD} y1=${mid} y2=${mid} stroke="#cfd6df"></line>
          ${bins.map(
            (b) => svg`<g>
              ${b.cooperation ? svg`<rect class="bar coop" x=${x(b.start)} width=${barW(b)} y=${mid - yh(b.cooperation)} height=${yh(b.cooperation)} rx="1"></rect>` : nothing}
              ${b.conflict ? svg`<rect class="bar conflict" x=${x(b.start)} width=${barW(b)} y=${mid} height=${yh(b.conflict)} rx="1"></rect>` : nothing}
              <rect x=${x(b.start)} width=${Math.max(4, barW(b))} y="0" height=${HIST_H} fill="transparent"
                @mouseenter=${(ev: MouseEvent) => this.showBinTip(ev, b, interval)}></rect>
            </g>`,
          )}
          ${this.mini ? nothing : svg`<g class="brush"></g>`}
        </g>
        ${ticks.map((t) => svg`<line class="grid" x1=${x(t)} x2=${x(t)} y1=${HIST_H + 4} y2=${lanesBottom}></line>`)}
        ${this.mini
          ? nothing
          : ticks.map((t) => svg`<text class="top-tick" x=${x(t)} y=${HIST_H + 17} text-anchor="middle">${tickFormat(t)}</text>`)}
        ${lanes.map((lane, i) => this.renderLane(lane, i, width))}
        ${this.mini ? this.renderDeadlineRow(deadlines, xf, deadlineRowY) : nothing}
        ${asOfX !== null
          ? svg`<g class="asof"><line x1=${asOfX} x2=${asOfX} y1="2" y2=${lanesBottom}></line>
              <text x=${asOfX - 4} y="10" text-anchor="end">as of ${fmtDay(this.asOf)}</text></g>`
          : asOfDate && asOfDate > domain[1]
            ? svg`<g class="asof"><text x=${width - RIGHT_PAD} y="10" text-anchor="end">as of ${fmtDay(this.asOf)} →</text></g>`
            : nothing}
        <g class="axis" transform="translate(0,${lanesBottom})">
          <line x1=${LABEL_W} x2=${width - RIGHT_PAD} stroke="#b8c2ce"></line>
          ${ticks.map(
            (t) => svg`<g class="tick" transform="translate(${x(t)},0)"><line y2="5"></line><text y="17" text-anchor="middle">${tickFormat(t)}</text></g>`,
          )}
        </g>
      </svg>
      ${unplaced.length
        ? html`<div class="small muted">${unplaced.length} event${unplaced.length === 1 ? '' : 's'} with neither a date nor a dated report: listed below, not drawn.</div>`
        : nothing}
      <chart-tip .tip=${this.tip}></chart-tip>
    `;
  }

  private renderLane(lane: Lane, index: number, width: number): TemplateResult {
    const center = lane.y + lane.height / 2;
    const side = sideOf({ type: lane.type, quadClass: null });
    return svg`<g class="lane" data-type=${lane.type}>
      <rect class="lane-bg ${index % 2 ? 'alt' : ''}" x="0" y=${lane.y} width=${width - RIGHT_PAD} height=${lane.height}></rect>
      <rect x="0" y=${lane.y + 4} width="3" height=${lane.height - 8} fill=${side === 'cooperation' ? COOP : CONFLICT} rx="1"></rect>
      <text class="lane-label" x="10" y=${center + 1}>${lane.type}</text>
      <text class="lane-count" x=${LABEL_W - 8} y=${center + 1} text-anchor="end">${lane.count}</text>
      ${lane.marks.map((m) => this.renderMark(m.p, m.x, center + m.dy))}
    </g>`;
  }

  private renderMark(p: Placed, x: number, y: number): TemplateResult {
    const e = p.event;
    const color = eventColor(e);
    const announced = parseDay(e.firstReported);
    let shape: TemplateResult;
    let extra: TemplateResult | typeof nothing = nothing;
    const scale = (d: Date) => this.x(d);
    if (e.statusClass === 'planned') {
      const s = MARK_R + 1.5;
      shape = svg`<path class="shape" d="M${x},${y - s}L${x + s},${y}L${x},${y + s}L${x - s},${y}Z"
        fill=${plannedStyle(p).fill} stroke=${plannedStyle(p).stroke} stroke-dasharray=${plannedStyle(p).dash} stroke-width="2"></path>`;
      if (p.deadline && announced && announced < p.at) {
        extra = svg`<line class="commit-line" x1=${scale(announced)} x2=${x - s} y1=${y} y2=${y} stroke=${plannedStyle(p).stroke}></line>
          <circle cx=${scale(announced)} cy=${y} r="2" fill=${plannedStyle(p).stroke}></circle>`;
      }
      if (p.overdue) extra = svg`${extra}<text class="overdue-flag" x=${x} y=${y - s - 3} text-anchor="middle">!</text>`;
    } else if (e.statusClass === 'negated') {
      const s = MARK_R - 0.5;
      shape = svg`<path class="shape" d="M${x - s},${y - s}L${x + s},${y + s}M${x + s},${y - s}L${x - s},${y + s}" stroke=${color} stroke-width="2.5" fill="none"></path>`;
    } else if (e.statusClass === 'hypothetical') {
      shape = svg`<circle class="shape" cx=${x} cy=${y} r=${MARK_R - 0.5} fill="#fff" stroke=${color} stroke-width="1.5" stroke-dasharray="2 1.5"></circle>`;
    } else {
      shape = p.dated
        ? svg`<circle class="shape" cx=${x} cy=${y} r=${MARK_R} fill=${color} stroke="#fff" stroke-width="1"></circle>`
        : svg`<circle class="shape" cx=${x} cy=${y} r=${MARK_R - 0.5} fill="#fff" stroke=${color} stroke-width="2"></circle>`;
      const x0 = scale(p.start);
      const x1 = scale(p.end);
      if (x1 - x0 > MARK_R * 2) {
        extra = svg`<line x1=${x0} x2=${x1} y1=${y} y2=${y} stroke=${color} stroke-opacity="0.35" stroke-width="4" stroke-linecap="round"></line>`;
      }
    }
    return svg`<g class="event-mark ${e.statusClass} ${p.overdue ? 'overdue' : ''}" data-id=${e.id} tabindex="0" role="button"
        aria-label=${describe(p)}
        @click=${() => this.open(e.id)}
        @keydown=${(ev: KeyboardEvent) => (ev.key === 'Enter' || ev.key === ' ') && (ev.preventDefault(), this.open(e.id))}
        @mouseenter=${() => this.showTip(p, x, y)} @focus=${() => this.showTip(p, x, y)}
        @mouseleave=${() => (this.tip = null)} @blur=${() => (this.tip = null)}>
      ${extra}<circle class="halo" cx=${x} cy=${y} r=${MARK_R + 4} fill="transparent"></circle>${shape}
    </g>`;
  }

  private renderDeadlineRow(deadlines: Placed[], x: (d: Date) => number, y: number): TemplateResult {
    return svg`<g class="deadlines">
      ${deadlines.length ? svg`<text class="hist-label" x="4" y=${y + 4}>deadlines</text>` : nothing}
      ${deadlines.map((p) => {
        const px = x(p.at);
        const s = 6;
        return svg`<g class="event-mark planned ${p.overdue ? 'overdue' : ''}" data-id=${p.event.id} tabindex="0" role="button" aria-label=${describe(p)}
            @click=${() => this.open(p.event.id)}
            @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && this.open(p.event.id)}
            @mouseenter=${() => this.showTip(p, px, y)} @focus=${() => this.showTip(p, px, y)}
            @mouseleave=${() => (this.tip = null)} @blur=${() => (this.tip = null)}>
          <path class="shape" d="M${px},${y - s}L${px + s},${y}L${px},${y + s}L${px - s},${y}Z"
            fill=${plannedStyle(p).fill} stroke=${plannedStyle(p).stroke} stroke-dasharray=${plannedStyle(p).dash} stroke-width="2"></path>
        </g>`;
      })}
    </g>`;
  }

  protected override updated(): void {
    if (this.mini) return;
    const g = this.renderRoot.querySelector<SVGGElement>('g.brush');
    if (!g) return;
    const width = Math.max(320, this.box.width);
    const x = this.x;
    const brush = brushX<unknown>()
      .extent([
        [LABEL_W, 0],
        [width - RIGHT_PAD, this.histHeight],
      ])
      .on('end', (ev: D3BrushEvent<unknown>) => {
        if (!ev.sourceEvent || !ev.selection) return;
        const [x0, x1] = ev.selection as [number, number];
        if (x1 - x0 < 3) return;
        const from = isoDay(utcDay.floor(x.invert(x0)));
        const to = isoDay(utcDay.floor(x.invert(x1)));
        select(g).call(brush.move, null);
        this.dispatchEvent(new CustomEvent('range', { detail: { from, to }, bubbles: true, composed: true }));
      });
    select(g).call(brush);
  }

  private showBinTip(ev: MouseEvent, b: Bin, interval: CountableTimeInterval): void {
    const box = this.getBoundingClientRect();
    const fmt = interval === utcDay ? utcFormat('%-d %b %Y') : interval === utcWeek ? utcFormat('week of %-d %b %Y') : interval === utcMonth ? utcFormat('%B %Y') : utcFormat('%Y');
    this.tip = {
      title: fmt(b.start),
      lines: [`${b.cooperation} cooperation · ${b.conflict} conflict events`],
      x: ev.clientX - box.left,
      y: ev.clientY - box.top,
    };
  }

  private showTip(p: Placed, x: number, y: number): void {
    const e = p.event;
    const who = `${e.source?.name ?? '?'} → ${e.target?.name ?? '—'}`;
    const lines = [who];
    lines.push(
      e.statusClass === 'planned'
        ? `${p.deadline ? `deadline ${fmtTimeml(e.date)}` : 'no deadline given'}${p.standing ? ` · ${STANDING_TEXT[p.standing]}` : p.overdue ? ' · deadline passed' : ''}`
        : `${p.dated ? fmtTimeml(e.date) : `undated, reported ${fmtDay(e.firstReported)}`}`,
    );
    if (e.place) lines.push(e.place.name);
    const bits = [e.status, e.quadClass ? QUAD_LABELS[e.quadClass] : null, e.fatalities ? `${e.fatalities} killed` : null, `${e.numArticles} report${e.numArticles === 1 ? '' : 's'}`];
    lines.push(bits.filter(Boolean).join(' · '));
    this.tip = { title: e.type + (e.mode ? ` (${e.mode})` : ''), lines, x, y };
  }

  private open(id: number): void {
    this.dispatchEvent(new CustomEvent('open-event', { detail: { id }, bubbles: true, composed: true }));
  }
}

const STANDING_TEXT: Record<Standing, string> = {
  upcoming: 'upcoming',
  'overdue-unconfirmed': 'OVERDUE, no report it was kept',
  fulfilled: 'reported kept',
  contradicted: 'contradicted by a later report',
  'no-deadline': 'no deadline',
};

/** A planned event's diamond: open while due, filled orange when overdue, green when kept. */
export function plannedStyle(p: Placed): { fill: string; stroke: string; dash: string } {
  if (p.overdue) return { fill: OVERDUE, stroke: OVERDUE, dash: 'none' };
  if (p.standing === 'fulfilled') return { fill: KEPT, stroke: KEPT, dash: 'none' };
  if (p.standing === 'contradicted') return { fill: '#fff', stroke: CONFLICT, dash: '2 1.5' };
  return { fill: '#fff', stroke: PLANNED, dash: p.deadline ? 'none' : '2 1.5' };
}

function rank(type: string): number {
  const i = (PLOVER_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? 99 : i;
}

function describe(p: Placed): string {
  const e = p.event;
  const when = e.statusClass === 'planned' ? (p.deadline ? `deadline ${fmtTimeml(e.date)}` : 'no deadline') : p.dated ? fmtTimeml(e.date) : `reported ${fmtDay(e.firstReported)}`;
  return `${e.type} ${e.status}: ${e.source?.name ?? 'unknown'} to ${e.target?.name ?? 'none'}, ${when}${p.overdue ? ', overdue' : ''}`;
}

customElements.define('timeline-chart', TimelineChart);
