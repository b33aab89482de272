import type { Doc } from '../../doc/document.js';
import type { TimeExpression } from '../../doc/layers.js';
import type { Annotator } from '../../pipeline.js';
import { dayOfValue, formatDay, parseDay, type Day } from './calendar.js';
import { buildRules } from './grammar.js';
import { shippedLexicon, type TimesLexicon } from './lexicon.js';
import { Scanner, type Candidate } from './scanner.js';
import { clauseTense, compileTenseCues, type Tense, type TenseCues } from './tense.js';
import type { ResolveContext } from './types.js';

/**
 * The times layer (spec §2 Times): every TIMEX3 DATE, TIME, DURATION and SET in the text with
 * its TimeML value, resolved against the publication date (the DCT). Without a DCT, relative
 * expressions are still found, with value null.
 *
 * A grammar of patterns with normalization functions (grammar.ts) is scanned over each
 * sentence (scanner.ts); values are then computed in text order, so that anaphoric
 * expressions ("that day", "the previous year") can point back to the last date mentioned,
 * and parts of the day or clock times take the date their sentence names.
 * Records carry `anchor` (the tense that placed a calendar name) and `bound` ("by", "until",
 * "since", "from" just before the span) for the events layer.
 */
export function createTimesAnnotator(lex: TimesLexicon = shippedLexicon()): Annotator {
  const scanner = new Scanner(buildRules(lex), lex);
  const cues = compileTenseCues(lex.knowledge.tense);
  return {
    name: 'times',
    requires: [],
    annotate(doc: Doc) {
      doc.layers.times = resolveAll(doc, scanner.scan(doc), scanner, cues, lex);
    },
  };
}

interface Resolved {
  candidate: Candidate;
  value: string | null;
  anchor?: Tense;
}

function resolveAll(doc: Doc, candidates: Candidate[], scanner: Scanner, cues: TenseCues, lex: TimesLexicon): TimeExpression[] {
  const dct = parseDay(doc.article.published);
  const resolved: (Resolved | undefined)[] = new Array(candidates.length);
  const valueBefore = (index: number, test: (value: string) => boolean): string | undefined => {
    for (let i = index - 1; i >= 0; i--) {
      const v = resolved[i]?.value;
      if (v && resolved[i]!.candidate.reading.type !== 'DURATION' && resolved[i]!.candidate.reading.type !== 'SET' && test(v)) return v;
    }
    return undefined;
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
