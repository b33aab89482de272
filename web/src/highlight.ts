// Cuts an article's text into runs at every span boundary so a view can render each run as a
// text node, or as a <mark> carrying the classes of every span that covers it. The text itself
// is never parsed as markup.

export interface Highlight {
  start: number;
  end: number;
  /** A class name for the run, e.g. 'sentence', 'trigger', 'actor'. */
  kind: string;
  /** A short note for the run's tooltip ("USAMIL", "2024-09-27"). */
  note?: string;
}

export interface Run {
  start: number;
  end: number;
  text: string;
  kinds: string[];
  notes: string[];
}

export function segment(text: string, highlights: readonly Highlight[]): Run[] {
  const spans = highlights
    .map((h) => ({ ...h, start: Math.max(0, Math.min(text.length, h.start)), end: Math.max(0, Math.min(text.length, h.end)) }))
    .filter((h) => h.end > h.start);
  const cuts = new Set<number>([0, text.length]);
  for (const h of spans) {
    cuts.add(h.start);
    cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = spans.filter((h) => h.start <= start && h.end >= end);
    const kinds = [...new Set(covering.map((h) => h.kind))];
    const notes = [...new Set(covering.flatMap((h) => (h.note ? [h.note] : [])))];
    runs.push({ start, end, text: text.slice(start, end), kinds, notes });
  }
  return runs;
}

/** The first occurrence of a sentence in a text, for citations that carry its words only. */
export function locate(text: string, sentence: string): { start: number; end: number } | null {
  if (!sentence) return null;
  const at = text.indexOf(sentence);
  if (at >= 0) return { start: at, end: at + sentence.length };
  const squeezed = sentence.replace(/\s+/g, ' ').trim();
  const head = squeezed.slice(0, 60);
  const loose = text.indexOf(head);
  return loose >= 0 ? { start: loose, end: Math.min(text.length, loose + squeezed.length) } : null;
}

/** "120-188" → offsets, for the hl= parameter of article links. */
export function parseRange(value: string | null): { start: number; end: number } | null {
  const m = value ? /^(\d+)-(\d+)$/.exec(value) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}
