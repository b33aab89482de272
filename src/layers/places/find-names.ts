import type { NameHit } from './entry.js';
import { KEY_IS_NAME, KEY_IS_PREFIX } from './gazetteer.js';
import type { NameMemo, NameNode } from './name-memo.js';
import type { PlaceMatch } from './match.js';
import { LOWER_NAME_START } from './word-classes.js';
import type { Word } from './words.js';

/** Punctuation that may sit inside a place name: "Deir ez-Zor", "Washington, D.C.", "St. Louis". */
const INNER_PUNCT = new Set(['-', ',', '.', '‐', '‑']);

/**
 * Lower-case words allowed inside a name written in title case ("Deir ez-Zor", "al Hawl",
 * "Bosnia and Herzegovina"), but never as its last word.
 */
const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'az', 'an', 'at', 'ez', 'ed', 'es', 'bin', 'ibn', 'de', 'del', 'la', 'le', 'les', 'of', 'the', 'and', 'on', 'upon', 'sur', 'du', 'des', 'da', 'di', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'y', 'e', 'am', 'im', 'en', 'aux']);

/**
 * Finds the longest gazetteer names in one sentence, left to right. A position costs one
 * memo probe unless some name starts with its word; then at most one per word of the
 * longest such name.
 */
export function findNames(names: NameMemo, words: Word[], sentence: number): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = matchAt(names, words, sentence, i);
    if (!m) continue;
    // "the Pacific" is a form, but "the Pacific Ocean" reads better as "Pacific Ocean".
    const inner = words[i]!.key === 'the' ? matchAt(names, words, sentence, i + 1) : undefined;
    const best = inner && inner.to > m.to ? inner : m;
    out.push(best);
    i = best.to - 1;
  }
  return out;
}

function matchAt(names: NameMemo, words: Word[], sentence: number, i: number): PlaceMatch | undefined {
  const w = words[i];
  if (!w || !w.isWord) return undefined;
  // Names start with a capital, an Arabic article ("al Hawl") or a lower-case form's first word ("the West").
  if (!w.cap && (w.classes & LOWER_NAME_START) === 0) return undefined;
  let node = w.name ?? names.first(w.key);
  if (node.shape === 0) return undefined;
  // Grow the stretch word by word, across inner punctuation, while some name still starts
  // with it; keep the longest stretch that is a name written as one.
  let count = 0;
  let writing = 0;
  let dateline = true;
  let bestHits: readonly NameHit[] = NONE;
  let bestLast = -1;
  let bestDateline = false;
  for (let j = i; j < words.length; j++) {
    const x = words[j]!;
    if (!x.isWord) {
      if (INNER_PUNCT.has(x.text)) continue;
      break;
    }
    if (count > 0) node = names.next(node, x.key);
    writing |= wordWriting(x) << (WRITING_BITS * count);
    count++;
    dateline &&= x.dateline;
    if (node.shape & KEY_IS_NAME) {
      // The readings written as this stretch writes the name, kept if a longer stretch has none.
      const hits = writtenReadings(names, node, words, i, j, count, writing);
      if (hits.length > 0) {
        bestHits = hits;
        bestLast = j;
        bestDateline = dateline;
      }
    }
    if (x.possessive || (node.shape & KEY_IS_PREFIX) === 0) break;
  }
  if (bestLast < 0) return undefined;
  return {
    sentence,
    from: i,
    to: bestLast + 1,
    start: w.start,
    end: words[bestLast]!.end,
    // Shared with every other match of the same stretch written the same way: no rule changes a match's readings in place.
    hits: bestHits as NameHit[],
    via: bestDateline ? 'dateline' : 'name',
    usage: 'noun',
    reason: '',
    locative: false,
    qualified: false,
  };
}

const NONE: readonly NameHit[] = [];

/** Bits of wordWriting: all that writtenAsName reads of a word besides its key. */
const WRITING_BITS = 3;
const CAP = 1;
const UPPER = 2;
const DATELINE = 4;
/** Stretches of more words than this are not remembered: their bits would not fit a small integer. */
const MAX_REMEMBERED_WORDS = 10;

function wordWriting(w: Word): number {
  return (w.cap ? CAP : 0) | (w.upper ? UPPER : 0) | (w.dateline ? DATELINE : 0);
}

/**
 * The readings of the stretch words[from..last] (its `count` words) written as the text
 * writes them, without duplicates. The answer depends only on the words' keys (the node)
 * and their capitals and dateline marks (`writing`), so it is remembered under those.
 */
function writtenReadings(names: NameMemo, node: NameNode, words: Word[], from: number, last: number, count: number, writing: number): readonly NameHit[] {
  if (count > MAX_REMEMBERED_WORDS) return readingsWrittenAs(names.hits(node), words, from, last, count);
  let hits = node.written?.get(writing);
  if (hits === undefined) {
    hits = readingsWrittenAs(names.hits(node), words, from, last, count);
    (node.written ??= new Map()).set(writing, hits);
  }
  return hits;
}

/**
 * The hits written as the stretch writes its words, without duplicates. Package cities (no
 * stored form) all ask the same question of the stretch, so it is asked once: common names
 * have many such cities.
 */
function readingsWrittenAs(hits: readonly NameHit[], words: Word[], from: number, last: number, count: number): readonly NameHit[] {
  const out: NameHit[] = [];
  let formless = -1;
  for (const h of hits) {
    let ok: boolean;
    if (h.form === null) {
      if (formless < 0) formless = writtenAsName(h, words, from, last, count) ? 1 : 0;
      ok = formless === 1;
    } else ok = writtenAsName(h, words, from, last, count);
    if (ok) out.push(h);
  }
  return out.length > 1 ? dedupe(out) : out;
}

/**
 * Whether the text writes this reading as a name: capitalized where the form is, in
 * capitals only where the form is ("US" is the country, "Us" and "us" are not) or in a
 * dateline. Package cities have no stored form: all their words must be capitalized
 * except inner particles.
 */
function writtenAsName(hit: NameHit, words: Word[], from: number, last: number, count: number): boolean {
  const form = hit.form ? formShape(hit.form) : null;
  const aligned = form && form.words === count ? form : null;
  // k counts the words of the stretch; the punctuation inside it is none.
  let k = -1;
  for (let j = from; j <= last; j++) {
    const w = words[j]!;
    if (!w.isWord) continue;
    k++;
    const formLower = aligned !== null && aligned.lower[k]!;
    const formUpper = aligned !== null && aligned.upper[k]!;
    if (w.upper && !w.dateline && !formUpper) return false;
    if (!w.upper && formUpper && aligned.longUpper[k]) return false;
    if (!w.cap) {
      if (formLower) continue;
      // A form with no word of letters counts as one written in lower case here.
      if (!aligned && k === 0 && form && (form.words === 0 || form.lower[0])) continue;
      if (!PARTICLES.has(w.key) || k === count - 1) return false;
    }
  }
  return true;
}

/** How a stored form writes each of its words, read once per form. */
interface FormShape {
  words: number;
  /** Does not start with a capital ("al-Tanf": "al"). */
  lower: boolean[];
  /** Has a letter and no lower-case letter ("US"). */
  upper: boolean[];
  /** Such a word of two letters or more. */
  longUpper: boolean[];
}

const formShapes = new Map<string, FormShape>();

function formShape(form: string): FormShape {
  let shape = formShapes.get(form);
  if (shape) return shape;
  const words = form.split(/[\s,\-–/]+/).filter((f) => /\p{L}/u.test(f));
  shape = { words: words.length, lower: [], upper: [], longUpper: [] };
  for (const f of words) {
    const letters = f.replace(/[^\p{L}]/gu, '').length;
    const upper = letters >= 1 && !/\p{Ll}/u.test(f);
    shape.lower.push(!/^\p{Lu}/u.test(f));
    shape.upper.push(upper);
    shape.longUpper.push(upper && letters >= 2);
  }
  formShapes.set(form, shape);
  return shape;
}

function dedupe(hits: readonly NameHit[]): NameHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => (seen.has(h.entry.id) ? false : (seen.add(h.entry.id), true)));
}
