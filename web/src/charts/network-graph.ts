import { LitElement, css, html, svg, nothing, type PropertyValues } from 'lit';
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { scaleSqrt } from 'd3-scale';
import type { Network, NetworkEdge, NetworkNode } from '../api.js';
import { truncate } from '../format.js';
import { CONFLICT, COOP, NEUTRAL, kindColor } from '../palette.js';
import { shared } from '../styles.js';
import { chartHostStyles, zoomControlStyles } from './chart-styles.js';
import { WidthController } from './width-controller.js';
import { ZoomController } from './zoom-controller.js';
import '../components/tooltip.js';
import type { TipContent } from '../components/tooltip.js';

interface LaidNode extends SimulationNodeDatum {
  node: NetworkNode;
  r: number;
  /** In the row of small unconnected groups at the bottom. */
  island?: boolean;
  x: number;
  y: number;
}

type Side = 'coop' | 'conflict' | 'neutral';

interface EdgePart {
  edge: NetworkEdge;
  side: Side;
  count: number;
  d: string;
  width: number;
}

const SIDE_COLOR: Record<Side, string> = { coop: COOP, conflict: CONFLICT, neutral: NEUTRAL };

/**
 * Who acts on whom: actors as circles sized by their events, one curved arrow per direction
 * and side (cooperation blue, conflict red), its width by the number of events. The layout is
 * computed to rest before it is drawn, so the same data always gives the same picture.
 */
export class NetworkGraph extends LitElement {
  static override properties = {
    network: { attribute: false },
    height: { type: Number },
    maxNodes: { type: Number },
    labels: { type: Number },
    selectedEdge: { type: String },
    selected: { type: Number },
    hover: { state: true },
    tip: { state: true },
  };
  declare network: Network;
  declare height: number;
  declare maxNodes: number;
  /** How many of the busiest actors are named without hovering. */
  declare labels: number;
  /** "source-target" of the link chosen, shown with its two actors while the rest fades. */
  declare selectedEdge: string | null;
  declare selected: number | null;
  declare hover: number | null;
  declare tip: TipContent | null;
  private readonly box = new WidthController(this, 800);
  private readonly zoom = new ZoomController(this, { scaleExtent: [0.5, 8], step: 1.5, onZoom: () => (this.tip = null) });
  private laid: LaidNode[] = [];
  private parts: EdgePart[] = [];
  private layoutKey = '';

  constructor() {
    super();
    this.network = { nodes: [], edges: [] };
    this.height = 560;
    this.maxNodes = 60;
    this.labels = 30;
    this.selectedEdge = null;
    this.selected = null;
    this.hover = null;
    this.tip = null;
  }

  static override styles = [
    shared,
    chartHostStyles,
    zoomControlStyles,
    css`
      svg {
        background: #fbfcfd;
      }
      .edge {
        fill: none;
        stroke-linecap: round;
        cursor: pointer;
        outline: none;
        transition: opacity 0.15s;
      }
      .edge:hover,
      .edge:focus-visible {
        stroke-opacity: 1 !important;
      }
      .edge:focus-visible {
        filter: drop-shadow(0 0 2px var(--focus));
      }
      .node {
        cursor: pointer;
        outline: none;
        transition: opacity 0.15s;
      }
      .node circle {
        stroke: #fff;
        stroke-width: 1.5px;
      }
      .node.selected circle,
      .node:hover circle {
        stroke: var(--ink);
        stroke-width: 2px;
      }
      .node:focus-visible circle {
        stroke: var(--focus);
        stroke-width: 3px;
      }
      .node text {
        font-size: 11px;
        fill: #253041;
        paint-order: stroke;
        stroke: rgba(255, 255, 255, 0.92);
        stroke-width: 3px;
        pointer-events: none;
      }
      .node text.code {
        font-size: 9.5px;
        fill: var(--ink-3);
        font-family: var(--mono);
      }
      .faded {
        opacity: 0.12;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues): void {
    const key = `${this.box.width}x${this.height}:${this.maxNodes}:${this.network.nodes.length}:${this.network.edges.length}:${this.network.nodes.map((n) => n.id).join(',')}`;
    if (changed.has('network') || key !== this.layoutKey) {
      if (key !== this.layoutKey) this.layout();
      this.layoutKey = key;
    }
  }

  /** Runs the force layout to rest and fits it into the box. */
  private layout(): void {
    const w = Math.max(320, this.box.width);
    const h = this.height;
    const nodes = [...this.network.nodes].sort((a, b) => b.events - a.events || a.id - b.id).slice(0, this.maxNodes);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = this.network.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
    const r = scaleSqrt()
      .domain([0, Math.max(1, ...nodes.map((n) => n.events))])
      .range([4, 22]);
    const laid: LaidNode[] = nodes.map((node) => ({ node, r: r(node.events), x: 0, y: 0 }));
    const byId = new Map(laid.map((n) => [n.node.id, n]));
    const links = edges.map((e) => ({ source: byId.get(e.source)!, target: byId.get(e.target)!, weight: e.events }));
    const maxWeight = Math.max(1, ...links.map((l) => l.weight));

    // Small islands (an isolated pair) would drift to the rim and squash the main picture:
    // they get a row of their own along the bottom; the rest is laid out by forces.
    let islands = components(laid, links).filter((c) => c.length <= 3);
    const rowWidth = islands.reduce((sum, c) => sum + c.length * 70 + 90, 0);
    if (laid.length - islands.flat().length < 4 || rowWidth > w) islands = [];
    const islanders = new Set(islands.flat());
    const core = laid.filter((n) => !islanders.has(n));
    const coreLinks = links.filter((l) => !islanders.has(l.source));
    const strip = islands.length ? 46 : 0;
    const sim = forceSimulation<LaidNode>(core)
      .force('link', forceLink<LaidNode, (typeof links)[number]>(coreLinks).distance(120).strength((l) => 0.15 + 0.4 * (l.weight / maxWeight)))
      .force('charge', forceManyBody<LaidNode>().strength(-520).distanceMax(360))
      .force('collide', forceCollide<LaidNode>((d) => d.r + 22))
      .force('x', forceX<LaidNode>(0).strength(0.05 * Math.min(1, (1.2 * (h - strip)) / w)))
      .force('y', forceY<LaidNode>(0).strength(0.14))
      .force('center', forceCenter(0, 0))
      .stop();
    for (let i = 0; i < 320; i++) sim.tick();

    // Fit: leave room for the labels beside the circles.
    const xs = core.map((n) => n.x);
    const ys = core.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // Labels sit right of their circles: more room on the right than on the left.
    const [padLeft, padRight, padY] = [36, 170, 36];
    const s = Math.min((w - padLeft - padRight) / Math.max(1, x1 - x0), (h - strip - 2 * padY) / Math.max(1, y1 - y0), 1.6);
    for (const n of core) {
      n.x = padLeft + (w - padLeft - padRight) / 2 + (n.x - (x0 + x1) / 2) * (Number.isFinite(s) ? s : 1);
      n.y = (h - strip) / 2 + (n.y - (y0 + y1) / 2) * (Number.isFinite(s) ? s : 1);
    }
    let cursor = 24;
    for (const island of islands) {
      island.forEach((n, i) => {
        n.island = true;
        n.x = cursor + i * 70;
        n.y = h - strip / 2 - (i % 2) * 8;
      });
      cursor += island.length * 70 + 90;
    }
    this.laid = laid;

    const width = scaleSqrt()
      .domain([0, Math.max(1, ...edges.map((e) => Math.max(e.cooperation, e.conflict, e.events - e.cooperation - e.conflict)))])
      .range([1.2, 8]);
    const parts: EdgePart[] = [];
    for (const e of edges) {
      const a = byId.get(e.source)!;
      const b = byId.get(e.target)!;
      const sides: [Side, number][] = [
        ['coop', e.cooperation],
        ['conflict', e.conflict],
        ['neutral', Math.max(0, e.events - e.cooperation - e.conflict)],
      ];
      let bend = 0;
      for (const [side, count] of sides) {
        if (count <= 0) continue;
        bend++;
        parts.push({ edge: e, side, count, d: curve(a, b, 0.1 + 0.12 * (bend - 1)), width: width(count) });
      }
    }
    this.parts = parts;
  }

  override render() {
    const w = Math.max(320, this.box.width);
    const h = this.height;
    const focus = this.hover ?? this.selected;
    const neighbours = new Set<number>();
    if (focus !== null) {
      neighbours.add(focus);
      for (const p of this.parts) {
        if (p.edge.source === focus) neighbours.add(p.edge.target);
        if (p.edge.target === focus) neighbours.add(p.edge.source);
      }
    }
    const pair = this.hover === null && this.selectedEdge ? this.selectedEdge.split('-').map(Number) : null;
    const k = this.zoom.transform.k;
    return html`
      ${this.zoom.controls()}
      <svg width=${w} height=${h} role="img" aria-label="Network of ${this.laid.length} actors and ${this.parts.length} links">
        <defs>
          ${(['coop', 'conflict', 'neutral'] as Side[]).map(
            (s) => svg`<marker id="arrow-${s}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse" markerUnits="userSpaceOnUse">
              <path d="M0,1L9,5L0,9z" fill=${SIDE_COLOR[s]}></path></marker>`,
          )}
        </defs>
        <g transform=${this.zoom.transform.toString()}>
          <g class="edges">
            ${this.parts.map((p) => {
              const faded = pair
                ? `${p.edge.source}-${p.edge.target}` !== this.selectedEdge
                : focus !== null && p.edge.source !== focus && p.edge.target !== focus;
              return svg`<path class="edge ${p.side} ${faded ? 'faded' : ''}" d=${p.d}
                data-source=${p.edge.source} data-target=${p.edge.target} data-count=${p.count}
                stroke=${SIDE_COLOR[p.side]} stroke-width=${p.width / Math.sqrt(k)} stroke-opacity="0.5"
                marker-end="url(#arrow-${p.side})" tabindex="0" role="button"
                aria-label=${this.edgeLabel(p)}
                @mouseenter=${(ev: MouseEvent) => this.edgeTip(ev, p)} @focus=${(ev: FocusEvent) => this.edgeTip(ev, p)}
                @mouseleave=${() => (this.tip = null)} @blur=${() => (this.tip = null)}
                @click=${() => this.emit('select-edge', { source: p.edge.source, target: p.edge.target })}
                @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && this.emit('select-edge', { source: p.edge.source, target: p.edge.target })}></path>`;
            })}
          </g>
          <g class="nodes">
            ${this.laid.map((n, rank) => {
              const faded = pair ? !pair.includes(n.node.id) : focus !== null && !neighbours.has(n.node.id);
              const named = rank < this.labels || n.island || (focus !== null && neighbours.has(n.node.id));
              return svg`<g class="node ${this.selected === n.node.id ? 'selected' : ''} ${faded ? 'faded' : ''}" data-id=${n.node.id}
                  transform="translate(${n.x},${n.y})" tabindex="0" role="button"
                  aria-label="${n.node.name}${n.node.code ? ` (${n.node.code})` : ''}: ${n.node.events} events"
                  @mouseenter=${() => ((this.hover = n.node.id), this.nodeTip(n))} @focus=${() => ((this.hover = n.node.id), this.nodeTip(n))}
                  @mouseleave=${() => ((this.hover = null), (this.tip = null))} @blur=${() => ((this.hover = null), (this.tip = null))}
                  @click=${() => this.emit('select-actor', { node: n.node })}
                  @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && this.emit('select-actor', { node: n.node })}>
                <circle r=${n.r / Math.sqrt(k)} fill=${kindColor(n.node.kind)}></circle>
                ${named || k > 1.6
                  ? svg`<g transform="scale(${1 / k})">
                      <text x=${n.r * Math.sqrt(k) + 4} y="4">${truncate(n.node.name, 28)}</text>
                      ${n.node.code && (rank < 12 || focus !== null) ? svg`<text class="code" x=${n.r * Math.sqrt(k) + 4} y="15">${n.node.code}</text>` : nothing}
                    </g>`
                  : nothing}
              </g>`;
            })}
          </g>
        </g>
      </svg>
      <chart-tip .tip=${this.tip}></chart-tip>
    `;
  }

  private name(id: number): string {
    return this.laid.find((n) => n.node.id === id)?.node.name ?? String(id);
  }

  private edgeLabel(p: EdgePart): string {
    const what = p.side === 'coop' ? 'cooperation' : p.side === 'conflict' ? 'conflict' : 'other';
    return `${this.name(p.edge.source)} to ${this.name(p.edge.target)}: ${p.count} ${what} event${p.count === 1 ? '' : 's'}`;
  }

  private edgeTip(ev: MouseEvent | FocusEvent, p: EdgePart): void {
    const box = this.getBoundingClientRect();
    const target = ev.target as SVGPathElement;
    const r = target.getBoundingClientRect();
    const x = ev instanceof MouseEvent ? ev.clientX - box.left : r.left + r.width / 2 - box.left;
    const y = ev instanceof MouseEvent ? ev.clientY - box.top : r.top + r.height / 2 - box.top;
    const e = p.edge;
    this.tip = {
      title: `${this.name(e.source)} → ${this.name(e.target)}`,
      lines: [`${e.events} event${e.events === 1 ? '' : 's'}: ${e.cooperation} cooperation, ${e.conflict} conflict`, 'click to list them'],
      x,
      y,
    };
  }

  private nodeTip(n: LaidNode): void {
    const [x, y] = this.zoom.transform.apply([n.x, n.y]);
    const out = this.parts.filter((p) => p.edge.source === n.node.id).reduce((s, p) => s + p.count, 0);
    const inn = this.parts.filter((p) => p.edge.target === n.node.id).reduce((s, p) => s + p.count, 0);
    this.tip = {
      title: n.node.name,
      lines: [`${n.node.code ?? 'no code'} · ${n.node.kind.replace('_', ' ')}`, `${n.node.events} events · ${out} as source, ${inn} as target`],
      x,
      y,
    };
  }

  private emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

/** The connected groups of nodes, largest first. */
function components(nodes: LaidNode[], links: { source: LaidNode; target: LaidNode }[]): LaidNode[][] {
  const parent = new Map(nodes.map((n) => [n, n]));
  const find = (n: LaidNode): LaidNode => {
    let p = parent.get(n)!;
    while (p !== parent.get(p)) p = parent.get(p)!;
    parent.set(n, p);
    return p;
  };
  for (const l of links) parent.set(find(l.source), find(l.target));
  const groups = new Map<LaidNode, LaidNode[]>();
  for (const n of nodes) {
    const root = find(n);
    groups.set(root, [...(groups.get(root) ?? []), n]);
  }
  return [...groups.values()].sort((a, b) => b.length - a.length);
}

/** A quadratic curve from a to b bent to the right of the direction a→b, stopping at b's rim. */
function curve(a: LaidNode, b: LaidNode, bend: number): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const cx = (a.x + b.x) / 2 - dy * bend;
  const cy = (a.y + b.y) / 2 + dx * bend;
  const ex = b.x - cx;
  const ey = b.y - cy;
  const el = Math.hypot(ex, ey) || 1;
  const stop = Math.min(b.r + 3, len / 3);
  const sx = a.x + ((cx - a.x) / (Math.hypot(cx - a.x, cy - a.y) || 1)) * Math.min(a.r, len / 3);
  const sy = a.y + ((cy - a.y) / (Math.hypot(cx - a.x, cy - a.y) || 1)) * Math.min(a.r, len / 3);
  return `M${sx.toFixed(1)},${sy.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${(b.x - (ex / el) * stop).toFixed(1)},${(b.y - (ey / el) * stop).toFixed(1)}`;
}

customElements.define('network-graph', NetworkGraph);
