import type { Place } from '../../doc/layers.js';
import type { Token } from '../../doc/tokens.js';

/**
 * The toponyms the places layer found, by token: the parser asks "is this word part of a
 * place name?" in constant time. One instance serves an annotator; its buffers are reused
 * from document to document, so its answers are valid until the next `load`.
 */
export class PlaceMentions {
  /** Per document token: the index of the mention holding it, or -1. */
  private mentionOfToken = new Int32Array(0);
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Per mention: a site ("U.S. Embassy", "Ain al-Asad Air Base"), which may be named after who owns it. */
  private readonly sites: boolean[] = [];
  /** Any mention at all: most checks end here for documents the places layer found nothing in. */
  any = false;

  load(tokens: readonly Token[], places: readonly Place[]): this {
    const n = tokens.length;
    if (this.mentionOfToken.length < n) this.mentionOfToken = new Int32Array(n * 2);
    this.starts.length = 0;
    this.ends.length = 0;
    this.sites.length = 0;
    this.any = false;
    if (places.length === 0) return this;
    this.mentionOfToken.fill(-1, 0, n);
    for (const place of places) {
      for (const m of place.mentions) {
        const index = this.starts.length;
        this.starts.push(m.start);
        this.ends.push(m.end);
        this.sites.push(place.kind === 'site');
        for (let i = firstTokenFrom(tokens, m.start); i < n && tokens[i]!.end <= m.end; i++) this.mentionOfToken[i] = index;
        this.any = true;
      }
    }
    return this;
  }

  /** The mention holding document token `i`, or -1. */
  at(i: number): number {
    return this.any ? this.mentionOfToken[i]! : -1;
  }

  /** Is the span [start, end), inside the mention holding `token`, shorter than it ("East" of "Middle East")? */
  longerThan(token: number, start: number, end: number): boolean {
    const m = this.at(token);
    return m >= 0 && (this.starts[m]! < start || this.ends[m]! > end);
  }

  /** Is the mention holding `token` a site ("U.S. Embassy", "Ain al-Asad Air Base"), which may be named after who owns it? */
  isSite(token: number): boolean {
    const m = this.at(token);
    return m >= 0 && this.sites[m]!;
  }

  /** Does the place mention holding `token` start before `start` (a name read from inside a place name)? */
  startsBefore(token: number, start: number): boolean {
    const m = this.at(token);
    return m >= 0 && this.starts[m]! < start;
  }

  /** Is the character span [start, end) a place mention, or part of one? */
  covers(token: number, start: number, end: number): boolean {
    const m = this.at(token);
    return m >= 0 && this.starts[m]! <= start && end <= this.ends[m]!;
  }
}

/** The first token starting at or after `offset` (tokens are in text order). */
function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
