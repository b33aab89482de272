/** A stretch of the article text; `text` always equals `doc.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Offsets {
  start: number;
  end: number;
}

export const overlaps = (a: Offsets, b: Offsets): boolean => a.start < b.end && b.start < a.end;
export const contains = (outer: Offsets, inner: Offsets): boolean => outer.start <= inner.start && inner.end <= outer.end;
export const byStart = (a: Offsets, b: Offsets): number => a.start - b.start || b.end - a.end;
