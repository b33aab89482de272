import type { LayerName } from '../doc/layers.js';

/** A gold item the system did not find, or a system item the gold does not have. */
export interface Finding {
  /** The words of the item (its span text, name or code). */
  text: string;
  /** Offset in the article text, when the item has a span. */
  at: number | null;
  /** Its scored fields ("DATE 2024-09-27"), and a hint at the likely cause when there is one. */
  detail: string;
}

/** A matched pair whose scored field differs. */
export interface WrongField {
  text: string;
  at: number | null;
  field: string;
  got: string;
  want: string;
  /** The system's words for the item, when its span differs from the gold one. */
  systemText?: string;
}

export interface LayerFindings {
  layer: LayerName;
  goldCount: number;
  systemCount: number;
  matched: number;
  misses: Finding[];
  falseAlarms: Finding[];
  wrong: WrongField[];
}

export function emptyFindings(layer: LayerName): LayerFindings {
  return { layer, goldCount: 0, systemCount: 0, matched: 0, misses: [], falseAlarms: [], wrong: [] };
}

/** A field value as a developer wants to read it: strings bare, lists joined by "|", absence spelled out. */
export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.map(show).join('|');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Long quotes and sentences cut to a readable length. */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export const offsetOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);
