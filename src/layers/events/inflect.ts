import type { Form } from './types.js';

/**
 * Regular English inflection, so the lexicon lists lemmas ("withdraw", "wind down") and not
 * every form. It over-generates on purpose: a form that is not a word ("visitted") never
 * occurs in text and costs nothing, while a missing form would miss events.
 */

const SIBILANT_END = /(?:s|x|z|ch|sh|o)$/;
const CONSONANT_Y_END = /[^aeiou]y$/;
// A doubled final consonant is possible after a single vowel ("ban" → "banned", "equip" → "equipped").
const DOUBLING_END = /[aeiou][bdgklmnprt]$/;

export interface InflectedForm {
  text: string;
  form: Form;
}

/** Forms of one verb lemma; in a multi-word verb ("pull out") the first word inflects. */
export function verbForms(lemma: string, irregular: ReadonlyMap<string, readonly string[]>): InflectedForm[] {
  const [head, ...rest] = lemma.split(' ');
  if (!head) return [];
  const tail = rest.length ? ' ' + rest.join(' ') : '';
  const out: InflectedForm[] = [{ text: head, form: 'base' }];
  out.push({ text: thirdPerson(head), form: 's' });
  for (const past of pastForms(head)) out.push({ text: past, form: 'ed' });
  for (const past of irregular.get(head) ?? []) out.push({ text: past, form: 'ed' });
  for (const ing of ingForms(head)) out.push({ text: ing, form: 'ing' });
  // "hit", "hurt", "cut": a past that looks like the base is kept as a form of its own, so
  // that "were hurt" can be read as a participle.
  const seen = new Set<string>();
  return out
    .map((f) => ({ text: f.text + tail, form: f.form }))
    .filter((f) => (seen.has(f.text + ' ' + f.form) ? false : (seen.add(f.text + ' ' + f.form), true)));
}

/** A noun and its plural; in a compound ("air strike") the last word inflects. */
export function nounForms(noun: string): InflectedForm[] {
  const words = noun.split(' ');
  const last = words.pop() ?? '';
  // Compounds with "of" ("cessation of hostilities") inflect their head, which comes first.
  const ofAt = words.indexOf('of');
  const forms: InflectedForm[] = [{ text: noun, form: 'sg' }];
  if (ofAt > 0) {
    const head = words[0]!;
    forms.push({ text: [plural(head), ...words.slice(1), last].join(' '), form: 'pl' });
  } else if (!last.endsWith('s') || last.endsWith('ss')) {
    forms.push({ text: [...words, plural(last)].join(' '), form: 'pl' });
  } else {
    // Already plural ("talks", "sanctions"): the listed form is the plural.
    forms[0] = { text: noun, form: 'pl' };
  }
  return forms;
}

function thirdPerson(w: string): string {
  if (CONSONANT_Y_END.test(w)) return w.slice(0, -1) + 'ies';
  if (SIBILANT_END.test(w)) return w + 'es';
  return w + 's';
}

function pastForms(w: string): string[] {
  if (w.endsWith('e')) return [w + 'd'];
  if (CONSONANT_Y_END.test(w)) return [w.slice(0, -1) + 'ied'];
  const forms = [w + 'ed'];
  if (DOUBLING_END.test(w) && !w.endsWith('w')) forms.push(w + w.at(-1) + 'ed');
  return forms;
}

function ingForms(w: string): string[] {
  if (w.endsWith('ie')) return [w.slice(0, -2) + 'ying'];
  if (w.endsWith('e') && !/(?:ee|ye|oe)$/.test(w) && w.length > 2) return [w.slice(0, -1) + 'ing'];
  const forms = [w + 'ing'];
  if (DOUBLING_END.test(w)) forms.push(w + w.at(-1) + 'ing');
  return forms;
}

function plural(w: string): string {
  if (CONSONANT_Y_END.test(w)) return w.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(w)) return w + 'es';
  return w + 's';
}

