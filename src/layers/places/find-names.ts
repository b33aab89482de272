import type { NameHit } from './entry.js';
import { KEY_IS_NAME, KEY_IS_PREFIX, type Gazetteer } from './gazetteer.js';
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
 * Finds the longest gazetteer names in one sentence, left to right. A position costs one map
 * look-up unless some name starts with its word; then at most as many look-ups as the
 * longest such name has words.
 */
export function findNames(gazetteer: Gazetteer, words: Word[], sentence: number): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = matchAt(gazetteer, words, sentence, i);
    if (!m) continue;
    // "the Pacific" is a form, but "the Pacific Ocean" reads better as "Pacific Ocean".
    const inner = words[i]!.key === 'the' ? matchAt(gazetteer, words, sentence, i + 1) : undefined;
    const best = inner && inner.to > m.to ? inner : m;
    out.push(best);
    i = best.to - 1;
  }
  return out;
}

function matchAt(gazetteer: Gazetteer, words: Word[], sentence: number, i: number): PlaceMatch | undefined {
  const w = words[i];
  if (!w || !w.isWord) return undefined;
  // Names start with a capital, an Arabic article ("al Hawl") or a lower-case form's first word ("the West").
  if (!w.cap && (w.classes & LOWER_NAME_START) === 0) return undefined;
  const firstShape = gazetteer.shapeOf(w.key);
  if (firstShape === 0) return undefined;
  // Grow the key word by word, across inner punctuation, while some name still starts with it;
  // keep the longest stretch that is a name written as one. The words of the stretch go to
  // a scratch array (this runs at every capitalized word): the best one is its first bestWords.
  const span = SPAN;
  span.length = 0;
  let key = '';
  let bestHits: NameHit[] = [];
  let bestLast = -1;
  let bestWords = 0;
  for (let j = i; j < words.length; j++) {
    const x = words[j]!;
    if (!x.isWord) {
      if (INNER_PUNCT.has(x.text)) continue;
      break;
    }
    span.push(x);
    key = span.length === 1 ? x.key : `${key} ${x.key}`;
    const shape = span.length === 1 ? firstShape : gazetteer.shapeOf(key);
    if (shape & KEY_IS_NAME) {
      // The readings written as this stretch writes the name, kept if a longer stretch has none.
      const hits = hitsWrittenAsName(gazetteer.lookup(key), span);
      if (hits.length > 0) {
        bestHits = hits;
        bestLast = j;
        bestWords = span.length;
      }
    }
    if (x.possessive || (shape & KEY_IS_PREFIX) === 0) break;
  }
  if (bestLast < 0) return undefined;
  span.length = bestWords;
  const hits = bestHits;
  return {
    sentence,
    from: i,
    to: bestLast + 1,
    start: w.start,
    end: words[bestLast]!.end,
    hits: hits.length > 1 ? dedupe(hits) : hits,
    via: allDateline(span) ? 'dateline' : 'name',
    usage: 'noun',
    reason: '',
    locative: false,
    qualified: false,
  };
}

/** The words of the stretch matchAt is reading (reused: matchAt runs at every capitalized word). */
const SPAN: Word[] = [];

/**
 * The hits written as `span` writes its words. Package cities (no stored form) all ask the
 * same question of the span, so it is asked once: common names have many such cities.
 */
function hitsWrittenAsName(hits: readonly NameHit[], span: Word[]): NameHit[] {
  const out: NameHit[] = [];
  let formless = -1;
  for (const h of hits) {
    let ok: boolean;
    if (h.form === null) {
      if (formless < 0) formless = writtenAsName(h, span) ? 1 : 0;
      ok = formless === 1;
    } else ok = writtenAsName(h, span);
    if (ok) out.push(h);
  }
  return out;
}

function allDateline(span: readonly Word[]): boolean {
  for (const x of span) if (!x.dateline) return false;
  return true;
}

/**
 * Whether the text writes this reading as a name: capitalized where the form is, in
 * capitals only where the form is ("US" is the country, "Us" and "us" are not) or in a
 * dateline. Package cities have no stored form: all their words must be capitalized
 * except inner particles.
 */
function writtenAsName(hit: NameHit, span: Word[]): boolean {
  const form = hit.form ? formShape(hit.form) : null;
  const aligned = form && form.words === span.length ? form : null;
  for (let k = 0; k < span.length; k++) {
    const w = span[k]!;
    const formLower = aligned !== null && aligned.lower[k]!;
    const formUpper = aligned !== null && aligned.upper[k]!;
    if (w.upper && !w.dateline && !formUpper) return false;
    if (!w.upper && formUpper && aligned.longUpper[k]) return false;
    if (!w.cap) {
      if (formLower) continue;
      // A form with no word of letters counts as one written in lower case here.
      if (!aligned && k === 0 && form && (form.words === 0 || form.lower[0])) continue;
      if (!PARTICLES.has(w.key) || k === span.length - 1) return false;
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
