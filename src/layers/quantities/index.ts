import type { Doc } from '../../doc/document.js';
import type { Quantity } from '../../doc/layers.js';
import type { Offsets } from '../../doc/span.js';
import type { Annotator } from '../../pipeline.js';
import { findQuantities } from './find-quantities.js';
import { shippedLexicon, type QuantityLexicon } from './lexicon.js';

/**
 * The quantities layer (spec §2 Quantities): every number that counts or measures something
 * concrete and is not a time, with its value, its unit (the singular lemma of the counted
 * noun, "percent", or an ISO 4217 currency code) and whether it is approximate.
 *
 * Conventions the spec leaves open:
 * - The span runs from the approximation marker or currency symbol through the counted noun
 *   ("about 2,500 troops"); in a partitive ("two of the wounded service members") it is the
 *   number alone and `unitSpan` points at the noun.
 * - A range ("20 to 30", "between 20 and 30", "20-30", "two or three") has value = its lower
 *   bound, min and max = its bounds, and approx = true, since the exact count is unknown.
 * - Markers that bound the number set min ("more than 600" -> min 600) or max ("nearly 8
 *   million" -> max 8,000,000).
 * - Vague amounts ("hundreds of troops", "several") have value null and min (and approx).
 * Numbers inside time expressions of the times layer, which runs first, are skipped.
 */
export function createQuantitiesAnnotator(lex: QuantityLexicon = shippedLexicon()): Annotator {
  return {
    name: 'quantities',
    requires: ['times'],
    annotate(doc: Doc) {
      const blocked = blockedStretches(doc);
      const isBlocked = (start: number, end: number) => overlapsAny(blocked, start, end);
      const found = findQuantities(doc.text, doc.tokens, doc.sentences, lex, isBlocked);
      doc.layers.quantities = found.map((q, n): Quantity => {
        const quantity: Quantity = { id: `q${n + 1}`, ...doc.span(q.start, q.end), value: q.value, approx: q.approx, unit: q.unit };
        if (q.min !== undefined) quantity.min = q.min;
        if (q.max !== undefined) quantity.max = q.max;
        if (q.unitSpan) quantity.unitSpan = doc.span(q.unitSpan.start, q.unitSpan.end);
        return quantity;
      });
    },
  };
}

// Digits in these belong to something else than a count. Each pattern runs only when its
// cheap cue is in the text, so most articles pay for none of them.
const BLOCKERS: { cue: RegExp; pattern: RegExp }[] = [
  { cue: /\d{3}[\s.-]\d{4}/, pattern: /(?:(?:\+|\b)\d{1,3}[\s.-])?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g },
  { cue: /https?:|www\./, pattern: /\b(?:https?:\/\/|www\.)\S+/g },
  { cue: /@/, pattern: /[\w.+-]+@[\w-]+\.[\w.-]+/g },
];

/** A plain loop: this runs for every number-like token, and `some` would cost a closure each time. */
function overlapsAny(spans: readonly Offsets[], start: number, end: number): boolean {
  for (let k = 0; k < spans.length; k++) if (spans[k]!.start < end && start < spans[k]!.end) return true;
  return false;
}

function blockedStretches(doc: Doc): Offsets[] {
  const spans: Offsets[] = doc.layers.times.map((t) => ({ start: t.start, end: t.end }));
  for (const { cue, pattern } of BLOCKERS) {
    if (!cue.test(doc.text)) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(doc.text); m !== null; m = pattern.exec(doc.text)) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
