import type { QuantityLexicon } from './lexicon.js';
import type { TokenView } from './token-view.js';

/** "hundreds of", "several", "tens of thousands", "a few hundred": no exact value, only a least one. */
export interface VagueAmount {
  first: number;
  /** One past the last token of the amount words ("of" excluded unless the phrase owns it). */
  end: number;
  min: number;
}

export function parseVagueAt(view: TokenView, lex: QuantityLexicon, i: number): VagueAmount | null {
  const hit = lex.vague.matchAt(view.norm, i);
  if (!hit) return null;
  let end = i + hit.length;
  if (hit.value.needsOf && view.norm(end) !== 'of') return null;
  let min = hit.value.min;
  // "several hundred", "a few thousand", "several dozen": a determiner times a scale word.
  if (hit.value.scale === undefined) {
    let last = 0;
    for (;;) {
      const w = view.norm(end);
      const scale = w === undefined ? undefined : lex.multipliers.get(w) ?? lex.groupWords.get(w);
      if (scale === undefined || (last !== 0 && scale <= last)) break;
      min *= scale;
      last = scale;
      end++;
    }
  }
  return { first: i, end, min };
}
