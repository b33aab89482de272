import type { Doc, Sentence } from '../../doc/document.js';
import type { Offsets } from '../../doc/span.js';
import type { Token } from '../../doc/tokens.js';
import type { Grammar } from './lexicon.js';

/**
 * What the events layer reads of one sentence: its tokens, its clause segments and the
 * mentions of other layers as token ranges. Token indices are global (indices into
 * doc.tokens); helpers return undefined outside the sentence, so look-ups never cross it.
 */

export type SegmentKind = 'main' | 'continuation' | 'relative-person' | 'relative-thing' | 'complement' | 'subordinate' | 'paren';

export interface Segment {
  start: number;
  end: number;
  kind: SegmentKind;
  /** The speech verb ending this segment, when it is the speaker's clause ("officials said"). */
  speechVerb: number | null;
}

export type PronounKind = 'speaker' | 'third' | 'group';

export interface ActorMention {
  t0: number;
  t1: number;
  /** The actor id; null for a pronoun until it is resolved. */
  actor: string | null;
  pronoun: PronounKind | null;
}

export interface TokenRange {
  id: string;
  t0: number;
  t1: number;
}

export interface SentenceView {
  doc: Doc;
  sentence: Sentence;
  first: number;
  end: number;
  segments: Segment[];
  /** Segment index of each token (by token index - first). */
  segmentOf: Int16Array;
  mentions: ActorMention[];
  /** Token indices where a named (non-pronoun) actor mention starts. */
  mentionStarts: Set<number>;
  /** Token indices of speech verbs used as verbs ("said", not "the United States"). */
  speechVerbs: Set<number>;
  places: TokenRange[];
  times: TokenRange[];
  quantities: TokenRange[];
  grammar: Grammar;
  norm(i: number): string | undefined;
  token(i: number): Token | undefined;
}

/** Token ranges of spans, found by binary search over the document's tokens. */
export class TokenIndex {
  constructor(private readonly tokens: readonly Token[]) {}

  /** Index of the first token ending after `offset`. */
  firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The tokens a span covers, or null if it covers none. */
  range(span: Offsets): { t0: number; t1: number } | null {
    const t0 = this.firstEndingAfter(span.start);
    let t1 = t0;
    while (t1 < this.tokens.length && this.tokens[t1]!.start < span.end) t1++;
    return t1 > t0 ? { t0, t1 } : null;
  }
}

/** Builds the clause segments of a sentence (see SegmentKind). */
export function segmentSentence(doc: Doc, first: number, end: number, g: Grammar): { segments: Segment[]; segmentOf: Int16Array } {
  const segments: Segment[] = [{ start: first, end, kind: 'main', speechVerb: null }];
  const segmentOf = new Int16Array(end - first);
  const open = (at: number, kind: SegmentKind) => openSegment(segments, at, kind, end);
  let inParen = false;
  let inDash = false;
  for (let i = first; i < end; i++) {
    const n = doc.tokens[i]!.norm;
    const prev = i > first ? doc.tokens[i - 1]!.norm : undefined;
    const next = i + 1 < end ? doc.tokens[i + 1]!.norm : undefined;
    if (n === '(' || n === '[') {
      inParen = true;
      open(i + 1, 'paren');
    } else if ((n === ')' || n === ']') && inParen) {
      inParen = false;
      open(i + 1, 'continuation');
    } else if (isSpacedDash(doc, i)) {
      // "— a deployment the administration had tried to shut down —" is set off like a
      // parenthesis; a lone dash ("WASHINGTON — U.S. forces ...") only ends a clause.
      inDash = !inDash && hasDashAfter(doc, i + 1, end);
      open(i + 1, inDash ? 'paren' : 'continuation');
    } else if (g.clausePunctuation.has(n)) {
      open(i + 1, 'continuation');
    } else if (g.relativePeople.has(n)) {
      open(i, 'relative-person');
    } else if (g.relativeThings.has(n)) {
      if (n === 'that' && !startsThatClause(prev, next, g)) continue;
      open(i, speechBefore(doc, first, i, g) ? 'complement' : 'relative-thing');
    } else if (g.subordinators.has(n)) {
      if (n === 'as' && !(next && (g.thirdPronouns.has(next) || g.speakerPronouns.has(next)))) continue;
      open(i, 'subordinate');
    } else if (isSpeechVerb(doc, i, first, g)) {
      segments[segments.length - 1]!.speechVerb = i;
      if (next !== 'that') open(i + 1, 'complement');
    }
  }
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    for (let i = seg.start; i < seg.end; i++) segmentOf[i - first] = s;
  }
  return { segments, segmentOf };
}

function openSegment(segments: Segment[], at: number, kind: SegmentKind, end: number): void {
  const current = segments[segments.length - 1]!;
  if (at <= current.start) {
    current.kind = kind === 'continuation' ? current.kind : kind;
    return;
  }
  current.end = at;
  segments.push({ start: at, end, kind, speechVerb: null });
}

/**
 * A speech verb, unless its word is a noun here: "the United States", "the reports", "its claims".
 */
export function isSpeechVerb(doc: Doc, i: number, first: number, g: Grammar): boolean {
  const t = doc.tokens[i]!;
  if (!g.speechVerbs.has(t.norm) || t.norm === 'according') return false;
  if (i > first && t.text[0] !== t.text[0]!.toLowerCase()) return false;
  const prev = i > first ? doc.tokens[i - 1]!.norm : '';
  return !(g.definite.has(prev) || g.indefinite.has(prev) || g.possessive.has(prev) || g.nounModifiers.has(prev) || prev.endsWith("'s"));
}

// "that" opens a clause unless it is a determiner or pronoun: "in that area", "that is", "after that".
function startsThatClause(prev: string | undefined, next: string | undefined, g: Grammar): boolean {
  if (prev && g.prepositions.has(prev)) return false;
  if (next === undefined || next === '.' || next === ',' || next === 'is' || next === 'was' || next === "'s") return false;
  return true;
}

function speechBefore(doc: Doc, first: number, at: number, g: Grammar): boolean {
  for (let k = at - 1; k >= Math.max(first, at - 5); k--) if (isSpeechVerb(doc, k, first, g)) return true;
  return false;
}

// A dash with spaces around it sets off a clause ("— a deployment ... —"); "U.S.-led" is one word.
function isSpacedDash(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  if (t.text !== '-' && t.text !== '–' && t.text !== '—') return false;
  const before = doc.text[t.start - 1];
  const after = doc.text[t.end];
  return (before === ' ' || before === '\n') && (after === ' ' || after === '\n');
}

function hasDashAfter(doc: Doc, from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (isSpacedDash(doc, k)) return true;
  return false;
}

/** Per-document look-ups the sentence views share. */
export interface DocIndex {
  mentionsBySentence: ActorMention[][];
  placesBySentence: TokenRange[][];
  timesBySentence: TokenRange[][];
  quantitiesBySentence: TokenRange[][];
  tokenIndex: TokenIndex;
}

export function indexDocument(doc: Doc, g: Grammar): DocIndex {
  const tokenIndex = new TokenIndex(doc.tokens);
  const n = doc.sentences.length;
  const mentionsBySentence = emptyLists<ActorMention>(n);
  const placesBySentence = emptyLists<TokenRange>(n);
  const timesBySentence = emptyLists<TokenRange>(n);
  const quantitiesBySentence = emptyLists<TokenRange>(n);
  for (const a of doc.layers.actors) {
    for (const m of a.mentions) {
      const at = locate(doc, tokenIndex, m);
      if (at >= 0) mentionsBySentence[at]!.push({ t0: located.t0, t1: located.t1, actor: a.id, pronoun: null });
    }
  }
  for (const p of doc.layers.places) for (const m of p.mentions) addRange(doc, tokenIndex, m, p.id, placesBySentence);
  for (const t of doc.layers.times) addRange(doc, tokenIndex, t, t.id, timesBySentence);
  for (const q of doc.layers.quantities) addRange(doc, tokenIndex, q, q.id, quantitiesBySentence);

  for (const s of doc.sentences) {
    const list = mentionsBySentence[s.index]!;
    addPronouns(doc, s, list, g);
    if (list.length > 1) insertionSort(list, byStartThenLongest);
    mentionsBySentence[s.index] = withoutOverlaps(list);
    sortByStart(placesBySentence[s.index]!);
    sortByStart(timesBySentence[s.index]!);
    sortByStart(quantitiesBySentence[s.index]!);
  }
  return { mentionsBySentence, placesBySentence, timesBySentence, quantitiesBySentence, tokenIndex };
}

function emptyLists<T>(n: number): T[][] {
  const lists: T[][] = new Array<T[]>(n);
  for (let i = 0; i < n; i++) lists[i] = [];
  return lists;
}

// The token range of the last span located, reused so that locating allocates nothing.
const located = { t0: 0, t1: 0 };

/** The sentence index of a span, with its tokens in `located`; -1 when it has none. */
function locate(doc: Doc, tokenIndex: TokenIndex, span: Offsets): number {
  const s = doc.sentenceAt(span.start);
  const t0 = tokenIndex.firstEndingAfter(span.start);
  let t1 = t0;
  while (t1 < doc.tokens.length && doc.tokens[t1]!.start < span.end) t1++;
  if (!s || t1 <= t0) return -1;
  located.t0 = t0;
  located.t1 = t1;
  return s.index;
}

function addRange(doc: Doc, tokenIndex: TokenIndex, span: Offsets, id: string, into: TokenRange[][]): void {
  const at = locate(doc, tokenIndex, span);
  if (at >= 0) into[at]!.push({ t0: located.t0, t1: located.t1, id });
}

const byStartThenLongest = (a: ActorMention, b: ActorMention) => a.t0 - b.t0 || b.t1 - a.t1;
const byStart = (a: TokenRange, b: TokenRange) => a.t0 - b.t0;

function sortByStart(list: TokenRange[]): void {
  if (list.length > 1) insertionSort(list, byStart);
}

/**
 * A stable sort, so the same order as Array.prototype.sort, without the work array that
 * allocates at every call: these lists are short and nearly in order already.
 */
function insertionSort<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, x) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
}

// Overlapping mentions (an actor inside a longer one) keep the longer, earlier one. Sorted by
// start, a mention overlaps a kept one exactly when it starts before the furthest kept end.
function withoutOverlaps(sorted: ActorMention[]): ActorMention[] {
  const kept: ActorMention[] = [];
  let keptEnd = -1;
  for (const m of sorted) {
    if (m.t0 < keptEnd) continue;
    kept.push(m);
    keptEnd = Math.max(keptEnd, m.t1);
  }
  return kept;
}

function addPronouns(doc: Doc, s: Sentence, list: ActorMention[], g: Grammar): void {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const n = doc.tokens[i]!.norm;
    if (!g.pronounFirstWords.has(n)) continue;
    // "US" is the United States, "IT" a sector: capitals are not pronouns.
    const text = doc.tokens[i]!.text;
    if (text.length > 1 && !hasAsciiLowercase(text) && text === text.toUpperCase()) continue;
    const group = groupSubjectAt(doc, i, s.tokenEnd, g) ?? pairOfPeople(doc, i, s.tokenEnd, g);
    if (group && (group.length > 1 || n === 'they')) {
      list.push({ t0: i, t1: i + group.length, actor: null, pronoun: 'group' });
      i += group.length - 1;
    } else if (g.speakerPronouns.has(n)) list.push({ t0: i, t1: i + 1, actor: null, pronoun: 'speaker' });
    else if (g.thirdPronouns.has(n) && !(n === 'it' && doc.tokens[i + 1]?.norm === 'is')) list.push({ t0: i, t1: i + 1, actor: null, pronoun: 'third' });
  }
}

// A word with a letter a-z cannot be all capitals; this spares an upper-cased copy of every "the".
function hasAsciiLowercase(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function groupSubjectAt(doc: Doc, i: number, end: number, g: Grammar): string[] | undefined {
  const candidates = g.groupSubjectsByFirstWord.get(doc.tokens[i]!.norm);
  if (!candidates) return undefined;
  for (const seq of candidates) if (wordsAt(doc, i, end, seq)) return seq;
  return undefined;
}

function wordsAt(doc: Doc, i: number, end: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) if (i + k >= end || doc.tokens[i + k]!.norm !== words[k]) return false;
  return true;
}

// "the two officials", "both ministers": the two sides of a meeting, whatever the noun;
// "the two discussed", "the two have agreed": the two, with no noun, before their verb.
function pairOfPeople(doc: Doc, i: number, end: number, g: Grammar): string[] | undefined {
  const n = doc.tokens[i]!.norm;
  const words = n === 'both' ? [n] : n === 'the' && doc.tokens[i + 1]?.norm === 'two' ? [n, 'two'] : null;
  if (!words) return undefined;
  const noun = doc.tokens[i + words.length];
  if (words.length === 2 && noun && i + 2 < end && noun.kind === 'word') {
    const w = noun.norm;
    if ((w.endsWith('ed') && w.length > 4) || g.auxiliaries.has(w) || g.haveForms.has(w) || g.futureModals.has(w)) return words;
  }
  if (!noun || i + words.length >= end || noun.kind !== 'word' || !noun.norm.endsWith('s') || noun.norm.endsWith('ss')) return undefined;
  return [...words, noun.norm];
}

export function sentenceView(doc: Doc, sentence: Sentence, index: DocIndex, g: Grammar): SentenceView {
  return new View(doc, sentence, index, g);
}

/** A class, not an object literal with closures: one shape for every sentence, methods shared. */
class View implements SentenceView {
  readonly first: number;
  readonly end: number;
  mentions: ActorMention[];
  mentionStarts = new Set<number>();
  readonly speechVerbs = new Set<number>();
  readonly places: TokenRange[];
  readonly times: TokenRange[];
  readonly quantities: TokenRange[];
  private readonly tokens: readonly Token[];
  // Most sentences hold no trigger: their clauses are cut only when asked for.
  private cut: { segments: Segment[]; segmentOf: Int16Array } | null = null;

  constructor(readonly doc: Doc, readonly sentence: Sentence, index: DocIndex, readonly grammar: Grammar) {
    this.first = sentence.tokenStart;
    this.end = sentence.tokenEnd;
    this.tokens = doc.tokens;
    for (let i = this.first; i < this.end; i++) if (isSpeechVerb(doc, i, this.first, grammar)) this.speechVerbs.add(i);
    this.mentions = index.mentionsBySentence[sentence.index]!;
    for (const m of this.mentions) if (m.pronoun === null) this.mentionStarts.add(m.t0);
    this.places = index.placesBySentence[sentence.index]!;
    this.times = index.timesBySentence[sentence.index]!;
    this.quantities = index.quantitiesBySentence[sentence.index]!;
  }

  private clauses(): { segments: Segment[]; segmentOf: Int16Array } {
    return (this.cut ??= segmentSentence(this.doc, this.first, this.end, this.grammar));
  }

  get segments(): Segment[] {
    return this.clauses().segments;
  }

  get segmentOf(): Int16Array {
    return this.clauses().segmentOf;
  }

  norm(i: number): string | undefined {
    return i >= this.first && i < this.end ? this.tokens[i]!.norm : undefined;
  }

  token(i: number): Token | undefined {
    return i >= this.first && i < this.end ? this.tokens[i] : undefined;
  }
}

/**
 * "... were wounded after a drone struck the base": "after", "until", "since" open a clause
 * when a verb follows them before any punctuation, so the clause gets its own subject.
 * Called once the sentence's verb triggers are known.
 */
export function splitTemporalClauses(v: SentenceView, verbTokens: ReadonlySet<number>): void {
  const g = v.grammar;
  for (let i = v.first; i < v.end; i++) {
    if (!g.temporalSubordinators.has(v.norm(i)!)) continue;
    let verb = false;
    for (let k = i + 1; k < Math.min(v.end, i + 9); k++) {
      const n = v.norm(k)!;
      if (g.clausePunctuation.has(n) || n === '.') break;
      if (verbTokens.has(k) || g.beForms.has(n) || g.haveForms.has(n)) {
        verb = true;
        break;
      }
    }
    if (verb) splitSegmentAt(v, i);
  }
}

/**
 * "struck 85 targets on Friday in retaliation for a drone attack that killed ...": the phrase
 * of cause is a clause of its own, with its own time and actors.
 */
export function splitAtCauseMarkers(v: SentenceView): void {
  for (let i = v.first; i < v.end; i++) {
    const markers = v.grammar.causeMarkersByFirstWord.get(v.norm(i)!);
    if (!markers) continue;
    for (const seq of markers) {
      if (!wordsAt(v.doc, i, v.end, seq)) continue;
      // "in retaliation for": the clause starts at the preposition before the marker.
      splitSegmentAt(v, v.grammar.prepositions.has(v.norm(i - 1) ?? '') ? i - 1 : i);
    }
  }
}

/**
 * "declared a state of emergency", "announced a suspension of air links": a speech verb whose
 * object is an event noun is that event's light verb, not the opening of reported speech.
 */
export function joinSpeechObjects(v: SentenceView, nounStarts: ReadonlySet<number>): void {
  const g = v.grammar;
  for (const k of [...v.speechVerbs]) {
    let j = k + 1;
    while (j < v.end && j <= k + 3 && !nounStarts.has(j) && (g.definite.has(v.norm(j)!) || g.indefinite.has(v.norm(j)!) || g.possessive.has(v.norm(j)!) || g.nounModifiers.has(v.norm(j)!))) j++;
    if (!nounStarts.has(j) || v.norm(k + 1) === 'that') continue;
    v.speechVerbs.delete(k);
    const s = segmentIndexAt(v, k);
    const seg = v.segments[s]!;
    const next = v.segments[s + 1];
    if (seg.speechVerb !== k) continue;
    seg.speechVerb = null;
    if (!next || next.start !== k + 1 || next.kind !== 'complement') continue;
    seg.end = next.end;
    seg.speechVerb = next.speechVerb;
    v.segments.splice(s + 1, 1);
    for (let q = s; q < v.segments.length; q++) {
      const later = v.segments[q]!;
      for (let i = later.start; i < later.end; i++) v.segmentOf[i - v.first] = q;
    }
  }
}

function splitSegmentAt(v: SentenceView, i: number): void {
  const s = segmentIndexAt(v, i);
  const seg = v.segments[s]!;
  if (seg.start === i) return;
  v.segments.splice(s + 1, 0, { start: i, end: seg.end, kind: 'subordinate', speechVerb: seg.speechVerb !== null && seg.speechVerb >= i ? seg.speechVerb : null });
  if (seg.speechVerb !== null && seg.speechVerb >= i) seg.speechVerb = null;
  seg.end = i;
  for (let k = s + 1; k < v.segments.length; k++) {
    const later = v.segments[k]!;
    for (let j = later.start; j < later.end; j++) v.segmentOf[j - v.first] = k;
  }
}

/** The segment a token belongs to. */
export const segmentAt = (v: SentenceView, i: number): Segment => v.segments[v.segmentOf[i - v.first]!]!;
export const segmentIndexAt = (v: SentenceView, i: number): number => v.segmentOf[i - v.first]!;
