/**
 * Bits telling which single-word lists a token key belongs to. The parser asks several lists
 * about every token; one Map look-up per token when the sentence is cut answers all of them.
 */
export const KeyFlag = {
  backReference: 1 << 0,
  groupNoun: 1 << 1,
  displacedWord: 1 << 2,
  notName: 1 << 3,
  speechVerb: 1 << 4,
  nameParticle: 1 << 5,
  /** The first key of a credit phrase ("contributed to this report"). */
  creditStart: 1 << 6,
  /** The first key of some lexicon phrase: only there (or at a possessive) can a phrase match start. */
  phraseStart: 1 << 7,
  /** Not a list: set per token whose key may be a phrase with a possessive attached ("iraq's", "iraqis'"). */
  possessiveForm: 1 << 8,
  /** A key that follows another inside some lexicon phrase: only there can a phrase go on. */
  phraseInner: 1 << 9,
} as const;

export type KeyFlag = (typeof KeyFlag)[keyof typeof KeyFlag];

/** Adds `flag` to every key of `keys`. */
export function flagKeys(flags: Map<string, number>, keys: Iterable<string>, flag: KeyFlag): void {
  for (const k of keys) flags.set(k, (flags.get(k) ?? 0) | flag);
}
