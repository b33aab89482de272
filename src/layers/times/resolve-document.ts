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
  const resolution = new DocumentResolution(doc, candidates, scanner, cues);
  for (let i = 0; i < candidates.length; i++) if (!candidates[i]!.reading.late) resolution.resolve(i);
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.reading.late) resolution.resolve(i);

  return resolution.resolved.map((r, i): TimeExpression => {
    const c = r!.candidate;
    // The fields of doc.span written out: spreading it costs an object per record.
    const record: TimeExpression = { id: `t${i + 1}`, start: c.start, end: c.end, text: doc.text.slice(c.start, c.end), type: c.reading.type, value: r!.value };
    if (r!.anchor) record.anchor = r!.anchor;
    const before = c.firstToken - 1 >= c.sentence.tokenStart ? doc.tokens[c.firstToken - 1]!.norm : undefined;
    const bound = before ? lex.boundWords.get(before) : undefined;
    if (bound) record.bound = bound;
    return record;
  });
}

// Classes rather than objects of closures: a context is made for every candidate, and closures
// cost an allocation each (and a naming call under some loaders).

/** The document's candidates and what has been resolved of them so far. */
class DocumentResolution {
  readonly dct: Day | null;
  readonly resolved: (Resolved | undefined)[];
  private readonly reported: (boolean | undefined)[];

  constructor(
    readonly doc: Doc,
    readonly candidates: Candidate[],
    readonly scanner: Scanner,
    readonly cues: TenseCues,
  ) {
    this.dct = parseDay(doc.article.published);
    this.resolved = new Array(candidates.length);
    this.reported = new Array(candidates.length);
  }

  resolve(index: number): void {
    const c = this.candidates[index]!;
    const ctx = new CandidateContext(this, index);
    const value = c.reading.value(ctx);
    const out: Resolved = { candidate: c, value };
    if (ctx.usedTense) out.anchor = ctx.usedTense;
    this.resolved[index] = out;
  }

  /** The latest date value before candidate `index` that passes `test` (durations and sets aside). */
  valueBefore(index: number, test: (value: string) => boolean, fromSentence = 0): string | undefined {
    const resolved = this.resolved;
    for (let i = index - 1; i >= 0; i--) {
      if (this.candidates[i]!.sentence.index < fromSentence) break;
      const v = resolved[i]?.value;
      if (v && resolved[i]!.candidate.reading.type !== 'DURATION' && resolved[i]!.candidate.reading.type !== 'SET' && test(v)) return v;
    }
    return undefined;
  }

  private isReported(index: number): boolean {
    const c = this.candidates[index]!;
    this.reported[index] ??= isReportingVerb(this.doc, governingVerb(this.doc.tokens, c.sentence.tokenStart, c.sentence.tokenEnd, c.firstToken, c.lastToken, this.cues)?.index, this.cues);
    return this.reported[index]!;
  }

  narrativeDay(index: number): Day | null {
    const { candidates, doc } = this;
    const self = candidates[index]!;
    let statementDay: Day | null = null;
    for (let i = index - 1; i >= 0; i--) {
      const c = candidates[i]!;
      if (c.sentence === self.sentence) continue;
      const sameParagraph = !doc.text.slice(c.end, self.start).includes('\n');
      if (!sameParagraph && c.sentence.index !== self.sentence.index - 1) break;
      const day = dayOfValue(this.resolved[i]?.value ?? null);
      if (!day) continue;
      if (!this.isReported(i)) return day;
      statementDay ??= day;
    }
    return statementDay;
  }
}

const hasDay = (value: string) => dayOfValue(value) !== null;
const hasYear = (value: string) => /^\d{4}(?:$|-)/.test(value);
const startsWithYear = (value: string) => /^\d{4}/.test(value);

/** What the reading of candidate `index` may ask about its surroundings. */
class CandidateContext implements ResolveContext {
  readonly dct: Day | null;
  usedTense: Tense | null | undefined;
  private readonly candidate: Candidate;

  constructor(private readonly all: DocumentResolution, private readonly index: number) {
    this.dct = all.dct;
    this.candidate = all.candidates[index]!;
  }

  tense(): Tense | null {
    const c = this.candidate;
    this.usedTense ??= clauseTense(this.all.doc.tokens, c.sentence.tokenStart, c.sentence.tokenEnd, c.firstToken, c.lastToken, this.all.cues);
    return this.usedTense;
  }

  sentenceDay(): Day | null {
    return nearestDayInSentence(this.all.candidates, this.all.resolved, this.index);
  }

  narrativeDay(): Day | null {
    return this.all.narrativeDay(this.index);
  }

  referenceDay(): Day | null {
    return dayOfValue(this.all.valueBefore(this.index, hasDay) ?? null) ?? this.dct;
  }

  referenceYear(): number | null {
    const v = this.all.valueBefore(this.index, hasYear);
    return v ? Number(v.slice(0, 4)) : this.dct?.y ?? null;
  }

  nearbyYear(): number | null {
    const v = this.all.valueBefore(this.index, hasYear, this.candidate.sentence.index - 1);
    return v ? Number(v.slice(0, 4)) : this.dct?.y ?? null;
  }

  referenceValue(): string | null {
    return this.all.valueBefore(this.index, startsWithYear) ?? (this.dct ? formatDay(this.dct) : null);
  }

  nested(start: number, end: number): string | null {
    const inner = this.all.scanner.readAt(this.all.doc, this.candidate.sentence, start, end);
    return inner && inner.end === end ? inner.reading.value(this) : null;
  }
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
