import { tokenAt } from '../../doc/token-search.js';
import type { Doc, Sentence } from '../../doc/document.js';
import type { Token } from '../../doc/tokens.js';
import type { TimesLexicon } from './lexicon.js';
import type { FigureStart, Reading, Rule, Site } from './types.js';

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
  /** One bit per length the leading digits of a figure may have (bit n: n digits), or 0 when any figure will do. */
  figureDigits: number;
  /** The character codes one of which must follow those digits, or null for any. */
  figureThen: number[] | null;
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
  startsAt(tokens: readonly Token[], i: number, end: number): boolean {
    const key = tokenKey(tokens[i]!);
    if (this.singles.has(key)) return true;
    return i + 1 < end && this.pairs.get(key)?.has(tokenKey(tokens[i + 1]!)) === true;
  }
}

/**
 * Words too common to trigger rules alone: a rule starting with one of them is looked up by
 * the pair it forms with the next word ("the past", "a decade", "that day").
 */
export const PAIR_HEADS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'that']);

/** The key a token is looked up by: "#" for a figure, its lower-cased word otherwise. */
function tokenKey(token: Token): string {
  return token.kind === 'number' ? '#' : wordKey(token.norm);
}

/** A word's key: the word without a possessive "'s" ("today's" -> "today"). */
function wordKey(norm: string): string {
  const n = norm.length;
  return n > 2 && norm.charCodeAt(n - 1) === 115 && norm.charCodeAt(n - 2) === 39 ? norm.slice(0, -2) : norm;
}

/** Bit n for each length n the leading digits of a figure may have. */
function digitBits(figure: FigureStart): number {
  let bits = 0;
  for (const n of figure.digits) {
    if (n < 1 || n > MAX_FIGURE_DIGITS) throw new Error(`times rules: a figure start of ${n} digits`);
    bits |= 1 << n;
  }
  return bits;
}

// Figure starts count up to this many leading digits; longer runs are told as this many plus one.
const MAX_FIGURE_DIGITS = 30;

/** How many digits a figure starting at `at` leads with (capped above the longest a rule may ask for). */
function leadingDigits(text: string, at: number): number {
  let p = at;
  while (p < text.length && p - at <= MAX_FIGURE_DIGITS) {
    const c = text.charCodeAt(p);
    if (c < 48 || c > 57) break;
    p++;
  }
  return p - at;
}

/** Whether the figure at `at`, leading with `digits` digits, can start a match of the rule. */
function figureFits(c: CompiledRule, text: string, at: number, digits: number): boolean {
  if (((c.figureDigits >>> digits) & 1) === 0) return false;
  const then = c.figureThen;
  if (then === null) return true;
  const next = text.charCodeAt(at + digits);
  for (let k = 0; k < then.length; k++) if (then[k] === next) return true;
  return false;
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
  /** The entry of every figure (key "#"). */
  private readonly figureEntry: StartEntry | undefined;

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
      const compiled: CompiledRule = {
        rule, sticky: new RegExp(BOUNDARY + rule.source, 'uy'), plain, modifier, near,
        figureDigits: rule.figure ? digitBits(rule.figure) : 0,
        figureThen: rule.figure?.then !== undefined ? [...rule.figure.then].map((ch) => ch.charCodeAt(0)) : null,
      };
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
    this.figureEntry = this.entries.get(NUMBER_KEY);
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

  private entryOfToken(token: Token): StartEntry | undefined {
    return token.kind === 'number' ? this.figureEntry : this.entryOf(wordKey(token.norm));
  }

  /** The rules that can start at token i: by its entry, or by the pair it opens when it is a pair head. */
  private rulesAt(tokens: readonly Token[], entry: StartEntry | undefined, i: number, end: number): CompiledRule[] | undefined {
    if (entry === undefined) return undefined;
    if (entry.pairs === undefined) return entry.rules;
    return i + 1 < end ? entry.pairs.get(tokenKey(tokens[i + 1]!)) : undefined;
  }

  // Per-token look-ups of the document being scanned, kept between documents so that a scan
  // allocates nothing for them.
  private tokenEntries: (StartEntry | undefined)[] = [];
  /** StartEntry.near of each token (0 for a token that starts nothing). */
  private nearBits = new Int32Array(256);

  scan(doc: Doc): Candidate[] {
    const found: Candidate[] = [];
    const tokens = doc.tokens;
    if (this.nearBits.length < tokens.length) this.nearBits = new Int32Array(tokens.length * 2);
    const entries = this.tokenEntries;
    const near = this.nearBits;
    for (let i = 0; i < tokens.length; i++) {
      const entry = this.entryOfToken(tokens[i]!);
      entries[i] = entry;
      near[i] = entry === undefined ? 0 : entry.near;
    }
    for (const sentence of doc.sentences) {
      let resumeAt = sentence.start;
      for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
        const entry = entries[i];
        if (entry === undefined) continue;
        const token = tokens[i]!;
        if (token.start < resumeAt) continue;
        const triggered = this.rulesAt(tokens, entry, i, sentence.tokenEnd);
        if (!triggered) continue;
        const candidate = this.match(doc, sentence, triggered, token.start, sentence.end, near, i);
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
    const token = doc.tokens[i];
    if (token?.start !== at) return null;
    const rules = this.rulesAt(doc.tokens, this.entryOfToken(token), i, i + Math.min(2, sentence.tokenEnd - i));
    return rules ? this.match(doc, sentence, rules, at, limit, null, i) : null;
  }

  // The matches of one call of `match`, longest first (kept between calls: match does not nest).
  private readonly hitRules: Rule[] = [];
  private readonly hitMatches: RegExpExecArray[] = [];

  /**
   * `near` given (while scanning): a rule with near words is tried only when one of them comes
   * near token i, and a rule with a modifier runs without it where no modifier starts (readAt
   * tries every rule whole).
   */
  private match(
    doc: Doc, sentence: Sentence, rules: readonly CompiledRule[], at: number, limit: number,
    near: Int32Array | null, i: number,
  ): Candidate | null {
    const { text, tokens } = doc;
    const digits = tokens[i]!.kind === 'number' ? leadingDigits(text, at) : -1;
    const hitRules = this.hitRules;
    const hitMatches = this.hitMatches;
    let hits = 0;
    // Rules share their modifier lists: whether the last one asked about starts here.
    let askedModifier: StartWords | null = null;
    let modifierStarts = false;
    for (let r = 0; r < rules.length; r++) {
      const c = rules[r]!;
      if (digits >= 0 && c.figureDigits !== 0 && !figureFits(c, text, at, digits)) continue;
      if (near !== null && c.near !== 0 && !nearWordWithin(near, c.near, i, c.rule.near!.within, sentence.tokenEnd)) continue;
      if (near !== null && c.modifier !== null && c.modifier !== askedModifier) {
        askedModifier = c.modifier;
        modifierStarts = c.modifier.startsAt(tokens, i, sentence.tokenEnd);
      }
      const re = near !== null && c.plain !== null && !modifierStarts ? c.plain : c.sticky;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) continue;
      const length = m[0].length;
      if (length === 0 || at + length > limit || endsInsideNumber(tokens, i, at + length)) continue;
      // Insert after every match at least as long: on equal length the earlier rule stays first.
      let k = hits++;
      while (k > 0 && hitMatches[k - 1]![0].length < length) {
        hitRules[k] = hitRules[k - 1]!;
        hitMatches[k] = hitMatches[k - 1]!;
        k--;
      }
      hitRules[k] = c.rule;
      hitMatches[k] = m;
    }
    for (let h = 0; h < hits; h++) {
      const rule = hitRules[h]!;
      const m = hitMatches[h]!;
      const end = m.index + m[0].length;
      const site = new MatchSite(doc, sentence, m, i);
      const reading = rule.read(site, this.lex);
      if (reading) {
        const last = Math.max(i, tokenContaining(tokens, i, end - 1));
        return { rule, start: m.index, end, sentence, firstToken: i, lastToken: last, reading };
      }
    }
    return null;
  }
}

const NUMBER_KEY = '#';

/**
 * The index of the token containing `offset`, or of the first token after it, searching
 * forward from token `from` (which starts at or before the offset): what tokenAt gives, for
 * offsets a few tokens on.
 */
function tokenContaining(tokens: readonly Token[], from: number, offset: number): number {
  let k = from;
  while (k < tokens.length && tokens[k]!.end <= offset) k++;
  return k;
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

  /** `first`: the token the match starts at. */
  constructor(doc: Doc, private readonly sentence: Sentence, m: RegExpExecArray, first: number) {
    this.text = m[0];
    this.start = m.index;
    this.end = m.index + m[0].length;
    this.groups = (m.groups ?? {}) as Record<string, string | undefined>;
    this.after = doc.text.charAt(this.end);
    this.tokens = doc.tokens;
    this.first = first;
    // The token after the match: skip one the match ends inside ("today" in "today's").
    let after = tokenContaining(this.tokens, first, this.end);
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

/** "2:02" of "2:02:53", "1,0" of "1,000": a match (from token `first` on) may not stop inside a figure. */
function endsInsideNumber(tokens: readonly Token[], first: number, end: number): boolean {
  const t = tokens[tokenContaining(tokens, first, end - 1)];
  return !!t && t.kind === 'number' && t.end > end;
}

/** Whether a word of the near-word set `bit` comes within `within` tokens from token i (inclusive), before `end`. */
function nearWordWithin(near: Int32Array, bit: number, i: number, within: number, end: number): boolean {
  const last = Math.min(end - 1, i + within);
  for (let k = i; k <= last; k++) if ((near[k]! & bit) !== 0) return true;
  return false;
}

function addRule(entry: StartEntry, rule: CompiledRule): void {
  if (entry.rules) entry.rules.push(rule);
  else entry.rules = [rule];
}
