import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Country centroids computed from the Natural Earth 1:110m polygons of world-atlas
 * (TopoJSON, keyed by ISO 3166-1 numeric code). The centroid is that of the country's
 * largest polygon, so the United States sits in its lower 48 and France in Europe, not
 * between its mainland and its overseas parts.
 */
interface Topology {
  transform: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: { countries: { geometries: Geometry[] } };
}

type Geometry =
  | { type: 'Polygon'; id?: string; arcs: number[][] }
  | { type: 'MultiPolygon'; id?: string; arcs: number[][][] }
  | { type: null; id?: string };

export interface LatLon {
  lat: number;
  lon: number;
}

/** Centroids by ISO numeric code ("368" for Iraq); codes world-atlas lacks are simply absent. */
export function countryCentroids(): Map<string, LatLon> {
  const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
  const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const arcs = decodeArcs(topo);
  const out = new Map<string, LatLon>();
  for (const g of topo.objects.countries.geometries) {
    if (!g.id || g.type === null) continue;
    const polygons = g.type === 'Polygon' ? [g.arcs] : g.arcs;
    let best: { area: number; c: LatLon } | undefined;
    for (const polygon of polygons) {
      const outer = polygon[0];
      if (!outer) continue;
      const ring = stitch(outer, arcs);
      const { area, c } = ringCentroid(ring);
      if (!best || Math.abs(area) > Math.abs(best.area)) best = { area, c };
    }
    if (best) out.set(g.id.replace(/^0+/, ''), best.c);
  }
  return out;
}

/** Arcs are quantized and delta-encoded: undo both to get longitude/latitude pairs. */
function decodeArcs(topo: Topology): [number, number][][] {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty] as [number, number];
    });
  });
}

/**
 * A ring is a chain of arcs; a negative index (~i) means arc i walked backwards. Rings that
 * cross the antimeridian (Russia, Fiji) jump by 360 degrees: longitudes are unwrapped so the
 * ring stays continuous.
 */
function stitch(ring: number[], arcs: [number, number][][]): [number, number][] {
  const points: [number, number][] = [];
  let shift = 0;
  let last: number | undefined;
  for (const index of ring) {
    const arc = index < 0 ? [...arcs[~index]!].reverse() : arcs[index]!;
    for (let i = points.length ? 1 : 0; i < arc.length; i++) {
      const [x, y] = arc[i]!;
      if (last !== undefined) {
        if (x + shift - last > 180) shift -= 360;
        else if (x + shift - last < -180) shift += 360;
      }
      last = x + shift;
      points.push([last, y]);
    }
  }
  return points;
}

/** Planar (shoelace) area and centroid of a closed ring in degrees: enough to place a country. */
function ringCentroid(ring: [number, number][]): { area: number; c: LatLon } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (a === 0) {
    const [x, y] = ring[0] ?? [0, 0];
    return { area: 0, c: { lat: y, lon: x } };
  }
  return { area: a / 2, c: { lat: round(cy / (3 * a)), lon: round(wrap(cx / (3 * a))) } };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
