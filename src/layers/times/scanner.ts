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
  /** The rule without its optional leading modifier, for tokens where no modifier starts (null: none). */
  plain: RegExp | null;
  modifier: StartWords | null;
  /** The bit of the rule's near-word set (see StartEntry.near), or 0 when the rule has none. */
  near: number;
}

/** What a token's key starts and where it counts as a near word: one look-up per token tells all. */
interface StartEntry {
  /** The rules that can begin with the word. */
  rules: CompiledRule[] | undefined;
  /** For a pair head ("the", "a"): the rules by the next word. */
  pairs: Map<string, CompiledRule[]> | undefined;
  /** One bit for each near-word set holding the word. */
  near: number;
}

/** A word's length (up to 15) and the low bits of its first and last characters. */
const shapeOf = (w: string) => (Math.min(w.length, 15) << 10) | ((w.charCodeAt(0) & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);

// Near-word sets are told apart by the bits of a 32-bit number.
const MAX_NEAR_SETS = 31;

/** Start keys (single words and pairs such as "the end"), told at a token without building a pair string. */
class StartWords {
  private readonly singles = new Set<string>();
  private readonly pairs = new Map<string, Set<string>>();

  constructor(keys: readonly string[]) {
    for (const key of keys) {
      const space = key.indexOf(' ');
      if (space < 0) this.singles.add(key);
      else {
        const head = key.slice(0, space);
        if (!this.pairs.has(head)) this.pairs.set(head, new Set());
        this.pairs.get(head)!.add(key.slice(space + 1));
      }
    }
  }

  /** Whether one of the keys starts at token i: its word, or its pair with the next word of the sentence. */
  startsAt(keys: readonly string[], i: number, end: number): boolean {
    const key = keys[i]!;
    if (this.singles.has(key)) return true;
    return i + 1 < end && this.pairs.get(key)?.has(keys[i + 1]!) === true;
  }
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

/**
 * Finds the times of a text token by token: at each token, only the rules that can begin with
 * its word (or figure) are tried, as sticky regexes, and the longest match a rule accepts wins
 * (the earlier rule on a tie); scanning resumes after it. Everything is compiled once per
 * annotator, and most tokens cost one map look-up.
 */
export class Scanner {
  /**
   * Every start key and near word. Rules starting with a pair ("the past") are found by the
   * head word and then the next word: no key strings are built while scanning.
   */
  private readonly entries = new Map<string, StartEntry>();
  /** The shapes of the keys in `entries`: most words of a text start nothing and are answered without a look-up. */
  private readonly shapes = new Uint8Array(1 << 14);

  constructor(rules: readonly Rule[], private readonly lex: TimesLexicon) {
    const nearByWords = new Map<string, number>();
    const modifierSets = new Map<string, StartWords>();
    for (const rule of rules) {
      let near = 0;
      if (rule.near) {
        const words = rule.near.words.join('\n');
        near = nearByWords.get(words) ?? 0;
        if (near === 0) {
          if (nearByWords.size === MAX_NEAR_SETS) throw new Error(`times rules: more than ${MAX_NEAR_SETS} different near-word lists`);
          near = 1 << nearByWords.size;
          nearByWords.set(words, near);
          for (const w of rule.near.words) this.entry(w).near |= near;
        }
      }
      let modifier: StartWords | null = null;
      if (rule.withoutModifier) {
        const listed = rule.withoutModifier.starts.join('\n');
        modifier = modifierSets.get(listed) ?? new StartWords(rule.withoutModifier.starts);
        modifierSets.set(listed, modifier);
      }
      const plain = rule.withoutModifier ? new RegExp(BOUNDARY + rule.withoutModifier.source, 'uy') : null;
      const compiled = { rule, sticky: new RegExp(BOUNDARY + rule.source, 'uy'), plain, modifier, near };
      for (const key of rule.starts) {
        if (PAIR_HEADS.has(key)) throw new Error(`times rule ${rule.name}: "${key}" is too common to start a rule alone; give the pair with the next word`);
        const space = key.indexOf(' ');
        const head = space > 0 ? key.slice(0, space) : '';
        // A key with a space that no pair head opens is looked up whole, and so never matches a token.
        if (!PAIR_HEADS.has(head)) addRule(this.entry(key), compiled);
        else {
          const entry = this.entry(head);
          entry.pairs ??= new Map();
          const next = key.slice(space + 1);
          const list = entry.pairs.get(next);
          if (list) list.push(compiled);
          else entry.pairs.set(next, [compiled]);
        }
      }
    }
  }

  private entry(key: string): StartEntry {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { rules: undefined, pairs: undefined, near: 0 };
      this.entries.set(key, entry);
      this.shapes[shapeOf(key)] = 1;
    }
    return entry;
  }

  private entryOf(key: string): StartEntry | undefined {
    return this.shapes[shapeOf(key)] === 0 ? undefined : this.entries.get(key);
  }

  /** The rules that can start at token i: by its key, or by the pair it opens when it is a pair head. */
  private rulesAt(keys: readonly string[], entries: readonly (StartEntry | undefined)[], i: number, end: number): CompiledRule[] | undefined {
    const entry = entries[i];
    if (entry === undefined) return undefined;
    if (entry.pairs === undefined) return entry.rules;
    return i + 1 < end ? entry.pairs.get(keys[i + 1]!) : undefined;
  }

  scan(doc: Doc): Candidate[] {
    const found: Candidate[] = [];
    const keys = doc.tokens.map(tokenKey);
    const entries = keys.map((key) => this.entryOf(key));
    for (const sentence of doc.sentences) {
      let resumeAt = sentence.start;
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const token = doc.tokens[i]!;
        if (token.start < resumeAt) continue;
        const triggered = this.rulesAt(keys, entries, i, sentence.tokenEnd);
        if (!triggered) continue;
        const candidate = this.match(doc, sentence, triggered, token.start, sentence.end, keys, entries, i);
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
    if (doc.tokens[i]?.start !== at) return null;
    const keys = doc.tokens.slice(i, i + 2).map(tokenKey);
    const rules = this.rulesAt(keys, keys.map((key) => this.entryOf(key)), 0, Math.min(2, sentence.tokenEnd - i));
    return rules ? this.match(doc, sentence, rules, at, limit, null, null, i) : null;
  }

  /**
   * `keys` given: a rule with near words is tried only when one of them comes near token i
   * (readAt tries every rule).
   */
  private match(
    doc: Doc, sentence: Sentence, rules: readonly CompiledRule[], at: number, limit: number,
    keys: readonly string[] | null, entries: readonly (StartEntry | undefined)[] | null, i: number,
  ): Candidate | null {
    const matches: { rule: Rule; m: RegExpExecArray }[] = [];
    for (const c of rules) {
      if (entries !== null && c.near !== 0 && !nearWordWithin(entries, c.near, i, c.rule.near!.within, sentence.tokenEnd)) continue;
      const re = keys !== null && c.plain !== null && !c.modifier!.startsAt(keys, i, sentence.tokenEnd) ? c.plain : c.sticky;
      re.lastIndex = at;
      const m = re.exec(doc.text);
      if (m && m[0].length > 0 && at + m[0].length <= limit && !endsInsideNumber(doc.tokens, at + m[0].length)) matches.push({ rule: c.rule, m });
    }
    if (matches.length === 0) return null;
    // Stable sort: on equal length the earlier rule keeps its place.
    if (matches.length > 1) matches.sort(longestFirst);
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

const longestFirst = (a: { m: RegExpExecArray }, b: { m: RegExpExecArray }) => b.m[0].length - a.m[0].length;

/** Whether a word of the near-word set `bit` comes within `within` tokens from token i (inclusive), before `end`. */
function nearWordWithin(entries: readonly (StartEntry | undefined)[], bit: number, i: number, within: number, end: number): boolean {
  const last = Math.min(end - 1, i + within);
  for (let k = i; k <= last; k++) if (((entries[k]?.near ?? 0) & bit) !== 0) return true;
  return false;
}

function addRule(entry: StartEntry, rule: CompiledRule): void {
  if (entry.rules) entry.rules.push(rule);
  else entry.rules = [rule];
}
