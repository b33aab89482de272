import type { Doc } from '../../doc/document.js';
import type { TimeExpression } from '../../doc/layers.js';
import { dayOfValue, formatDay, parseDay, type Day } from './calendar.js';
import type { TimesLexicon } from './lexicon.js';
import type { Candidate, Scanner } from './scanner.js';
import { clauseTense, governingVerb, type Tense, type TenseCues } from './tense.js';
import type { ResolveContext } from './types.js';

/**
 * Turns the scanner's candidates into records: values in text order (so that "that day" and
 * "the previous year" can point back to the last date mentioned), clock times and parts of the
 * day last (they take the date their sentence names, else the day the narrative is at), the tense that placed a calendar name
 * as `anchor`, and the bounding word before the span as `bound`.
 */
interface Resolved {
  candidate: Candidate;
  value: string | null;
  anchor?: Tense;
}

export function resolveAll(doc: Doc, candidates: Candidate[], scanner: Scanner, cues: TenseCues, lex: TimesLexicon): TimeExpression[] {
  const dct = parseDay(doc.article.published);
  const resolved: (Resolved | undefined)[] = new Array(candidates.length);
  const valueBefore = (index: number, test: (value: string) => boolean): string | undefined => {
    for (let i = index - 1; i >= 0; i--) {
      const v = resolved[i]?.value;
      if (v && resolved[i]!.candidate.reading.type !== 'DURATION' && resolved[i]!.candidate.reading.type !== 'SET' && test(v)) return v;
    }
    return undefined;
  };
  const reported: (boolean | undefined)[] = new Array(candidates.length);
  const isReported = (index: number): boolean => {
    const c = candidates[index]!;
    reported[index] ??= isReportingVerb(doc, governingVerb(doc.tokens, c.sentence.tokenStart, c.sentence.tokenEnd, c.firstToken, c.lastToken, cues)?.index, cues);
    return reported[index]!;
  };
  const narrativeDay = (index: number): Day | null => {
    const self = candidates[index]!;
    let statementDay: Day | null = null;
    for (let i = index - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (c.sentence === self.sentence) continue;
      const sameParagraph = !doc.text.slice(c.end, self.start).includes('\n');
      if (!sameParagraph && c.sentence.index !== self.sentence.index - 1) break;
      const day = dayOfValue(resolved[i]?.value ?? null);
      if (!day) continue;
      if (!isReported(i)) return day;
      statementDay ??= day;
    }
    return statementDay;
  };
  const resolveOne = (index: number): Resolved => {
    const c = candidates[index]!;
    let usedTense: Tense | null | undefined;
    const ctx: ResolveContext = {
      dct,
      tense: () => {
        usedTense ??= clauseTense(doc.tokens, c.sentence.tokenStart, c.sentence.tokenEnd, c.firstToken, c.lastToken, cues);
        return usedTense;
      },
      sentenceDay: () => nearestDayInSentence(candidates, resolved, index),
      narrativeDay: () => narrativeDay(index),
      referenceDay: () => dayOfValue(valueBefore(index, (v) => dayOfValue(v) !== null) ?? null) ?? dct,
      referenceYear: () => {
        const v = valueBefore(index, (value) => /^\d{4}(?:$|-)/.test(value));
        return v ? Number(v.slice(0, 4)) : dct?.y ?? null;
      },
      referenceValue: () => valueBefore(index, (value) => /^\d{4}/.test(value)) ?? (dct ? formatDay(dct) : null),
      nested: (start, end) => {
        const inner = scanner.readAt(doc, c.sentence, start, end);
        return inner && inner.end === end ? inner.reading.value(ctx) : null;
      },
    };
    const value = c.reading.value(ctx);
    const out: Resolved = { candidate: c, value };
    if (usedTense) out.anchor = usedTense;
    return out;
  };
  candidates.forEach((c, i) => { if (!c.reading.late) resolved[i] = resolveOne(i); });
  candidates.forEach((c, i) => { if (c.reading.late) resolved[i] = resolveOne(i); });

  return resolved.map((r, i): TimeExpression => {
    const c = r!.candidate;
    const record: TimeExpression = { id: `t${i + 1}`, ...doc.span(c.start, c.end), type: c.reading.type, value: r!.value };
    if (r!.anchor) record.anchor = r!.anchor;
    const before = c.firstToken - 1 >= c.sentence.tokenStart ? doc.tokens[c.firstToken - 1]!.norm : undefined;
    const bound = before ? lex.boundWords.get(before) : undefined;
    if (bound) record.bound = bound;
    return record;
  });
}

function isReportingVerb(doc: Doc, index: number | undefined, cues: TenseCues): boolean {
  return index !== undefined && cues.reporting.has(doc.tokens[index]!.norm);
}

/** The day-precise date nearest to candidate `index` in its sentence, among those resolved. */
function nearestDayInSentence(candidates: Candidate[], resolved: (Resolved | undefined)[], index: number): Day | null {
  const self = candidates[index]!;
  let best: Day | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (i === index || c.sentence !== self.sentence) continue;
    const day = dayOfValue(resolved[i]?.value ?? null);
    if (!day) continue;
    const distance = c.start > self.start ? c.start - self.end : self.start - c.end;
    if (distance < bestDistance) {
      best = day;
      bestDistance = distance;
    }
  }
  return best;
}
