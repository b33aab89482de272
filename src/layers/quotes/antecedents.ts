import type { Doc } from '../../doc/document.js';
import type { Actor } from '../../doc/layers.js';
import type { Offsets } from '../../doc/span.js';
import type { QuotesLexicon } from './lexicon.js';
import { paragraphAt, type Paragraph } from './paragraphs.js';
import type { Person } from './people.js';
import { isCapitalized, tokenAtOrAfter, withoutPeriod } from './phrase.js';

export type Gender = 'female' | 'male';

/** A person written before a pronoun speaker: an actor's mention, or a name the people index found. */
export interface PersonMention extends Offsets {
  actor: Actor | null;
  person: Person | null;
  /** The mention opens its clause ("President Bola Tinubu condemned …", "…,” Austin said"). */
  subject: boolean;
}

/**
 * Who "he said" / "she said" can point at (an annotator's rule): the latest person written as
 * the subject of a sentence in the pronoun's paragraph or in the sentence just before it, else
 * the latest person written in those sentences before the pronoun's own; never a person named
 * inside a quotation, nor one of the other gender when the text gives genders ("Ms.",
 * "spokeswoman", "she").
 */
export class PronounAntecedents {
  private built: { start: number; end: number; actor: Actor | null; person: Person | null }[] | null = null;
  private readonly genders = new Map<Actor, Gender | null>();

  constructor(
    private readonly doc: Doc,
    private readonly lex: QuotesLexicon,
    private readonly paragraphs: readonly Paragraph[],
    private readonly quoted: readonly Offsets[],
    private readonly people: readonly Person[],
  ) {}

  /** Person mentions in text order, gathered the first time a pronoun needs them. */
  private get mentions(): { start: number; end: number; actor: Actor | null; person: Person | null }[] {
    if (this.built) return this.built;
    const found: { start: number; end: number; actor: Actor | null; person: Person | null }[] = [];
    for (const actor of this.doc.layers.actors) {
      if (actor.kind !== 'person') continue;
      for (const m of actor.mentions) found.push({ start: m.start, end: m.end, actor, person: null });
    }
    // Without the actors layer (or for names it missed), the people the quotes layer found itself.
    for (const p of this.people) {
      if (!found.some((m) => m.actor && m.start <= p.name.start && p.name.end <= m.end)) found.push({ start: p.name.start, end: p.name.end, actor: null, person: p });
    }
    found.sort((a, b) => a.start - b.start);
    this.built = found;
    return found;
  }

  /** The gender a pronoun or a role word states, if any. */
  genderOfWord(norm: string): Gender | null {
    if (this.lex.femaleWords.has(norm)) return 'female';
    if (this.lex.maleWords.has(norm)) return 'male';
    return null;
  }

  /** The person the pronoun at `at` points at, or undefined when its scope names none of its gender. */
  find(at: number, gender: Gender | null): PersonMention | undefined {
    const own = this.doc.sentenceAt(at);
    if (!own) return undefined;
    const previous = own.index > 0 ? this.doc.sentences[own.index - 1] : undefined;
    const paragraph = paragraphAt(this.paragraphs, at);
    const from = Math.min(paragraph?.start ?? own.start, previous?.start ?? own.start);
    let subject: PersonMention | undefined;
    let any: PersonMention | undefined;
    for (const m of this.mentions) {
      if (m.end > at) break;
      if (m.start < from || this.isQuoted(m) || !this.fits(m, gender)) continue;
      const isSubject = this.opensClause(m.start);
      if (isSubject) subject = { ...m, subject: true };
      // A person named earlier in the pronoun's own sentence is its object ("Asked about Biden, he said").
      else if (m.start < own.start) any = { ...m, subject: false };
    }
    return subject ?? any;
  }

  /** The latest person written before `offset` anywhere in the article, outside quotations, of the pronoun's gender. */
  latestBefore(offset: number, gender: Gender | null): PersonMention | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.end <= offset && !this.isQuoted(m) && this.fits(m, gender)) return { ...m, subject: this.opensClause(m.start) };
    }
    return undefined;
  }

  /** Whether a speaker of known actor or role words may be the pronoun's ("she" is not "Mr. Smith"). */
  fitsSpeaker(actor: Actor | null, roleWords: ReadonlySet<string>, gender: Gender | null): boolean {
    if (!gender) return true;
    const of = actor ? this.genderOf(actor) : this.genderOfWords(roleWords);
    return of === null || of === gender;
  }

  private fits(m: { actor: Actor | null; person: Person | null }, gender: Gender | null): boolean {
    if (!gender) return true;
    const of = m.actor ? this.genderOf(m.actor) : m.person ? this.genderOfWords(m.person.roleWords) : null;
    return of === null || of === gender;
  }

  /** What an actor's mentions and the word before each say: "Ms. Singh", "Pentagon spokeswoman …". */
  private genderOf(actor: Actor): Gender | null {
    if (this.genders.has(actor)) return this.genders.get(actor)!;
    const tokens = this.doc.tokens;
    const words = new Set<string>();
    for (const m of actor.mentions) {
      let k = tokenAtOrAfter(tokens, m.start);
      if (k > 0) words.add(withoutPeriod(tokens[k - 1]!.norm));
      for (; k < tokens.length && tokens[k]!.start < m.end; k++) words.add(withoutPeriod(tokens[k]!.norm));
    }
    const gender = this.genderOfWords(words);
    this.genders.set(actor, gender);
    return gender;
  }

  /** One gender when the words state only that one; null when they state none or both. */
  private genderOfWords(words: Iterable<string>): Gender | null {
    let found: Gender | null = null;
    for (const w of words) {
      const g = this.genderOfWord(withoutPeriod(w));
      if (!g) continue;
      if (found && found !== g) return null;
      found = g;
    }
    return found;
  }

  private isQuoted(m: Offsets): boolean {
    return this.quoted.some((q) => q.start <= m.start && m.end <= q.end);
  }

  /**
   * A person phrase opens its clause when the words before its name are capitalized (titles,
   * bodies) back to the sentence start or to a clause opener: "Somali President Hassan …",
   * "…,” Austin said", "…, and Gen. Langley told …".
   */
  private opensClause(start: number): boolean {
    const tokens = this.doc.tokens;
    const sentence = this.doc.sentenceAt(start);
    if (!sentence) return false;
    let k = tokenAtOrAfter(tokens, start);
    while (k > sentence.tokenStart) {
      const prev = tokens[k - 1]!;
      const attached = prev.text === '.' && k - 2 >= sentence.tokenStart && tokens[k - 2]!.end === prev.start;
      if (isCapitalized(prev) || prev.norm === 'the' || attached) k--;
      else break;
    }
    return k === sentence.tokenStart || this.lex.clauseOpeners.has(tokens[k - 1]!.norm);
  }
}
