import type { TimeExpression } from '../../doc/layers.js';
import type { EventStatus, TriggerRef } from './types.js';
import { segmentIndexAt, type SentenceView, type TokenRange } from './view.js';

/**
 * The date of an event from its sentence (spec §2: the TIMEX3 DATE value of when it happens;
 * for planned events the deadline or schedule):
 * 1. the time expression nearest to a trigger in the trigger's own clause segment, else in the
 *    sentence, leaving out times that date a statement ("officials said Friday") unless the
 *    event is itself a statement;
 * 2. for a planned event, only times after the publication date count, and a duration counted
 *    from it ("over the next year") gives its end: a deadline at the duration's granularity;
 * 3. for a reported event with no other time, the month of the statement that reports it.
 * Later passes over the whole article add the readout and publication dates (see discourse.ts).
 */

export interface DateChoice {
  time: string | null;
  date: string | null;
  dateSource: 'text' | 'published' | null;
  /** The chosen time lies after the publication date (or is a forward duration). */
  future: boolean;
}

export const NO_DATE: DateChoice = { time: null, date: null, dateSource: null, future: false };

const CALENDAR_VALUE = /^\d{4}(?:$|-)/;

export function dateOf(
  v: SentenceView,
  triggers: readonly TriggerRef[],
  otherTriggers: readonly TriggerRef[],
  status: EventStatus,
  statement: boolean,
  timesById: ReadonlyMap<string, TimeExpression>,
  dct: string | null,
): DateChoice {
  // Most sentences name no time: nothing below could date the event.
  if (v.times.length === 0) return NO_DATE;
  const planned = status === 'planned';
  const candidates: Candidate[] = [];
  for (const r of v.times) {
    const time = timesById.get(r.id);
    if (!time) continue;
    const usable = usableValue(time, planned, dct, v.grammar.durationFuture);
    if (!usable) continue;
    if (planned && dct && !usable.future && compareToDct(usable.value, dct) < 0) continue;
    const own = anyInSegment(v, triggers, segmentIndexAt(v, r.t0));
    candidates.push({ range: r, time, value: usable.value, future: usable.future, speech: datesStatement(v, r, triggers), own, distance: gap(triggers, r) });
  }
  // What is only possible, or told in a parenthesis, is dated by its own clause alone.
  const ownOnly = status === 'hypothetical' || triggers.some((t) => v.segments[segmentIndexAt(v, t.start)]!.kind === 'paren');
  // The nearest time (the first of equals) of the event's own clause, else, beyond its own
  // clause, of one that holds no other event ("The junta, which seized power in 2020, has cut ties ...").
  let own: Candidate | null = null;
  let outside: Candidate | null = null;
  for (const c of candidates) {
    if ((c.speech && !statement) || nearerOther(v, triggers, otherTriggers, c)) continue;
    if (c.own && (own === null || c.distance < own.distance)) own = c;
    if (!ownOnly && !anyInSegment(v, otherTriggers, segmentIndexAt(v, c.range.t0)) && (outside === null || c.distance < outside.distance)) outside = c;
  }
  const best = own ?? outside;
  if (best) return { time: best.time.id, date: best.value, dateSource: 'text', future: best.future };
  if (status === 'reported' || status === 'ongoing') {
    let said: Candidate | null = null;
    for (const c of candidates) if (c.speech && (said === null || c.distance < said.distance)) said = c;
    if (said) return { time: said.time.id, date: said.value.slice(0, 7), dateSource: 'text', future: false };
  }
  return NO_DATE;
}

interface Candidate {
  range: TokenRange;
  time: TimeExpression;
  value: string;
  future: boolean;
  /** The time dates the statement that reports the event. */
  speech: boolean;
  /** The time is in the clause of one of the event's triggers. */
  own: boolean;
  /** Tokens to the nearest of the event's triggers. */
  distance: number;
}

function anyInSegment(v: SentenceView, triggers: readonly TriggerRef[], segment: number): boolean {
  for (const t of triggers) if (segmentIndexAt(v, t.start) === segment) return true;
  return false;
}

/**
 * A time goes with the nearest trigger of its clause: in "asked the coalition to continue
 * providing support until the end of the year", the deadline is the support's, not the request's.
 * But an adverbial follows its verb: in "met in Ankara on Tuesday and agreed to ...", the time
 * after "met" and before the verb coordinated with it is the meeting's as well.
 */
function nearerOther(v: SentenceView, triggers: readonly TriggerRef[], otherTriggers: readonly TriggerRef[], c: Candidate): boolean {
  return anyInSegment(v, otherTriggers, segmentIndexAt(v, c.range.t0)) && gap(otherTriggers, c.range) < c.distance && !followsOwnVerb(v, triggers, otherTriggers, c.range);
}

/**
 * A time after one of the event's verbs and before a verb coordinated with it ("met ... on
 * Tuesday and agreed"), with no other trigger between the event's verb and the time.
 */
function followsOwnVerb(v: SentenceView, triggers: readonly TriggerRef[], others: readonly TriggerRef[], r: TokenRange): boolean {
  const own = triggers.find((t) => t.pos === 'verb' && t.end <= r.t0 && segmentIndexAt(v, t.start) === segmentIndexAt(v, r.t0));
  if (!own || others.some((o) => o.start >= own.end && o.start < r.t0)) return false;
  const next = others.find((o) => o.start >= r.t1);
  if (!next) return false;
  for (let k = r.t1; k < next.start; k++) if (v.grammar.coordinators.has(v.norm(k)!)) return true;
  return false;
}

/** Tokens between a time and the nearest of the triggers (0 when they overlap). */
function gap(list: readonly TriggerRef[], r: TokenRange): number {
  let nearest = Infinity;
  for (const t of list) nearest = Math.min(nearest, r.t0 >= t.end ? r.t0 - t.end : t.start >= r.t1 ? t.start - r.t1 : 0);
  return nearest;
}

/** The calendar value a time gives an event, or null for times that are not dates ("now", "every week"). */
function usableValue(time: TimeExpression, planned: boolean, dct: string | null, forwardWords: ReadonlySet<string>): { value: string; future: boolean } | null {
  // "since 2014" starts a period the event fills; it is not when the event happened.
  if (time.value === null || time.bound === 'since' || time.bound === 'from') return null;
  if ((time.type === 'DATE' || time.type === 'TIME') && CALENDAR_VALUE.test(time.value)) {
    // An event's date is a DATE value: "2023-11-18T22:00" and "2023-11-18TNI" give "2023-11-18".
    const value = time.value.replace(/T.*$/, '');
    return { value, future: dct !== null && compareToDct(value, dct) > 0 };
  }
  if (time.type === 'DURATION' && planned && dct && time.text.toLowerCase().split(/[^a-z]+/).some((w) => forwardWords.has(w))) {
    const end = addDuration(dct, time.value);
    return end ? { value: end, future: true } : null;
  }
  return null;
}

/** The publication date plus a duration ("P1Y", "P6M", "P2W", "P10D"), at the duration's granularity. */
export function addDuration(dct: string, duration: string): string | null {
  const m = /^P(\d+)([YMWD])$/.exec(duration);
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(dct);
  if (!m || !day) return null;
  const n = Number(m[1]);
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  if (m[2] === 'Y') return String(date.getUTCFullYear() + n);
  if (m[2] === 'M') {
    date.setUTCMonth(date.getUTCMonth() + n);
    return date.toISOString().slice(0, 7);
  }
  date.setUTCDate(date.getUTCDate() + n * (m[2] === 'W' ? 7 : 1));
  return date.toISOString().slice(0, 10);
}

/** Compares a TIMEX3 calendar value with the publication date at the value's granularity. */
export function compareToDct(value: string, dct: string): number {
  const v = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!v) return 0;
  const parts = [v[1], v[2], v[3]].filter((p): p is string => p !== undefined);
  const own = parts.join('-');
  const other = dct.slice(0, own.length);
  return own < other ? -1 : own > other ? 1 : 0;
}

/**
 * A time that dates a statement, not the event reported: in the speaker's clause ("officials
 * said earlier this month that ...", "the coalition said Tuesday"), right after the speech
 * verb, or alone before it ("On Friday, a senior official said ...").
 */
function datesStatement(v: SentenceView, r: TokenRange, triggers: readonly TriggerRef[]): boolean {
  const timeSegment = segmentIndexAt(v, r.t0);
  for (const k of v.speechVerbs) {
    const speechSegment = segmentIndexAt(v, k);
    if (r.t0 > k && r.t0 <= k + 3) return true;
    if (timeSegment === speechSegment && r.t0 < k && !triggers.some((t) => t.start > r.t0 && t.start < k)) return true;
    if (timeSegment + 1 === speechSegment && onlyTime(v, timeSegment, r)) return true;
  }
  return false;
}

function onlyTime(v: SentenceView, segment: number, r: TokenRange): boolean {
  const seg = v.segments[segment]!;
  for (let k = seg.start; k < seg.end; k++) {
    if (k >= r.t0 && k < r.t1) continue;
    const n = v.norm(k)!;
    if (!(v.grammar.prepositions.has(n) || v.grammar.clausePunctuation.has(n))) return false;
  }
  return true;
}
