import type { Token } from './tokens.js';

// Binary searches over a document's tokens, which are sorted by offset and do not overlap.

/** Index of the first token that starts at or after `offset`. */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the token that contains `offset`, or of the first token after it. */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token that ends at or before `offset` (-1 when none). */
export const tokenEndingBy = (tokens: readonly Token[], offset: number): number => tokenAt(tokens, offset) - 1;
