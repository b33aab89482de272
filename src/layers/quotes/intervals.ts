import type { Offsets } from '../../doc/span.js';

/**
 * A set of text intervals that answers "does any of them overlap [start, end)?" by binary
 * search, for checks made once per name against every mention of the article.
 */
export class IntervalIndex {
  private readonly starts: number[];
  /** The largest end among the intervals up to each index (sorted by start). */
  private readonly maxEnds: number[];

  constructor(intervals: Iterable<Offsets>) {
    const sorted = [...intervals].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((i) => i.start);
    this.maxEnds = [];
    let maxEnd = -Infinity;
    for (const i of sorted) {
      maxEnd = Math.max(maxEnd, i.end);
      this.maxEnds.push(maxEnd);
    }
  }

  /** Whether some interval overlaps [start, end): it starts before `end` and ends after `start`. */
  overlaps(start: number, end: number): boolean {
    // The intervals starting before `end` are a prefix; one of them must end after `start`.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.maxEnds[lo - 1]! > start;
  }
}
