import type { Doc, Sentence } from '../../doc/document.js';
import type { Offsets } from '../../doc/span.js';
import type { Token } from '../../doc/tokens.js';
import { WordClass, wordShape, type Grammar, type Vocabulary } from './lexicon.js';

// The word class bits, read once: under tsx an imported binding is a getter call at every use.
const W = WordClass;

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
  /**
   * Segment index of each token of the sentence, by global token index (a document-wide
   * array: entries outside the sentence belong to other sentences).
   */
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
  /** Vocabulary id of every token of the document (-1: a word the lexicon does not name). */
  wordIds: Int32Array;
  /** WordClass bits of every token of the document. */
  wordClasses: Uint32Array;
  /** Whether token i is in the sentence and of the word class (a WordClass bit). */
  is(i: number, wordClass: number): boolean;
  norm(i: number): string | undefined;
  token(i: number): Token | undefined;
}

/**
 * Index of the first token of [lo, hi) ending after `offset`, else hi. Searching only the
 * tokens of the sentence holding `offset` finds what a search of all tokens would: the
 * tokens of earlier sentences end before it, the next sentence's first token after it.
 */
function firstEndingAfter(tokens: readonly Token[], lo: number, hi: number, offset: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Reused like the word arrays (see lookUpWords): each sentence writes only its own tokens'
// entries, and a sentence's segments are cut before they are read.
let scratchSegments = new Int16Array(4096);

/** Builds the clause segments of a sentence (see SegmentKind). */
export function segmentSentence(doc: Doc, classes: Uint32Array, first: number, end: number): { segments: Segment[]; segmentOf: Int16Array } {
  const segments: Segment[] = [{ start: first, end, kind: 'main', speechVerb: null }];
  if (scratchSegments.length < doc.tokens.length) scratchSegments = new Int16Array(2 * doc.tokens.length);
  const segmentOf = scratchSegments;
  let inParen = false;
  let inDash = false;
  for (let i = first; i < end; i++) {
    const token = doc.tokens[i]!;
    const n = token.norm;
    const c = classes[i]!;
    // Brackets and dashes are punctuation tokens: words skip their tests.
    if (token.kind === 'punct') {
      if (n === '(' || n === '[') {
        inParen = true;
        openSegment(segments, i + 1, 'paren', end);
        continue;
      }
      if ((n === ')' || n === ']') && inParen) {
        inParen = false;
        openSegment(segments, i + 1, 'continuation', end);
        continue;
      }
      if (isSpacedDash(doc, i)) {
        // "— a deployment the administration had tried to shut down —" is set off like a
        // parenthesis; a lone dash ("WASHINGTON — U.S. forces ...") only ends a clause.
        inDash = !inDash && hasDashAfter(doc, i + 1, end);
        openSegment(segments, i + 1, inDash ? 'paren' : 'continuation', end);
        continue;
      }
    }
    if (c & W.clausePunctuation) {
      openSegment(segments, i + 1, 'continuation', end);
    } else if (c & W.relativePeople) {
      openSegment(segments, i, 'relative-person', end);
    } else if (c & W.relativeThings) {
      if (n === 'that' && !startsThatClause(doc, classes, first, end, i)) continue;
      openSegment(segments, i, speechBefore(doc, classes, first, i) ? 'complement' : 'relative-thing', end);
    } else if (c & W.subordinator) {
      // "as they ...": the pronoun after "as" makes it a clause.
      if (n === 'as' && !(i + 1 < end && classes[i + 1]! & (W.thirdPronoun | W.speakerPronoun))) continue;
      openSegment(segments, i, 'subordinate', end);
    } else if (isSpeechVerbAt(doc, classes, i, first)) {
      segments[segments.length - 1]!.speechVerb = i;
      if (i + 1 >= end || doc.tokens[i + 1]!.norm !== 'that') openSegment(segments, i + 1, 'complement', end);
    }
  }
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    for (let i = seg.start; i < seg.end; i++) segmentOf[i] = s;
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

// A determiner or modifier before a speech verb's word makes it a noun ("the reports", "its claims").
const NOUN_BEFORE = W.definite | W.indefinite | W.possessive | W.nounModifier;
// The words between a verb and its object noun ("declared a state of emergency").
const NOUN_MODIFYING = NOUN_BEFORE;

/**
 * A speech verb, unless its word is a noun here: "the United States", "the reports", "its claims".
 */
export function isSpeechVerbAt(doc: Doc, classes: Uint32Array, i: number, first: number): boolean {
  if (!(classes[i]! & W.speechVerb)) return false;
  const t = doc.tokens[i]!;
  if (t.norm === 'according') return false;
  if (i > first && t.text[0] !== t.text[0]!.toLowerCase()) return false;
  // The first word of a sentence has nothing before it (and the empty word is in no grammar set).
  if (i === first) return true;
  return !(classes[i - 1]! & NOUN_BEFORE || doc.tokens[i - 1]!.norm.endsWith("'s"));
}

// "that" opens a clause unless it is a determiner or pronoun: "in that area", "that is", "after that".
function startsThatClause(doc: Doc, classes: Uint32Array, first: number, end: number, i: number): boolean {
  if (i > first && classes[i - 1]! & W.preposition) return false;
  if (i + 1 >= end) return false;
  const next = doc.tokens[i + 1]!.norm;
  return !(next === '.' || next === ',' || next === 'is' || next === 'was' || next === "'s");
}

function speechBefore(doc: Doc, classes: Uint32Array, first: number, at: number): boolean {
  for (let k = at - 1; k >= Math.max(first, at - 5); k--) if (isSpeechVerbAt(doc, classes, k, first)) return true;
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
  /** Vocabulary id of each token, -1 for words the lexicon does not name. */
  wordIds: Int32Array;
  /** WordClass bits of each token. */
  wordClasses: Uint32Array;
}

export function indexDocument(doc: Doc, g: Grammar, vocabulary: Vocabulary): DocIndex {
  const { wordIds, wordClasses } = lookUpWords(doc, vocabulary);
  const n = doc.sentences.length;
  const mentionsBySentence = emptyLists<ActorMention>(n);
  const placesBySentence = emptyLists<TokenRange>(n);
  const timesBySentence = emptyLists<TokenRange>(n);
  const quantitiesBySentence = emptyLists<TokenRange>(n);
  for (const a of doc.layers.actors) {
    for (const m of a.mentions) {
      const at = locate(doc, m);
      if (at >= 0) pushAt(mentionsBySentence, at, { t0: located.t0, t1: located.t1, actor: a.id, pronoun: null });
    }
  }
  for (const p of doc.layers.places) for (const m of p.mentions) addRange(doc, m, p.id, placesBySentence);
  for (const t of doc.layers.times) addRange(doc, t, t.id, timesBySentence);
  for (const q of doc.layers.quantities) addRange(doc, q, q.id, quantitiesBySentence);

  for (const s of doc.sentences) {
    addPronouns(doc, wordClasses, s, mentionsBySentence, g);
    const list = mentionsBySentence[s.index]!;
    if (list.length > 1) insertionSort(list, byStartThenLongest);
    mentionsBySentence[s.index] = withoutOverlaps(list);
    sortByStart(placesBySentence[s.index]!);
    sortByStart(timesBySentence[s.index]!);
    sortByStart(quantitiesBySentence[s.index]!);
  }
  return { mentionsBySentence, placesBySentence, timesBySentence, quantitiesBySentence, wordIds, wordClasses };
}

// Reused from one document to the next: typed arrays of a few hundred tokens are allocated off
// the heap, which costs more than filling them. Safe because one document is indexed and read
// at a time (extractEvents runs to its end, and nothing it returns keeps them); the arrays are
// longer than the document, but every read is of a token of one of its sentences.
let scratchIds = new Int32Array(4096);
let scratchClasses = new Uint32Array(4096);

/** One look-up per token: its vocabulary id and word classes, for every later scan. */
function lookUpWords(doc: Doc, vocabulary: Vocabulary): { wordIds: Int32Array; wordClasses: Uint32Array } {
  const tokens = doc.tokens;
  if (scratchIds.length < tokens.length) {
    scratchIds = new Int32Array(2 * tokens.length);
    scratchClasses = new Uint32Array(2 * tokens.length);
  }
  const wordIds = scratchIds;
  const wordClasses = scratchClasses;
  // A Map, not a prototype-less object: on a document's first pass (tokens never looked up
  // before) a keyed property load costs several times a Map look-up.
  const ids = vocabulary.ids;
  const asciiCharIds = vocabulary.asciiCharIds;
  const shapes = vocabulary.shapes;
  for (let k = 0; k < tokens.length; k++) {
    const norm = tokens[k]!.norm;
    const code = norm.length === 1 ? norm.charCodeAt(0) : 128;
    let id = -1;
    if (code < 128) id = asciiCharIds[code]!;
    else {
      // Half the tokens are words the lexicon does not name: most fail the shape test, which
      // spares hashing a fresh string.
      const shape = wordShape(norm);
      if (shapes[shape >>> 5]! & (1 << (shape & 31))) id = ids.get(norm) ?? -1;
    }
    wordIds[k] = id;
    wordClasses[k] = id < 0 ? 0 : vocabulary.classes[id]!;
  }
  return { wordIds, wordClasses };
}

// The list of every sentence with nothing in it: most sentences have no time, place or
// quantity. Never written to: pushAt gives a sentence its own list at its first item.
const NONE: never[] = [];

function emptyLists<T>(n: number): T[][] {
  return new Array<T[]>(n).fill(NONE);
}

function pushAt<T>(lists: T[][], at: number, item: T): void {
  let list = lists[at]!;
  if (list === NONE) lists[at] = list = [];
  list.push(item);
}

// The token range of the last span located, reused so that locating allocates nothing.
const located = { t0: 0, t1: 0 };

/** The sentence index of a span, with its tokens in `located`; -1 when it has none. */
function locate(doc: Doc, span: Offsets): number {
  const s = doc.sentenceAt(span.start);
  if (!s) return -1;
  const t0 = firstEndingAfter(doc.tokens, s.tokenStart, s.tokenEnd, span.start);
  let t1 = t0;
  while (t1 < doc.tokens.length && doc.tokens[t1]!.start < span.end) t1++;
  if (t1 <= t0) return -1;
  located.t0 = t0;
  located.t1 = t1;
  return s.index;
}

function addRange(doc: Doc, span: Offsets, id: string, into: TokenRange[][]): void {
  const at = locate(doc, span);
  if (at >= 0) pushAt(into, at, { t0: located.t0, t1: located.t1, id });
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
// Most lists have no overlap: they are kept as they are, without a copy.
function withoutOverlaps(sorted: ActorMention[]): ActorMention[] {
  let kept: ActorMention[] | null = null;
  let keptEnd = -1;
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    if (m.t0 < keptEnd) {
      kept ??= sorted.slice(0, i);
      continue;
    }
    kept?.push(m);
    keptEnd = Math.max(keptEnd, m.t1);
  }
  return kept ?? sorted;
}

function addPronouns(doc: Doc, classes: Uint32Array, s: Sentence, mentionsBySentence: ActorMention[][], g: Grammar): void {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!(classes[i]! & W.pronounFirstWord)) continue;
    const n = doc.tokens[i]!.norm;
    // "US" is the United States, "IT" a sector: capitals are not pronouns.
    const text = doc.tokens[i]!.text;
    if (text.length > 1 && !hasAsciiLowercase(text) && text === text.toUpperCase()) continue;
    const group = groupSubjectAt(doc, i, s.tokenEnd, g) ?? pairOfPeople(doc, i, s.tokenEnd, g);
    if (group && (group.length > 1 || n === 'they')) {
      pushAt(mentionsBySentence, s.index, { t0: i, t1: i + group.length, actor: null, pronoun: 'group' });
      i += group.length - 1;
    } else if (classes[i]! & W.speakerPronoun) pushAt(mentionsBySentence, s.index, { t0: i, t1: i + 1, actor: null, pronoun: 'speaker' });
    else if (classes[i]! & W.thirdPronoun && !(n === 'it' && doc.tokens[i + 1]?.norm === 'is')) pushAt(mentionsBySentence, s.index, { t0: i, t1: i + 1, actor: null, pronoun: 'third' });
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
  readonly wordIds: Int32Array;
  readonly wordClasses: Uint32Array;
  private readonly tokens: readonly Token[];
  // Most sentences hold no trigger: their clauses are cut only when asked for.
  private cut: { segments: Segment[]; segmentOf: Int16Array } | null = null;

  constructor(readonly doc: Doc, readonly sentence: Sentence, index: DocIndex, readonly grammar: Grammar) {
    this.first = sentence.tokenStart;
    this.end = sentence.tokenEnd;
    this.tokens = doc.tokens;
    this.wordIds = index.wordIds;
    this.wordClasses = index.wordClasses;
    for (let i = this.first; i < this.end; i++) if (isSpeechVerbAt(doc, this.wordClasses, i, this.first)) this.speechVerbs.add(i);
    this.mentions = index.mentionsBySentence[sentence.index]!;
    for (const m of this.mentions) if (m.pronoun === null) this.mentionStarts.add(m.t0);
    this.places = index.placesBySentence[sentence.index]!;
    this.times = index.timesBySentence[sentence.index]!;
    this.quantities = index.quantitiesBySentence[sentence.index]!;
  }

  private clauses(): { segments: Segment[]; segmentOf: Int16Array } {
    return (this.cut ??= segmentSentence(this.doc, this.wordClasses, this.first, this.end));
  }

  get segments(): Segment[] {
    return this.clauses().segments;
  }

  get segmentOf(): Int16Array {
    return this.clauses().segmentOf;
  }

  is(i: number, wordClass: number): boolean {
    return i >= this.first && i < this.end && (this.wordClasses[i]! & wordClass) !== 0;
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
export function splitTemporalClauses(v: SentenceView, verbTokens: readonly number[]): void {
  for (let i = v.first; i < v.end; i++) {
    if (!(v.wordClasses[i]! & W.temporalSubordinator)) continue;
    let verb = false;
    for (let k = i + 1; k < Math.min(v.end, i + 9); k++) {
      const c = v.wordClasses[k]!;
      if (c & W.clausePunctuation || v.norm(k) === '.') break;
      if (verbTokens.includes(k) || c & (W.beForm | W.haveForm)) {
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
    if (!(v.wordClasses[i]! & W.causeMarkerFirstWord)) continue;
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
export function joinSpeechObjects(v: SentenceView, nounStarts: readonly number[]): void {
  for (const k of [...v.speechVerbs]) {
    let j = k + 1;
    while (j < v.end && j <= k + 3 && !nounStarts.includes(j) && v.wordClasses[j]! & NOUN_MODIFYING) j++;
    if (!nounStarts.includes(j) || v.norm(k + 1) === 'that') continue;
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
      for (let i = later.start; i < later.end; i++) v.segmentOf[i] = q;
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
    for (let j = later.start; j < later.end; j++) v.segmentOf[j] = k;
  }
}

/** The segment a token belongs to. */
export const segmentAt = (v: SentenceView, i: number): Segment => v.segments[v.segmentOf[i]!]!;
export const segmentIndexAt = (v: SentenceView, i: number): number => v.segmentOf[i]!;
