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
  const norm = (i: number) => (i >= first && i < end ? doc.tokens[i]!.norm : undefined);
  const open = (at: number, kind: SegmentKind) => {
    const current = segments[segments.length - 1]!;
    if (at <= current.start) {
      current.kind = kind === 'continuation' ? current.kind : kind;
      return;
    }
    current.end = at;
    segments.push({ start: at, end, kind, speechVerb: null });
  };
  let inParen = false;
  let inDash = false;
  for (let i = first; i < end; i++) {
    const n = doc.tokens[i]!.norm;
    const prev = norm(i - 1);
    const next = norm(i + 1);
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
  const buckets = <T>() => Array.from({ length: n }, () => [] as T[]);
  const mentionsBySentence = buckets<ActorMention>();
  const placesBySentence = buckets<TokenRange>();
  const timesBySentence = buckets<TokenRange>();
  const quantitiesBySentence = buckets<TokenRange>();
  const place = <T>(into: T[][], span: Offsets, make: (r: { t0: number; t1: number }) => T) => {
    const s = doc.sentenceAt(span.start);
    const r = tokenIndex.range(span);
    if (s && r) into[s.index]!.push(make(r));
  };
  for (const a of doc.layers.actors) for (const m of a.mentions) place(mentionsBySentence, m, (r) => ({ ...r, actor: a.id, pronoun: null }));
  for (const p of doc.layers.places) for (const m of p.mentions) place(placesBySentence, m, (r) => ({ ...r, id: p.id }));
  for (const t of doc.layers.times) place(timesBySentence, t, (r) => ({ ...r, id: t.id }));
  for (const q of doc.layers.quantities) place(quantitiesBySentence, q, (r) => ({ ...r, id: q.id }));

  for (const s of doc.sentences) {
    const list = mentionsBySentence[s.index]!;
    addPronouns(doc, s, list, g);
    list.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1);
    // Overlapping mentions (an actor inside a longer one) keep the longer, earlier one.
    const kept: ActorMention[] = [];
    for (const m of list) if (!kept.some((k) => m.t0 < k.t1 && k.t0 < m.t1)) kept.push(m);
    mentionsBySentence[s.index] = kept;
    for (const l of [placesBySentence[s.index]!, timesBySentence[s.index]!, quantitiesBySentence[s.index]!]) l.sort((a, b) => a.t0 - b.t0);
  }
  return { mentionsBySentence, placesBySentence, timesBySentence, quantitiesBySentence, tokenIndex };
}

function addPronouns(doc: Doc, s: Sentence, list: ActorMention[], g: Grammar): void {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const n = doc.tokens[i]!.norm;
    if (!g.pronounFirstWords.has(n)) continue;
    // "US" is the United States, "IT" a sector: capitals are not pronouns.
    const text = doc.tokens[i]!.text;
    if (text.length > 1 && text === text.toUpperCase()) continue;
    const group = g.groupSubjects.find((seq) => seq.every((w, k) => i + k < s.tokenEnd && doc.tokens[i + k]!.norm === w)) ?? pairOfPeople(doc, i, s.tokenEnd);
    if (group && (group.length > 1 || n === 'they')) {
      list.push({ t0: i, t1: i + group.length, actor: null, pronoun: 'group' });
      i += group.length - 1;
    } else if (g.speakerPronouns.has(n)) list.push({ t0: i, t1: i + 1, actor: null, pronoun: 'speaker' });
    else if (g.thirdPronouns.has(n) && !(n === 'it' && doc.tokens[i + 1]?.norm === 'is')) list.push({ t0: i, t1: i + 1, actor: null, pronoun: 'third' });
  }
}

// "the two officials", "both ministers": the two sides of a meeting, whatever the noun.
function pairOfPeople(doc: Doc, i: number, end: number): string[] | undefined {
  const n = doc.tokens[i]!.norm;
  const words = n === 'both' ? [n] : n === 'the' && doc.tokens[i + 1]?.norm === 'two' ? [n, 'two'] : null;
  if (!words) return undefined;
  const noun = doc.tokens[i + words.length];
  if (!noun || i + words.length >= end || noun.kind !== 'word' || !noun.norm.endsWith('s') || noun.norm.endsWith('ss')) return undefined;
  return [...words, noun.norm];
}

export function sentenceView(doc: Doc, sentence: Sentence, index: DocIndex, g: Grammar): SentenceView {
  const first = sentence.tokenStart;
  const end = sentence.tokenEnd;
  const speechVerbs = new Set<number>();
  for (let i = first; i < end; i++) if (isSpeechVerb(doc, i, first, g)) speechVerbs.add(i);
  // Most sentences hold no trigger: their clauses are cut only when asked for.
  let cut: { segments: Segment[]; segmentOf: Int16Array } | null = null;
  const clauses = () => (cut ??= segmentSentence(doc, first, end, g));
  return {
    doc,
    sentence,
    first,
    end,
    get segments() {
      return clauses().segments;
    },
    get segmentOf() {
      return clauses().segmentOf;
    },
    mentions: index.mentionsBySentence[sentence.index]!,
    mentionStarts: new Set(index.mentionsBySentence[sentence.index]!.filter((m) => m.pronoun === null).map((m) => m.t0)),
    places: index.placesBySentence[sentence.index]!,
    times: index.timesBySentence[sentence.index]!,
    quantities: index.quantitiesBySentence[sentence.index]!,
    speechVerbs,
    grammar: g,
    norm: (i) => (i >= first && i < end ? doc.tokens[i]!.norm : undefined),
    token: (i) => (i >= first && i < end ? doc.tokens[i] : undefined),
  };
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
    if (!v.grammar.causeMarkerFirstWords.has(v.norm(i)!)) continue;
    for (const seq of v.grammar.causeMarkers) {
      if (!seq.every((w, j) => v.norm(i + j) === w)) continue;
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
