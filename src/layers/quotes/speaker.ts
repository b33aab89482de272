import type { Doc } from '../../doc/document.js';
import type { Actor, Quote } from '../../doc/layers.js';
import type { Span } from '../../doc/span.js';
import type { Token } from '../../doc/tokens.js';
import type { PersonMention, PronounAntecedents } from './antecedents.js';
import type { Attribution } from './attribution.js';
import type { QuotesLexicon } from './lexicon.js';
import { IntervalIndex } from './intervals.js';
import { describe, isNameWordAt, nameAfterLastTitle, nameRunAt, skipTitles, type NameRun, type Person } from './people.js';
import { isCapitalized, isPronoun, titleLengthAt, tokenAtOrAfter, withoutPeriod, withoutPossessive, type TokenSpan } from './phrase.js';
import { tokenFacts } from './token-facts.js';

export type SpeakerKind = 'person' | 'group' | 'organization';

/** The speaker of a quote: the contract's fields plus where the phrase is and how it was resolved. */
export interface QuoteSpeaker extends NonNullable<Quote['speaker']> {
  /** Offsets of the speaker phrase as written ("Ms. Singh", "the official", "He"). */
  start: number | null;
  end: number | null;
  kind: SpeakerKind;
  /** The linked actor's code, copied for readers of the quote alone. */
  code: string | null;
  resolvedBy: 'phrase' | 'name' | 'role' | 'pronoun' | 'statement' | 'continuation';
  /** The earlier mention the phrase was resolved to ("Pentagon spokeswoman Sabrina Singh" for "Ms. Singh"). */
  antecedent: Span | null;
}

/** What a speaker phrase says on its face, before looking at the rest of the article. */
interface PhraseReading {
  span: TokenSpan;
  start: number;
  /** End of the phrase's head: "a source close to McGregor" links by "a source" alone. */
  headEnd: number;
  end: number;
  text: string;
  name: NameRun | null;
  role: string | null;
  head: string;
  kind: SpeakerKind;
  pronoun: 'person' | 'group' | 'thing' | null;
  definite: boolean;
  utterance: boolean;
  roleWords: Set<string>;
}

interface Remembered {
  speaker: QuoteSpeaker;
  at: number;
  /** The attribution mentioned a statement ("In a statement, the U.S. Central Command said"). */
  statement: boolean;
  roleWords: Set<string>;
}

const lastWord = (name: string) => name.split(/\s+/).pop()!.toLowerCase();

// Words after a role noun that make the rest of the phrase its modifier ("a source close to McGregor").
const blocksName = (norm: string, lex: QuotesLexicon) => lex.postmodifierPrepositions.has(norm) || lex.postmodifierAdjectives.has(norm);
const isRoleNoun = (norm: string, lex: QuotesLexicon) => lex.roleNouns.has(norm) || lex.pluralRoleNouns.has(norm);

/** The head noun of a speaker phrase: its last word, or a role noun that a modifier follows ("commander of …"). */
function headOf(tokens: readonly Token[], span: TokenSpan, lex: QuotesLexicon): string {
  for (let k = span.first; k < span.last; k++) {
    const t = tokens[k]!;
    const next = tokens[k + 1]!.norm;
    if (isRoleNoun(t.norm, lex) && (next === 'of' || next === 'for' || blocksName(next, lex))) return t.norm;
  }
  return stripPossessive(tokens[span.last]!.norm);
}

const stripPossessive = withoutPossessive;

/**
 * Resolves speaker phrases to who they are, in text order: a surname to the full name the
 * article gives ("Ms. Singh" → "Sabrina Singh"), a role with "the" to the person or source
 * introduced with it ("the Secretary" → Lloyd J. Austin III, "the official" → "senior
 * administration official"), "he"/"she" to the person their sentence or paragraph is about
 * (else the latest speaker), other pronouns to the latest speaker of their kind, "the statement"
 * to whoever issued it. It links each speaker to the actor whose mention covers it.
 */
export class SpeakerResolver {
  private readonly history: Remembered[] = [];
  private readonly mentions: { start: number; end: number; actor: Actor }[];

  constructor(private readonly doc: Doc, private readonly lex: QuotesLexicon, private readonly people: readonly Person[], private readonly antecedents: PronounAntecedents) {
    this.mentions = [];
    for (const actor of doc.layers.actors) for (const m of actor.mentions) this.mentions.push({ start: m.start, end: m.end, actor });
  }

  /** The speaker an attribution names; `statement` says whether its sentence mentions a statement. */
  resolve(attribution: Attribution, at: number, statement: boolean): QuoteSpeaker {
    const reading = this.read(attribution);
    const speaker = this.resolveReading(reading, at);
    this.link(speaker, reading);
    this.history.push({ speaker, at, statement, roleWords: reading.roleWords });
    return speaker;
  }

  /** The latest speaker, for a quotation that continues without an attribution of its own. */
  continueLast(at: number): QuoteSpeaker | null {
    const last = this.history[this.history.length - 1];
    if (!last) return null;
    this.history.push({ ...last, at });
    return { ...last.speaker, resolvedBy: 'continuation' };
  }

  private read(attribution: Attribution): PhraseReading {
    const { doc, lex } = this;
    const tokens = doc.tokens;
    const span = attribution.speaker;
    const lastTok = tokens[span.last]!;
    const start = tokens[span.first]!.start;
    const end = /['’]s$/.test(lastTok.text) ? lastTok.end - 2 : lastTok.end;
    const text = doc.text.slice(start, end);
    let first = span.first;
    while (first < span.last && lex.determiners.has(tokens[first]!.norm)) first++;
    const definite = first > span.first && tokens[span.first]!.norm === 'the';
    const head = headOf(tokens, span, lex);
    const roleWords = new Set<string>();
    for (let k = span.first; k <= span.last; k++) roleWords.add(withoutPeriod(stripPossessive(tokens[k]!.norm)));
    if (attribution.apposition) for (let k = attribution.apposition.first; k <= attribution.apposition.last; k++) roleWords.add(tokens[k]!.norm);
    const base = { span, start, end, text, head, definite, roleWords, name: null, role: null, utterance: false, pronoun: null };

    if (span.first === span.last && isPronoun(lastTok, lex)) {
      const pronoun = lex.personPronouns.has(head) ? 'person' : lex.groupPronouns.has(head) ? 'group' : 'thing';
      return { ...base, headEnd: end, kind: pronoun === 'person' ? 'person' : pronoun === 'group' ? 'group' : 'organization', pronoun };
    }
    // "a source close to McGregor": the name after the modifier is not the speaker's.
    let coreLast = span.last;
    for (let k = first; k < span.last; k++) {
      if (isRoleNoun(tokens[k]!.norm, lex) && blocksName(tokens[k + 1]!.norm, lex)) { coreLast = k; break; }
    }
    const core: TokenSpan = { first, last: coreLast };
    const headEnd = coreLast === span.last ? end : tokens[coreLast]!.end;
    const { name, roleSpan } = this.findName(core, first === span.first);
    const role = attribution.apposition
      ? describe(doc, attribution.apposition, lex)
      : roleSpan ? describe(doc, roleSpan, lex) : name ? null : describe(doc, span, lex);
    const kind: SpeakerKind = name || lex.roleNouns.has(head) ? 'person' : lex.pluralRoleNouns.has(head) ? 'group' : 'organization';
    // Written out rather than spread from `base`: a spread of a non-literal object is slow.
    return { span, start, end, text, head, definite, roleWords, name, role, utterance: lex.speechNouns.has(head), pronoun: null, headEnd, kind };
  }

  /** The person name inside a phrase: after its last title or role noun, or the whole phrase. */
  private findName(core: TokenSpan, bare: boolean): { name: NameRun | null; roleSpan: TokenSpan | null } {
    const { doc, lex } = this;
    const tokens = doc.tokens;
    const ceil = core.last + 1;
    let found: { name: NameRun | null; roleSpan: TokenSpan | null } = { name: null, roleSpan: null };
    for (let j = core.first; j <= core.last; j++) {
      let after = -1;
      if (titleLengthAt(tokens, j, ceil, lex) > 0) after = skipTitles(tokens, j, ceil, lex);
      else if (lex.roleNouns.has(tokens[j]!.norm) && !isCapitalized(tokens[j])) after = j + 1;
      if (after < 0 || after > core.last) continue;
      const run = nameRunAt(doc, after, ceil, lex);
      // The name may be followed by an affiliation: "Mr. Craig Henry of the Saint Lucia National Trust".
      const affiliated = run && run.last < core.last && lex.affiliationWords.has(tokens[run.last + 1]!.norm);
      if (run && (run.last >= core.last || affiliated)) found = { name: run, roleSpan: { first: core.first, last: after - 1 } };
      j = after - 1;
    }
    if (found.name) return found;
    // A name after a description: "Jays fan Ray Payette", "Apple Inc. CEO Steve Jobs".
    let j = core.last;
    while (j >= core.first && !/['’]s$/.test(tokens[j]!.text) && (isNameWordAt(tokens, j, lex) || tokens[j]!.text === '.' || tokens[j]!.text === '-' || lex.nameParticles.has(tokens[j]!.norm))) j--;
    if (j >= core.first && j < core.last) {
      const whole = nameRunAt(doc, j + 1, ceil, lex);
      const run = whole && this.withoutLeadingPlace(whole);
      if (run && run.last >= core.last && this.looksLikePerson(run)) return { name: run, roleSpan: { first: core.first, last: run.first - 1 } };
    }
    if (!bare) return found;
    const whole = nameRunAt(doc, core.first, ceil, lex);
    const run = whole && this.withoutLeadingPlace(whole);
    if (run && run.last >= core.last && titleLengthAt(tokens, core.first, ceil, lex) === 0 && this.looksLikePerson(run)) {
      return { name: run, roleSpan: run.first > core.first ? { first: core.first, last: run.first - 1 } : null };
    }
    return found;
  }

  /** Two name words, or one the article elsewhere uses in a longer name or with a title. */
  private looksLikePerson(run: NameRun): boolean {
    // A surname the article introduced with a title or role outweighs a place of the same name ("Davis").
    if (run.given === null && this.people.some((p) => p.name.surname === run.surname)) return true;
    if (this.coveredByNonPerson(run)) return false;
    if (run.given !== null) return true;
    return this.longNames().has(run.surname) || this.history.some((h) => h.speaker.name?.toLowerCase().endsWith(run.surname) ?? false);
  }

  private names: Map<string, NameRun> | undefined;
  private runs: NameRun[] = [];

  /** The last full name written before `at` ("Mary Barra … She said"), as a person without a role. */
  private latestLongName(at: number): Person | undefined {
    this.longNames();
    let run: NameRun | undefined;
    for (let i = this.runs.length - 1; i >= 0 && !run; i--) {
      const r = this.runs[i]!;
      if (r.end <= at && !this.coveredByNonPerson(r)) run = r;
    }
    return run ? { name: run, roleWords: new Set(), role: null } : undefined;
  }

  /** Every capitalized run of two or more name words in the article, by each of its words. */
  private longNames(): Map<string, NameRun> {
    if (this.names) return this.names;
    const names = new Map<string, NameRun>();
    const tokens = this.doc.tokens;
    const facts = tokenFacts(tokens, this.lex);
    for (const sentence of this.doc.sentences) {
      for (let k = sentence.tokenStart; k < sentence.tokenEnd; k++) {
        if (!facts.capitalized(k)) continue;
        // A title ("Secretary of Defense") is read whole, so its last word does not start a name.
        const afterTitles = facts.titleStart(k) ? skipTitles(tokens, k, sentence.tokenEnd, this.lex) : k;
        const whole = nameRunAt(this.doc, afterTitles, sentence.tokenEnd, this.lex);
        const run = whole && nameAfterLastTitle(this.doc, whole, this.lex);
        if (!whole || !run || run.given === null) {
          k = Math.max(k, afterTitles - 1);
          continue;
        }
        this.runs.push(run);
        for (let j = run.first; j <= run.last; j++) {
          const key = withoutPossessive(tokens[j]!.norm);
          if (tokens[j]!.kind !== 'word' || key.length < 2) continue;
          const known = names.get(key);
          if (!known || run.text.length > known.text.length) names.set(key, run);
        }
        k = whole.last;
      }
    }
    this.names = names;
    return names;
  }

  /** "Vietnam Nguyen Phu Trong": leading words that a place or a non-person actor covers are no part of the name. */
  private withoutLeadingPlace(run: NameRun): NameRun | null {
    let current: NameRun | null = run;
    while (current && current.given !== null) {
      const t = this.doc.tokens[current.first]!;
      if (!this.coveredByNonPerson({ start: t.start, end: t.end })) return current;
      current = nameRunAt(this.doc, current.first + 1, current.last + 1, this.lex);
    }
    return current;
  }

  private coverage: { persons: IntervalIndex; others: IntervalIndex } | undefined;

  // A place or a non-person actor ("North Korea said", "Kata'ib Hezbollah said") is not a person's name.
  private coveredByNonPerson(run: { start: number; end: number }): boolean {
    this.coverage ??= {
      persons: new IntervalIndex(this.mentions.filter((m) => m.actor.kind === 'person')),
      others: new IntervalIndex([...this.doc.layers.places.flatMap((p) => p.mentions), ...this.mentions.filter((m) => m.actor.kind !== 'person')]),
    };
    // The actors layer knows persons better than a place list does ("Bryant", "Davis").
    if (this.coverage.persons.overlaps(run.start, run.end)) return false;
    return this.coverage.others.overlaps(run.start, run.end);
  }

  private resolveReading(r: PhraseReading, at: number): QuoteSpeaker {
    const speaker: QuoteSpeaker = {
      text: r.text, name: r.name?.text ?? null, role: r.role, anonymous: false, actor: null,
      start: r.start, end: r.end, kind: r.kind, code: null, resolvedBy: 'phrase', antecedent: null,
    };
    if (r.pronoun) return this.adopt(speaker, this.latestOfKind(r.pronoun, at, r), 'pronoun', r);
    if (r.utterance) {
      const issuer = this.latest((h) => h.statement) ?? this.latest((h) => h.speaker.kind === 'organization') ?? this.latest(() => true);
      return this.adopt(speaker, issuer, 'statement', r);
    }
    if (r.name) {
      const person = this.fullName(r.name, at);
      if (person) {
        speaker.name = person.name.text;
        // "Secretary Austin" after "Secretary of Defense Lloyd J. Austin III": the fuller role.
        if (person.role && (!speaker.role || person.role.toLowerCase().includes(speaker.role.toLowerCase()))) speaker.role = person.role;
        speaker.resolvedBy = person.name.text !== r.name.text ? 'name' : 'phrase';
        if (person.name.start !== r.name.start) speaker.antecedent = this.doc.span(person.name.start, person.name.end);
        for (const w of person.roleWords) r.roleWords.add(w);
      }
      return speaker;
    }
    if (r.kind === 'person' && (r.definite || r.span.first === r.span.last || isCapitalized(this.doc.tokens[r.span.first]))) {
      const named = this.latest((h) => h.speaker.name !== null && h.roleWords.has(r.head));
      if (named) return this.adopt(speaker, named, 'role', r);
      const withRole = this.personWithRole(r.head, at);
      const person = withRole && this.expanded(withRole, at);
      if (person) {
        speaker.name = person.name.text;
        speaker.role = person.role ?? speaker.role;
        speaker.resolvedBy = 'role';
        speaker.antecedent = this.doc.span(person.name.start, person.name.end);
        for (const w of person.roleWords) r.roleWords.add(w);
        return speaker;
      }
    }
    speaker.anonymous = r.kind !== 'organization';
    if (r.definite && r.kind === 'person') {
      // "the official" after "a senior administration official": keep the fuller description.
      const earlier = this.latest((h) => h.speaker.name === null && h.speaker.kind === 'person' && (h.speaker.role ?? '').toLowerCase().endsWith(r.head));
      if (earlier?.speaker.role && earlier.speaker.role.length > (speaker.role ?? '').length) {
        speaker.role = earlier.speaker.role;
        speaker.resolvedBy = 'role';
        speaker.actor = earlier.speaker.actor;
        speaker.code = earlier.speaker.code;
        if (earlier.speaker.start !== null && earlier.speaker.end !== null) speaker.antecedent = this.doc.span(earlier.speaker.start, earlier.speaker.end);
      }
    }
    return speaker;
  }

  /** Takes over who an earlier speaker was, keeping the phrase as written here. */
  private adopt(speaker: QuoteSpeaker, earlier: Remembered | undefined, how: QuoteSpeaker['resolvedBy'], r: PhraseReading): QuoteSpeaker {
    if (!earlier) {
      speaker.anonymous = r.kind !== 'organization' || r.pronoun !== null;
      return speaker;
    }
    const e = earlier.speaker;
    for (const w of earlier.roleWords) r.roleWords.add(w);
    return {
      ...speaker,
      name: e.name, role: e.role ?? speaker.role, anonymous: e.anonymous, actor: e.actor, code: e.code, kind: e.kind,
      resolvedBy: how,
      antecedent: e.start !== null && e.end !== null ? this.doc.span(e.start, e.end) : null,
    };
  }

  private latest(test: (h: Remembered) => boolean): Remembered | undefined {
    for (let i = this.history.length - 1; i >= 0; i--) if (test(this.history[i]!)) return this.history[i];
    return undefined;
  }

  private latestOfKind(pronoun: 'person' | 'group' | 'thing', at: number, r: PhraseReading): Remembered | undefined {
    if (pronoun === 'person') {
      const gender = this.antecedents.genderOfWord(r.head);
      const local = this.antecedents.find(r.start, gender);
      if (local) return this.rememberMention(local);
      const spoke = this.latest((h) => h.speaker.kind === 'person' && this.antecedents.fitsSpeaker(this.actorOf(h.speaker), h.roleWords, gender));
      if (spoke) return spoke;
      // Nobody spoke yet: the latest person written before the pronoun's sentence.
      const sentenceStart = this.doc.sentenceAt(r.start)?.start ?? r.start;
      const earlier = this.antecedents.latestBefore(sentenceStart, gender);
      if (earlier) return this.rememberMention(earlier);
      const found = this.latestLongName(Math.min(at, sentenceStart));
      if (!found) return undefined;
      const person = this.expanded(found, at);
      const speaker: QuoteSpeaker = {
        text: person.name.text, name: person.name.text, role: person.role, anonymous: false, actor: null,
        start: person.name.start, end: person.name.end, kind: 'person', code: null, resolvedBy: 'phrase', antecedent: null,
      };
      this.linkToMention(speaker, person.name.start, person.name.end);
      return { speaker, at: person.name.start, statement: false, roleWords: person.roleWords };
    }
    if (pronoun === 'group') return this.latest((h) => h.speaker.kind !== 'person');
    return this.latest((h) => h.speaker.kind === 'organization');
  }

  /** A person the pronoun points at, as a speaker: as they spoke before, else as the text names them. */
  private rememberMention(m: PersonMention): Remembered {
    if (m.actor) {
      const spoke = this.latest((h) => h.speaker.actor === m.actor!.id);
      if (spoke) return spoke;
    }
    const tokens = this.doc.tokens;
    let person = m.person ?? this.people.find((p) => m.start <= p.name.start && p.name.end <= m.end);
    if (!person) {
      const whole = nameRunAt(this.doc, tokenAtOrAfter(tokens, m.start), tokenAtOrAfter(tokens, m.end), this.lex);
      const run = whole && nameAfterLastTitle(this.doc, whole, this.lex);
      if (run && run.end <= m.end) person = { name: run, roleWords: new Set(), role: null };
    }
    if (person) {
      const full = this.expanded(person, m.start);
      const speaker: QuoteSpeaker = {
        text: full.name.text, name: full.name.text, role: full.role, anonymous: false, actor: null,
        start: full.name.start, end: full.name.end, kind: 'person', code: null, resolvedBy: 'phrase', antecedent: null,
      };
      this.linkToMention(speaker, m.start, m.end);
      return { speaker, at: full.name.start, statement: false, roleWords: full.roleWords };
    }
    // An unnamed person actor ("a senior Defense Department official").
    const text = this.doc.text.slice(m.start, m.end);
    const speaker: QuoteSpeaker = {
      text, name: null, role: text, anonymous: true, actor: null, start: m.start, end: m.end, kind: 'person', code: null, resolvedBy: 'phrase', antecedent: null,
    };
    this.linkToMention(speaker, m.start, m.end);
    return { speaker, at: m.start, statement: false, roleWords: new Set() };
  }

  private actorOf(speaker: QuoteSpeaker): Actor | null {
    return speaker.actor ? this.doc.layers.actors.find((a) => a.id === speaker.actor) ?? null : null;
  }

  /** The fullest form of a name in the article: "Singh" → "Sabrina Singh", "Sean MacFarland" → itself or longer. */
  private fullName(name: NameRun, at: number): Person | undefined {
    let best: Person | undefined;
    for (const p of this.people) {
      if (p.name.surname !== name.surname) continue;
      if (name.given && p.name.given && p.name.given !== name.given) continue;
      const better = !best || (p.name.start < at && best.name.start >= at) || p.name.text.length > best.name.text.length;
      if (better) best = p;
    }
    // A shorter form found elsewhere ("Abdhou") does not replace the full one written here.
    if (best && best.name.text.length < name.text.length) best = undefined;
    // "Kardashian wrote" after "Kim Kardashian West": a name the article gave in full without a title.
    const run = this.longNames().get(name.surname);
    // A single word may be any part of the full name ("Frank" for Frank McNamara, "Kardashian" for Kim Kardashian West).
    const consistent = run && (name.given ? run.surname === name.surname && run.given === name.given : true);
    const longer = consistent ? run : undefined;
    const shortest = best?.name.text.length ?? name.text.length;
    if (longer && longer.text.length > shortest) return { name: longer, roleWords: best?.roleWords ?? new Set(), role: best?.role ?? null };
    return best;
  }

  /** A person of the people index under the fullest form of their name. */
  private expanded(person: Person, at: number): Person {
    const full = this.fullName(person.name, at);
    return full && full.name.text.length > person.name.text.length ? { name: full.name, roleWords: person.roleWords, role: person.role ?? full.role } : person;
  }

  /** The person the article introduced with this role word, latest before `at` (else the first after). */
  private personWithRole(head: string, at: number): Person | undefined {
    let before: Person | undefined;
    let after: Person | undefined;
    for (const p of this.people) {
      if (!p.roleWords.has(head)) continue;
      if (p.name.start < at) before = p;
      else after ??= p;
    }
    return before ?? after;
  }

  private link(speaker: QuoteSpeaker, r: PhraseReading): void {
    if (speaker.actor === null && !r.pronoun && !r.utterance) {
      const target = r.name ?? { start: r.start, end: r.headEnd };
      this.linkToMention(speaker, target.start, target.end);
      if (speaker.actor === null && speaker.antecedent) this.linkToMention(speaker, speaker.antecedent.start, speaker.antecedent.end);
      if (speaker.actor === null && speaker.name) {
        const full = speaker.name.toLowerCase();
        const actor = this.doc.layers.actors.find((a) => a.kind === 'person' && a.name.toLowerCase() === full);
        if (actor) this.setActor(speaker, actor);
      }
    }
  }

  private linkToMention(speaker: QuoteSpeaker, start: number, end: number): void {
    let best: { actor: Actor; overlap: number } | undefined;
    for (const m of this.mentions) {
      const overlap = Math.min(end, m.end) - Math.max(start, m.start);
      if (overlap <= 0) continue;
      const personBonus = m.actor.kind === 'person' && speaker.kind === 'person' ? 1000 : 0;
      if (!best || overlap + personBonus > best.overlap) best = { actor: m.actor, overlap: overlap + personBonus };
    }
    if (best) this.setActor(speaker, best.actor);
  }

  private setActor(speaker: QuoteSpeaker, actor: Actor): void {
    speaker.actor = actor.id;
    speaker.code = actor.code;
    // A person actor's name is taken when the text gave no name or a surname alone ("Singh" →
    // "Sabrina Singh"); a full name as the article writes it ("Lloyd J. Austin III") stays, and a
    // role standing for a person ("senior administration official") is no name.
    if (actor.kind === 'person' && actor.name && this.isPersonalName(actor.name)) {
      const ours = speaker.name;
      if (ours === null || (!/\s/.test(ours) && actor.name.length > ours.length && lastWord(actor.name) === lastWord(ours))) {
        speaker.name = actor.name;
        speaker.anonymous = false;
        // "Davis" read as a role before the actor said it is a name.
        if (speaker.role && actor.name.includes(speaker.role)) speaker.role = null;
      }
    }
  }

  // Actors' names recur across a document's quotes; each is read once.
  private readonly personalNames = new Map<string, boolean>();

  private isPersonalName(name: string): boolean {
    let personal = this.personalNames.get(name);
    if (personal === undefined) {
      personal = this.readPersonalName(name);
      this.personalNames.set(name, personal);
    }
    return personal;
  }

  private readPersonalName(name: string): boolean {
    const { lex } = this;
    return name.split(/\s+/).every((word, i) => {
      const w = word.toLowerCase().replace(/[.,]/g, '');
      if (lex.nameParticles.has(w.split('-')[0]!)) return true;
      // "Hassan Sheikh Mohamud": an honorific after the first name is part of the name.
      if (i > 0 && lex.innerHonorifics.has(w)) return true;
      if (!/^\p{Lu}/u.test(word)) return false;
      return !lex.roleNouns.has(w) && !lex.pluralRoleNouns.has(w) && !lex.organizationWords.has(w) && !lex.titleFirstWords.has(w) && !lex.honorifics.has(w);
    });
  }
}
