import { tokenAt } from '../../doc/token-search.js';
import type { Doc, Sentence } from '../../doc/document.js';
import type { Token } from '../../doc/tokens.js';
import type { TimesLexicon } from './lexicon.js';
import type { Reading, Rule, Site } from './types.js';

/** A match a rule accepted: its span, the sentence and tokens it lies in, and its reading. */
export interface Candidate {
  rule: Rule;
  start: number;
  end: number;
  sentence: Sentence;
  /** Indices into doc.tokens of the first and last token the span touches. */
  firstToken: number;
  lastToken: number;
  reading: Reading;
}

// A time never starts inside a word or a number.
const BOUNDARY = '(?<![\\p{L}\\p{N}])';

interface CompiledRule {
  rule: Rule;
  sticky: RegExp;
  /** Index into the scanner's near-word sets, or -1 when the rule has none. */
  near: number;
}

/**
 * Words too common to trigger rules alone: a rule starting with one of them is looked up by
 * the pair it forms with the next word ("the past", "a decade", "that day").
 */
export const PAIR_HEADS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'that']);

/** The key a token is looked up by: "#" for a figure, its lower-cased word otherwise. */
function tokenKey(token: Token): string {
  if (token.kind === 'number') return '#';
  const n = token.norm;
  return n.length > 2 && n.charCodeAt(n.length - 2) === 39 && n.endsWith("'s") ? n.slice(0, -2) : n;
}

/** The key of the token at index i, paired with the next word's when it is a pair head. */
function startKey(tokens: readonly Token[], i: number, end: number): string {
  const key = tokenKey(tokens[i]!);
  if (!PAIR_HEADS.has(key)) return key;
  return i + 1 < end ? `${key} ${tokenKey(tokens[i + 1]!)}` : key;
}

/** startKey over keys computed once per document (near-word checks read them again). */
function startKeyOf(keys: readonly string[], i: number, end: number): string {
  const key = keys[i]!;
  if (!PAIR_HEADS.has(key)) return key;
  return i + 1 < end ? `${key} ${keys[i + 1]!}` : key;
}

/**
 * Finds the times of a text token by token: at each token, only the rules that can begin with
 * its word (or figure) are tried, as sticky regexes, and the longest match a rule accepts wins
 * (the earlier rule on a tie); scanning resumes after it. Everything is compiled once per
 * annotator, and most tokens cost one map look-up.
 */
export class Scanner {
  private readonly byStart = new Map<string, CompiledRule[]>();
  private readonly nearSets: Set<string>[] = [];

  constructor(rules: readonly Rule[], private readonly lex: TimesLexicon) {
    for (const rule of rules) {
      let near = -1;
      if (rule.near) {
        near = this.nearSets.length;
        this.nearSets.push(new Set(rule.near.words));
      }
      const compiled = { rule, sticky: new RegExp(BOUNDARY + rule.source, 'uy'), near };
      for (const key of rule.starts) {
        if (PAIR_HEADS.has(key)) throw new Error(`times rule ${rule.name}: "${key}" is too common to start a rule alone; give the pair with the next word`);
        const list = this.byStart.get(key) ?? [];
        list.push(compiled);
        this.byStart.set(key, list);
      }
    }
  }

  scan(doc: Doc): Candidate[] {
    const found: Candidate[] = [];
    const keys = doc.tokens.map(tokenKey);
    for (const sentence of doc.sentences) {
      let resumeAt = sentence.start;
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const token = doc.tokens[i]!;
        if (token.start < resumeAt) continue;
        const triggered = this.byStart.get(startKeyOf(keys, i, sentence.tokenEnd));
        if (!triggered) continue;
        const rules = hasNearRule(triggered) ? triggered.filter((c) => c.near < 0 || nearby(keys, this.nearSets[c.near]!, c.rule.near!.within, i, sentence.tokenEnd)) : triggered;
        if (rules.length === 0) continue;
        const candidate = this.match(doc, sentence, rules, token.start, sentence.end);
        if (candidate) {
          found.push(candidate);
          resumeAt = candidate.end;
        }
      }
    }
    return found;
  }

  /** The longest accepted match of any rule starting at `at` and ending by `limit`, or null. */
  readAt(doc: Doc, sentence: Sentence, at: number, limit: number): Candidate | null {
    const i = tokenAt(doc.tokens, at);
    const rules = doc.tokens[i]?.start === at ? this.byStart.get(startKey(doc.tokens, i, sentence.tokenEnd)) : undefined;
    return rules ? this.match(doc, sentence, rules, at, limit) : null;
  }

  private match(doc: Doc, sentence: Sentence, rules: readonly CompiledRule[], at: number, limit: number): Candidate | null {
    const matches: { rule: Rule; m: RegExpExecArray }[] = [];
    for (const c of rules) {
      c.sticky.lastIndex = at;
      const m = c.sticky.exec(doc.text);
      if (m && m[0].length > 0 && at + m[0].length <= limit && !endsInsideNumber(doc.tokens, at + m[0].length)) matches.push({ rule: c.rule, m });
    }
    if (matches.length === 0) return null;
    // Stable sort: on equal length the earlier rule keeps its place.
    matches.sort((a, b) => b.m[0].length - a.m[0].length);
    for (const { rule, m } of matches) {
      const site = makeSite(doc, sentence, m);
      const reading = rule.read(site, this.lex);
      if (reading) {
        const first = tokenAt(doc.tokens, m.index);
        const last = Math.max(first, tokenAt(doc.tokens, m.index + m[0].length - 1));
        return { rule, start: m.index, end: m.index + m[0].length, sentence, firstToken: first, lastToken: last, reading };
      }
    }
    return null;
  }
}

// Most start words trigger no rule that needs a near word: those skip the filter and its copy.
function hasNearRule(rules: readonly CompiledRule[]): boolean {
  for (const c of rules) if (c.near >= 0) return true;
  return false;
}

function makeSite(doc: Doc, sentence: Sentence, m: RegExpExecArray): Site {
  return new MatchSite(doc, sentence, m);
}

/** A class rather than an object of closures: sites are made for every match tried. */
class MatchSite implements Site {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly groups: Record<string, string | undefined>;
  readonly after: string;
  private readonly tokens: readonly Token[];
  private readonly first: number;
  private readonly following: number;

  constructor(doc: Doc, private readonly sentence: Sentence, m: RegExpExecArray) {
    this.text = m[0];
    this.start = m.index;
    this.end = m.index + m[0].length;
    this.groups = (m.groups ?? {}) as Record<string, string | undefined>;
    this.after = doc.text.charAt(this.end);
    this.tokens = doc.tokens;
    this.first = tokenAt(this.tokens, this.start);
    // The token after the match: skip one the match ends inside ("today" in "today's").
    let after = tokenAt(this.tokens, this.end);
    if (after < this.tokens.length && this.tokens[after]!.start < this.end) after++;
    this.following = after;
  }

  private before(k: number): Token | undefined {
    const i = this.first - k;
    return i >= this.sentence.tokenStart ? this.tokens[i] : undefined;
  }

  private afterward(k: number): Token | undefined {
    const i = this.following + k - 1;
    return i < this.sentence.tokenEnd ? this.tokens[i] : undefined;
  }

  prev(k = 1) { return this.before(k)?.norm; }
  prevRaw(k = 1) { return this.before(k)?.text; }
  next(k = 1) { return this.afterward(k)?.norm; }
  nextRaw(k = 1) { return this.afterward(k)?.text; }
  get atSentenceStart() { return opensSentence(this.tokens, this.sentence, this.first); }
}

function opensSentence(tokens: readonly Token[], sentence: Sentence, first: number): boolean {
  for (let i = sentence.tokenStart; i < first; i++) if (tokens[i]!.kind !== 'punct') return false;
  return true;
}

/** "2:02" of "2:02:53", "1,0" of "1,000": a match may not stop inside a figure. */
function endsInsideNumber(tokens: readonly Token[], end: number): boolean {
  const t = tokens[tokenAt(tokens, end - 1)];
  return !!t && t.kind === 'number' && t.end > end;
}

/** Whether a word of the set comes within `within` tokens from token i (inclusive), in the sentence. */
function nearby(keys: readonly string[], words: ReadonlySet<string>, within: number, i: number, end: number): boolean {
  const last = Math.min(end - 1, i + within);
  for (let k = i; k <= last; k++) if (words.has(keys[k]!)) return true;
  return false;
}
