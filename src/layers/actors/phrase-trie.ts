import { tokenize, type Token } from '../../doc/tokens.js';

/** The look-up key of a token: its lower-cased form with every dash made a hyphen. */
export function tokenKey(t: Token): string {
  const n = t.norm;
  // Dashes are the only one-character keys above U+2000 worth a look-up.
  return n.length === 1 && n.charCodeAt(0) >= 0x2000 && DASHES.has(n) ? '-' : n;
}
const DASHES = new Set(['–', '—', '‐', '‑', '−']);

/** The keys of a lexicon phrase, cut exactly as document text is cut. */
export function phraseKeys(text: string): string[] {
  return tokenize(text).map(tokenKey);
}

interface Stored<V> {
  value: V;
  /** Per token: the text must start with a capital there. */
  capitalized: boolean[];
  /** Short all-capital aliases ("US", "IS") match only capitals, never "us" or "is". */
  upperOnly: boolean;
}

export interface TrieNode<V> {
  next: Map<string, TrieNode<V>>;
  stored: Stored<V>[];
  /** Every stored value, in order: what a match returns when all of them are valid, without a new array. */
  values: V[];
  /** No stored value has a case rule: all of them are valid wherever the keys match. */
  caseFree: boolean;
}

export interface PhraseMatch<V> {
  /** Token index one past the match. */
  end: number;
  values: V[];
  /** The last token was "X's": the match covers X only; `possessive` marks the 's. */
  possessive: boolean;
}

const UPPER_START = /^\p{Lu}/u;

/** UPPER_START.test, by character code for ASCII: this runs for every stored value at every phrase found. */
function startsUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER_START.test(text);
}

/** "Iraq's", "Iraqis'": a key a phrase may end in, with the possessive attached. */
export const mayBePossessive = (key: string): boolean =>
  key.length > 2 && (key.charCodeAt(key.length - 2) === 39 || key.charCodeAt(key.length - 1) === 39) && (key.endsWith("'s") || key.endsWith("s'"));

/**
 * Multi-word phrases keyed token by token, so matching at a token costs a few Map look-ups
 * whatever the size of the lexicon. Case rules are stored per phrase: a capitalized word of
 * the phrase needs a capitalized word in the text ("Turkey", not "turkey").
 */
export class PhraseTrie<V> {
  private readonly root: TrieNode<V> = emptyNode();

  /** Adds a phrase; `replaceSame` drops earlier values it returns true for (a user entry overriding a shipped one). */
  add(text: string, value: V, replaceSame?: (earlier: V) => boolean): void {
    const tokens = tokenize(text);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const t of tokens) {
      const key = tokenKey(t);
      let child = node.next.get(key);
      if (!child) {
        child = emptyNode<V>();
        node.next.set(key, child);
      }
      node = child;
    }
    const letters = text.replace(/[^\p{L}]/gu, '');
    const upperOnly = letters.length > 0 && letters.length <= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    if (replaceSame) node.stored = node.stored.filter((s) => !replaceSame(s.value));
    node.stored.push({ value, capitalized: tokens.map((t) => UPPER_START.test(t.text)), upperOnly });
    node.values = node.stored.map((s) => s.value);
    node.caseFree = node.stored.every((s) => !s.upperOnly && !s.capitalized.includes(true));
  }

  /** The first keys of all phrases. */
  firstKeys(): Iterable<string> {
    return this.root.next.keys();
  }

  /** Every key that follows another inside some phrase: a token without one ends any phrase before it. */
  innerKeys(): Set<string> {
    const keys = new Set<string>();
    const walk = (node: TrieNode<V>): void => {
      for (const [key, child] of node.next) {
        keys.add(key);
        walk(child);
      }
    };
    for (const child of this.root.next.values()) walk(child);
    return keys;
  }

  /** Where the phrases starting with `key` go on; pass it to `longestAt` to spare the look-up. */
  firstNode(key: string): TrieNode<V> | undefined {
    return this.root.next.get(key);
  }

  /**
   * The longest phrase starting at token `from` (not crossing `to`), with every value valid there.
   * `first` is the node of the first token's key when the caller already knows it (see `firstNode`).
   * `goOn`, when given, holds bits per token (indexed like `keys`): a token without a bit of `goOn.mask`
   * (set for inner keys, see `innerKeys`, and possessive forms) ends the walk without a look-up.
   */
  longestAt(tokens: readonly Token[], from: number, to: number, keys?: readonly string[], keyOffset = 0, first?: TrieNode<V>, goOn?: { bits: Uint16Array; mask: number }): PhraseMatch<V> | null {
    let node: TrieNode<V> | undefined = this.root;
    let best: PhraseMatch<V> | null = null;
    let i = from;
    if (first) {
      node = first;
      if (node.stored.length) {
        const values = this.valid(node, tokens, from, from + 1, false);
        if (values.length) best = { end: from + 1, values, possessive: false };
      }
      i++;
    }
    // Most phrases are one word: a node without children ends the walk without a look-up.
    for (; i < to && node && node.next.size !== 0; i++) {
      if (goOn && i > from && (goOn.bits[i - keyOffset]! & goOn.mask) === 0) break;
      const key = keys ? keys[i - keyOffset]! : tokenKey(tokens[i]!);
      const child: TrieNode<V> | undefined = node.next.get(key);
      if (!child && mayBePossessive(key)) {
        const base = node.next.get(key.endsWith("'s") ? key.slice(0, -2) : key.slice(0, -1));
        if (base) {
          const values = this.valid(base, tokens, from, i + 1, true);
          if (values.length) best = { end: i + 1, values, possessive: true };
        }
        break;
      }
      node = child;
      if (node && node.stored.length) {
        const values = this.valid(node, tokens, from, i + 1, false);
        if (values.length) best = { end: i + 1, values, possessive: false };
      }
    }
    return best ?? this.possessiveOfFirst(tokens, from, keys ? keys[from - keyOffset]! : tokenKey(tokens[from]!));
  }

  /**
   * "Iran's Supreme National Security Council": a phrase starting "Iran's" ("Iran's Revolutionary
   * Guard") gives the possessive a node of its own, so the walk never reached "Iran" + 's.
   */
  private possessiveOfFirst(tokens: readonly Token[], from: number, key: string): PhraseMatch<V> | null {
    if (!mayBePossessive(key)) return null;
    const base = this.root.next.get(key.endsWith("'s") ? key.slice(0, -2) : key.slice(0, -1));
    if (!base || base.stored.length === 0) return null;
    const values = this.valid(base, tokens, from, from + 1, true);
    return values.length ? { end: from + 1, values, possessive: true } : null;
  }

  /** The values of `node` whose case rules hold at tokens from..end; the node's own array when all do. */
  private valid(node: TrieNode<V>, tokens: readonly Token[], from: number, end: number, possessive: boolean): V[] {
    if (node.caseFree) return node.values;
    const stored = node.stored;
    let out: V[] | null = null;
    for (let i = 0; i < stored.length; i++) {
      const ok = caseHolds(stored[i]!, tokens, from, end, possessive);
      // Copy only once a value fails: most matches keep every value.
      if (!ok && out === null) out = node.values.slice(0, i);
      else if (ok && out !== null) out.push(stored[i]!.value);
    }
    return out ?? node.values;
  }
}

function emptyNode<V>(): TrieNode<V> {
  return { next: new Map(), stored: [], values: [], caseFree: true };
}

function caseHolds<V>(s: Stored<V>, tokens: readonly Token[], from: number, end: number, possessive: boolean): boolean {
  for (let k = 0; k < s.capitalized.length; k++) {
    const text = tokens[from + k]!.text;
    if (s.capitalized[k] && !startsUpper(text)) return false;
    if (s.upperOnly) {
      const bare = possessive && from + k === end - 1 ? text.replace(/['’]s$/i, '') : text;
      if (bare !== bare.toUpperCase()) return false;
    }
  }
  return true;
}
