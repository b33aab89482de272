import type { GoldArticle } from '../gold.js';
import type { Tally } from '../metrics.js';
import type { SystemOutput } from '../system.js';
import { matchGreedy } from '../match.js';
import { canonicalTimeValue } from '../normalize.js';
import { emptyFindings, offsetOf, show, type LayerFindings } from '../findings.js';
import { overlapsRecord, recordText } from './spans.js';

/** Times match by overlapping spans; the value must also be equal (P1DE = P10Y) to count for value F1. */
export function scoreTimes(gold: GoldArticle, system: SystemOutput, tally: Tally): LayerFindings {
  const findings = { ...emptyFindings('times'), goldCount: gold.times.length, systemCount: system.times.length };
  const { pairs, unmatched } = matchGreedy(gold.times, system.times, (g, s) => overlapsRecord(g.span, s));
  for (const { gold: g, system: s } of pairs) {
    if (!s) {
      tally.timesSpan.falseNegatives++;
      tally.timesValue.falseNegatives++;
      findings.misses.push({ text: g.text, at: g.span.start, detail: `${g.type ?? '?'} ${show(g.value)}` });
      continue;
    }
    findings.matched++;
    tally.timesSpan.truePositives++;
    const systemText = recordText(s, gold.text);
    const text = g.text;
    const spanNote = systemText !== g.text ? { systemText } : {};
    const typeRight = s.type === g.type;
    tally.timesType.add(typeRight);
    if (canonicalTimeValue(s.value) === canonicalTimeValue(g.value)) {
      tally.timesValue.truePositives++;
    } else {
      // A wrong value is both a wrong answer given and a right answer missed.
      tally.timesValue.falsePositives++;
      tally.timesValue.falseNegatives++;
      findings.wrong.push({ text, at: g.span.start, field: 'value', got: show(s.value), want: show(g.value), ...spanNote });
    }
    if (!typeRight) findings.wrong.push({ text, at: g.span.start, field: 'type', got: show(s.type), want: show(g.type), ...spanNote });
  }
  tally.timesSpan.falsePositives += unmatched.length;
  tally.timesValue.falsePositives += unmatched.length;
  for (const s of unmatched) findings.falseAlarms.push({ text: recordText(s, gold.text), at: offsetOf(s.start), detail: `${show(s.type)} ${show(s.value)}` });
  return findings;
}
