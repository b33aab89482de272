import { LitElement, css, html, svg, nothing } from 'lit';
import { geoNaturalEarth1, geoPath, geoGraticule10, type GeoProjection } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { zoomIdentity } from 'd3-zoom';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import type { EventRow, PlaceRef } from '../api.js';
import { sideOf, shareColor } from '../palette.js';
import { shared } from '../styles.js';
import { chartHostStyles, zoomControlStyles } from './chart-styles.js';
import { WidthController } from './width-controller.js';
import { ZoomController } from './zoom-controller.js';
import '../components/tooltip.js';
import type { TipContent } from '../components/tooltip.js';

export interface PlacePoint {
  place: PlaceRef;
  events: number;
  cooperation: number;
  conflict: number;
  fatalities: number;
}

interface Basemap {
  land: FeatureCollection<Geometry, { name?: string }>;
  borders: MultiLineString;
}

interface CountryLabel {
  name: string;
  x: number;
  y: number;
  /** Projected area in square pixels at zoom 1: small countries are named only when zoomed in. */
  area: number;
}

let basemap: Promise<Basemap> | null = null;

/** The Natural Earth countries of world-atlas, bundled: loaded once, on the first map. */
function loadBasemap(): Promise<Basemap> {
  basemap ??= import('world-atlas/countries-50m.json').then((m) => {
    const topo = (m.default ?? m) as unknown as Topology<{ countries: GeometryCollection }>;
    const land = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
    const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b) as MultiLineString;
    return { land, borders };
  });
  return basemap;
}

/** The 3rd and 97th weighted percentiles of [value, weight] pairs. */
function weightedRange(pairs: [number, number][]): [number, number] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, p) => s + p[1], 0);
  const at = (q: number) => {
    let acc = 0;
    for (const [v, wt] of sorted) {
      acc += wt;
      if (acc >= q * total) return v;
    }
    return sorted[sorted.length - 1]![0];
  };
  return [at(0.03), at(0.97)];
}

export function placePoints(events: readonly EventRow[]): PlacePoint[] {
  const byPlace = new Map<number, PlacePoint>();
  for (const e of events) {
    const p = e.place;
    if (!p || p.lat === null || p.lon === null) continue;
    let point = byPlace.get(p.id);
    if (!point) {
      point = { place: p, events: 0, cooperation: 0, conflict: 0, fatalities: 0 };
      byPlace.set(p.id, point);
    }
    point.events++;
    if (sideOf(e) === 'cooperation') point.cooperation++;
    else point.conflict++;
    point.fatalities += e.fatalities ?? 0;
  }
  return [...byPlace.values()].sort((a, b) => b.events - a.events);
}

/**
 * Events on the map: one circle per located place, its area by the number of events, its
 * color from blue (all cooperation) to red (all conflict). Pans and zooms; circles are
 * focusable and report the place chosen.
 */
export class WorldMap extends LitElement {
  static override properties = {
    events: { attribute: false },
    height: { type: Number },
    selected: { type: Number },
    labels: { type: Number },
    map: { state: true },
    tip: { state: true },
  };
  declare events: EventRow[];
  declare height: number;
  declare selected: number | null;
  /** How many of the busiest places get a name beside their circle. */
  declare labels: number;
  declare map: Basemap | null;
  declare tip: TipContent | null;
  private readonly box = new WidthController(this, 800);
  private readonly zoom = new ZoomController(this, { scaleExtent: [1, 40], step: 1.6, onZoom: () => (this.tip = null) });
  private fittedFor = '';
  private labelCache: { key: string; labels: CountryLabel[] } = { key: '', labels: [] };

  constructor() {
    super();
    this.events = [];
    this.height = 460;
    this.selected = null;
    this.labels = 8;
    this.map = null;
    this.tip = null;
  }

  static override styles = [
    shared,
    chartHostStyles,
    zoomControlStyles,
    css`
      svg {
        background: #eaf1f7;
      }
      .land {
        fill: #f7f5f0;
        stroke: none;
      }
      .borders {
        fill: none;
        stroke: #b9b3a6;
        stroke-width: 0.6px;
        vector-effect: non-scaling-stroke;
      }
      .graticule {
        fill: none;
        stroke: #dbe5ee;
        stroke-width: 0.5px;
        vector-effect: non-scaling-stroke;
      }
      .country-label {
        fill: #9aa1ab;
        letter-spacing: 0.08em;
        text-transform: uppercase;
        pointer-events: none;
        font-weight: 500;
      }
      .place-point {
        cursor: pointer;
        outline: none;
      }
      .place-point circle {
        fill-opacity: 0.78;
        stroke: #fff;
        stroke-width: 1.2px;
        vector-effect: non-scaling-stroke;
      }
      .place-point:hover circle,
      .place-point:focus-visible circle,
      .place-point.selected circle {
        stroke: var(--ink);
        stroke-width: 2px;
        fill-opacity: 0.95;
      }
      .place-point:focus-visible circle {
        stroke: var(--focus);
        stroke-width: 3px;
      }
      .place-label {
        font-weight: 600;
        fill: #2a3340;
        paint-order: stroke;
        stroke: rgba(255, 255, 255, 0.9);
        pointer-events: none;
      }
      .controls button {
        box-shadow: 0 1px 2px rgba(0, 0, 0, 0.08);
      }
      .attribution {
        position: absolute;
        right: 8px;
        bottom: 6px;
        font-size: 10px;
        color: var(--ink-3);
        background: rgba(255, 255, 255, 0.7);
        padding: 0 4px;
        border-radius: 3px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void loadBasemap().then((m) => (this.map = m));
  }

  /**
   * Frames where most events are (the 3rd to 97th percentile of longitude and latitude,
   * weighted by events) with a margin, so one far-off mention does not shrink the theatre to
   * a dot; zooming out shows the rest. The whole world when nothing is located.
   */
  private projection(points: PlacePoint[]): GeoProjection {
    const w = Math.max(300, this.box.width);
    const h = this.height;
    const projection = geoNaturalEarth1();
    if (points.length === 0) return projection.fitExtent([[8, 8], [w - 8, h - 8]], { type: 'Sphere' });
    let [lo0, lo1] = weightedRange(points.map((p) => [p.place.lon!, p.events]));
    let [la0, la1] = weightedRange(points.map((p) => [p.place.lat!, p.events]));
    const pad = Math.max(3, (lo1 - lo0) * 0.15, (la1 - la0) * 0.15);
    lo0 = Math.max(-180, lo0 - pad);
    lo1 = Math.min(180, lo1 + pad);
    la0 = Math.max(-85, la0 - pad);
    la1 = Math.min(85, la1 + pad);
    const box: Feature<Geometry> = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPoint', coordinates: [[lo0, la0], [lo1, la1], [lo0, la1], [lo1, la0]] },
    };
    return projection.fitExtent([[24, 24], [w - 24, h - 24]], box);
  }

  override render() {
    const points = placePoints(this.events);
    const w = Math.max(300, this.box.width);
    const h = this.height;
    const projection = this.projection(points);
    const path = geoPath(projection);
    const r = scaleSqrt()
      .domain([0, Math.max(1, ...points.map((p) => p.events))])
      .range([0, h < 360 ? 18 : 26]);
    const k = this.zoom.transform.k;
    const drawn = points
      .map((p) => ({ p, xy: projection([p.place.lon!, p.place.lat!]) }))
      .filter((d): d is { p: PlacePoint; xy: [number, number] } => !!d.xy);
    const labelled = this.labelPlaces(drawn, r);
    // Names go at the centroid of the part of a country in the frame, so neighbours cut by the
    // frame's edge are named too.
    const clipped = geoPath(geoNaturalEarth1().scale(projection.scale()).translate(projection.translate()).clipExtent([[0, 0], [w, h]]));
    const countries = this.countryLabels(clipped, `${w}x${h}:${projection.scale()}:${projection.translate().join(',')}`);
    return html`
      ${this.zoom.controls()}
      <svg width=${w} height=${h} role="img" aria-label="Map of ${points.length} places with events">
        <g transform=${this.zoom.transform.toString()}>
          <path class="graticule" d=${path(geoGraticule10()) ?? ''}></path>
          ${this.map
            ? svg`${this.map.land.features.map((f) => svg`<path class="land" d=${path(f) ?? ''}></path>`)}
                <path class="borders" d=${path(this.map.borders) ?? ''}></path>`
            : nothing}
          ${countries
            .filter((c) => c.area * k * k > 5000)
            .map((c) => svg`<text class="country-label" x=${c.x} y=${c.y} font-size=${10.5 / k} text-anchor="middle">${c.name}</text>`)}
          ${drawn.map(({ p, xy }) => {
            const radius = Math.max(4, r(p.events)) / Math.sqrt(k);
            return svg`<g class="place-point ${this.selected === p.place.id ? 'selected' : ''}" data-place-id=${p.place.id}
                transform="translate(${xy[0]},${xy[1]})" tabindex="0" role="button"
                aria-label="${p.place.name}: ${p.events} events"
                @click=${() => this.choose(p)}
                @keydown=${(ev: KeyboardEvent) => (ev.key === 'Enter' || ev.key === ' ') && (ev.preventDefault(), this.choose(p))}
                @mouseenter=${() => this.showTip(p, xy)} @focus=${() => this.showTip(p, xy)}
                @mouseleave=${() => (this.tip = null)} @blur=${() => (this.tip = null)}>
              <circle r=${radius} fill=${shareColor(p.conflict / Math.max(1, p.events))}></circle>
              ${labelled.has(p.place.id)
                ? svg`<text class="place-label" x=${radius + 3 / k} y=${4 / k} font-size=${11.5 / k} stroke-width=${3 / k}>${p.place.name}</text>`
                : nothing}
            </g>`;
          })}
        </g>
      </svg>
      <div class="attribution">Natural Earth · world-atlas</div>
      <chart-tip .tip=${this.tip}></chart-tip>
    `;
  }

  /** Each country's name at its centroid, computed once per framing. */
  private countryLabels(path: ReturnType<typeof geoPath>, key: string): CountryLabel[] {
    if (!this.map) return [];
    if (this.labelCache.key === key) return this.labelCache.labels;
    const labels: CountryLabel[] = [];
    for (const f of this.map.land.features) {
      const name = f.properties?.name;
      if (!name) continue;
      const [x, y] = path.centroid(f);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      if (path.area(f) <= 0) continue;
      labels.push({ name, x, y, area: path.area(f) });
    }
    this.labelCache = { key, labels };
    return labels;
  }

  /** Names the busiest places whose labels do not overlap a label already placed. */
  private labelPlaces(drawn: { p: PlacePoint; xy: [number, number] }[], r: (n: number) => number): Set<number> {
    const k = this.zoom.transform.k;
    const boxes: [number, number, number, number][] = [];
    const chosen = new Set<number>();
    for (const { p, xy } of drawn) {
      if (chosen.size >= this.labels) break;
      const [sx, sy] = this.zoom.transform.apply(xy);
      const radius = (Math.max(4, r(p.events)) / Math.sqrt(k)) * k;
      const box: [number, number, number, number] = [sx + radius + 2, sy - 8, sx + radius + 6 + p.place.name.length * 6.6, sy + 6];
      if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
      boxes.push(box);
      chosen.add(p.place.id);
    }
    return chosen;
  }

  protected override updated(): void {
    // A new set of places is framed afresh: keep the user's zoom only while the data stays.
    const key = `${this.events.length}:${this.events[0]?.id ?? ''}:${this.box.width}:${this.height}`;
    if (key !== this.fittedFor) {
      this.fittedFor = key;
      if (this.zoom.transform !== zoomIdentity) this.zoom.reset();
    }
  }

  private showTip(p: PlacePoint, xy: [number, number]): void {
    const [x, y] = this.zoom.transform.apply(xy);
    const lines = [`${p.events} event${p.events === 1 ? '' : 's'}: ${p.cooperation} cooperation, ${p.conflict} conflict`];
    if (p.fatalities) lines.push(`${p.fatalities} killed`);
    lines.push(`${p.place.kind}${p.place.country ? ` · ${p.place.country}` : ''} · ${p.place.lat!.toFixed(2)}, ${p.place.lon!.toFixed(2)}`);
    this.tip = { title: p.place.name, lines, x, y };
  }

  private choose(p: PlacePoint): void {
    this.dispatchEvent(new CustomEvent('select-place', { detail: { place: p.place }, bubbles: true, composed: true }));
  }
}

customElements.define('world-map', WorldMap);
