import { COOPERATION_TYPES } from './filters.js';

// Cooperation in blues, conflict in reds; the darker shade is the material one (CAMEO quad class).
export const QUAD_COLORS: Record<number, string> = {
  1: '#7fb0dd', // verbal cooperation
  2: '#2563a8', // material cooperation
  3: '#f0907f', // verbal conflict
  4: '#c0392b', // material conflict
};
export const QUAD_LABELS: Record<number, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};
export const COOP = '#2563a8';
export const CONFLICT = '#c0392b';
export const NEUTRAL = '#8a94a3';
export const PLANNED = '#7c4dbd';
export const OVERDUE = '#d9480f';
export const KEPT = '#2f855a';

export type Side = 'cooperation' | 'conflict';

export function sideOf(e: { quadClass?: number | null; type: string }): Side {
  if (e.quadClass) return e.quadClass <= 2 ? 'cooperation' : 'conflict';
  return COOPERATION_TYPES.has(e.type) ? 'cooperation' : 'conflict';
}

export function eventColor(e: { quadClass?: number | null; type: string }): string {
  if (e.quadClass && QUAD_COLORS[e.quadClass]) return QUAD_COLORS[e.quadClass]!;
  return sideOf(e) === 'cooperation' ? COOP : CONFLICT;
}

/** Actor kinds (spec §2 Actors) in muted, distinguishable tones for the network's nodes. */
export const KIND_COLORS: Record<string, string> = {
  state: '#3d5a80',
  government: '#5b7db1',
  military: '#4f6d3a',
  police: '#6c8f5a',
  armed_group: '#8c3b2e',
  igo: '#7a5c99',
  person: '#b07d2b',
  civilians: '#8a8f98',
  media: '#2c8c8c',
  other: '#a0a7b1',
};

export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? KIND_COLORS.other!;
}

/** Blue through grey to red by the share of conflict among a place's events. */
export function shareColor(conflictShare: number): string {
  const t = Math.max(0, Math.min(1, conflictShare));
  const mix = (a: number[], b: number[], u: number) => a.map((x, i) => Math.round(x + (b[i]! - x) * u));
  const blue = [37, 99, 168];
  const grey = [138, 148, 163];
  const red = [192, 57, 43];
  const rgb = t < 0.5 ? mix(blue, grey, t * 2) : mix(grey, red, (t - 0.5) * 2);
  return `rgb(${rgb.join(',')})`;
}
