import type { GoldArticle } from '../gold.js';
import type { Tally } from '../metrics.js';
import type { SystemOutput } from '../system.js';
import { matchGreedy } from '../match.js';
import { normalizeUnit } from '../normalize.js';
import { emptyFindings, offsetOf, show, type LayerFindings } from '../findings.js';
import { overlapsRecord, recordText } from './spans.js';

/** Quantities match by overlapping span and equal value; vague amounts (null value) are not scored. */
export function scoreQuantities(gold: GoldArticle, system: SystemOutput, tally: Tally): LayerFindings {
  const scored = system.quantities.filter((q) => q.value !== null && q.value !== undefined);
  const findings = { ...emptyFindings('quantities'), goldCount: gold.quantities.length, systemCount: scored.length };
  const { pairs, unmatched } = matchGreedy(gold.quantities, scored, (g, s) => overlapsRecord(g.span, s) && Number(s.value) === Number(g.value));
  for (const { gold: g, system: s } of pairs) {
    if (!s) {
      tally.quantities.falseNegatives++;
      // The usual cause is a number read wrong on the right words: point at it.
      const near = system.quantities.find((q) => overlapsRecord(g.span, q));
      const hint = near ? ` (system read "${recordText(near, gold.text)}" as ${show(near.value)} ${show(near.unit)})` : '';
      findings.misses.push({ text: g.text, at: g.span.start, detail: `${g.value} ${show(g.unit)}${hint}` });
      continue;
    }
    findings.matched++;
    tally.quantities.truePositives++;
    const unitRight = normalizeUnit(s.unit) === normalizeUnit(g.unit);
    tally.quantitiesUnit.add(unitRight);
    if (!unitRight) {
      const systemText = recordText(s, gold.text);
      findings.wrong.push({ text: g.text, at: g.span.start, field: 'unit', got: show(s.unit), want: show(g.unit), ...(systemText !== g.text ? { systemText } : {}) });
    }
  }
  tally.quantities.falsePositives += unmatched.length;
  for (const s of unmatched) findings.falseAlarms.push({ text: recordText(s, gold.text), at: offsetOf(s.start), detail: `${show(s.value)} ${show(s.unit)}` });
  return findings;
}
