import { loadKnowledge } from '../../knowledge.js';
import { compileWordBits, type WordBits } from './token-facts.js';

interface WordList {
  words: string[];
}

interface QuotesKnowledge {
  speechVerbs: WordList & { notInverted: string[]; participles: string[] };
  reportingVerbs: WordList & { needThat: string[] };
  callVerbs: WordList;
  speechNouns: WordList;
  statementNouns: WordList;
  issueVerbs: WordList;
  accordingTo: string[];
  skipBetweenSpeakerAndVerb: WordList;
  afterVerbWords: WordList;
  reportedClause: { adjunctOpeners: string[]; finiteVerbs: string[]; notAfterComma: string[] };
  phraseStops: WordList;
  determiners: string[];
  postmodifiers: { prepositions: string[]; adjectives: string[]; affiliation: string[] };
  clauseOpeners: WordList;
  possessivePronouns: WordList;
  titles: WordList & { honorifics: string[] };
  roleNouns: WordList & { plurals: string[] };
  organizationWords: WordList;
  pronouns: { person: string[]; group: string[]; thing: string[] };
  gender: { female: string[]; male: string[] };
  names: { particles: string[]; suffixes: string[]; innerHonorifics: string[] };
  scareQuotes: { maxWords: number; markersBefore: string[]; modifiersBefore: string[] };
  longQuoteWords: { min: number };
}

/** The quotes layer's word lists, compiled once into sets keyed by token norm (lower case). */
export interface QuotesLexicon {
  speechVerbs: Set<string>;
  notInverted: Set<string>;
  participles: Set<string>;
  reportingVerbs: Set<string>;
  /** Reporting verbs that report speech only before "that" ("declared victory" is no speech). */
  reportingNeedsThat: Set<string>;
  callVerbs: Set<string>;
  speechNouns: Set<string>;
  statementNouns: Set<string>;
  issueVerbs: Set<string>;
  /** Multi-word triggers as token-norm sequences ("according to" → ["according", "to"]). */
  accordingTo: string[][];
  /** Words a reported clause's attribution may start with: reporting verbs and the first words of "according to". */
  reportedTriggers: Set<string>;
  skipBeforeVerb: Set<string>;
  afterVerbWords: Set<string>;
  /** Words that open a modifier of a speech verb ("after the meeting"), not what was said. */
  adjunctOpeners: Set<string>;
  /** Auxiliaries and modals: the mark of a clause where no other part of speech is known. */
  finiteVerbs: Set<string>;
  /** Words that cannot open a clause after the comma that ends a fronted modifier. */
  notAfterComma: Set<string>;
  phraseStops: Set<string>;
  determiners: Set<string>;
  /** "officials in Baghdad": prepositions that may follow a role noun inside a speaker phrase. */
  postmodifierPrepositions: Set<string>;
  /** "a source close to McGregor": adjectives that attach a modifier with "to"/"with". */
  postmodifierAdjectives: Set<string>;
  /** "Craig Henry of the Saint Lucia National Trust": words between a name and its body. */
  affiliationWords: Set<string>;
  clauseOpeners: Set<string>;
  possessivePronouns: Set<string>;
  /** Titles as token-norm sequences without periods, longest first. */
  titles: string[][];
  titleFirstWords: Set<string>;
  /** The titles by their first word, each list longest first. */
  titlesByFirstWord: Map<string, string[][]>;
  honorifics: Set<string>;
  roleNouns: Set<string>;
  pluralRoleNouns: Set<string>;
  organizationWords: Set<string>;
  personPronouns: Set<string>;
  groupPronouns: Set<string>;
  thingPronouns: Set<string>;
  /** Words that state a person's gender: pronouns, honorifics, gendered role nouns. */
  femaleWords: Set<string>;
  maleWords: Set<string>;
  nameParticles: Set<string>;
  nameSuffixes: Set<string>;
  /** Honorifics that names carry inside them ("Hassan Sheikh Mohamud"). */
  innerHonorifics: Set<string>;
  scareMaxWords: number;
  /** Lower-cased phrases; matched against the text right before the opening mark. */
  scareMarkers: string[];
  scareModifiers: Set<string>;
  longQuoteMinWords: number;
  /** Every listed word with the bits of the lists that hold it (token-facts.ts). */
  wordBits: WordBits;
}

const lower = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase().replace(/’/g, "'")));
const sequence = (phrase: string) => phrase.toLowerCase().replace(/[.-]/g, ' ').split(/\s+/).filter(Boolean);

// Keeps the order of `sequences` inside each group, so the longest title still wins.
function groupByFirstWord(sequences: readonly string[][]): Map<string, string[][]> {
  const groups = new Map<string, string[][]>();
  for (const seq of sequences) {
    const group = groups.get(seq[0]!);
    if (group) group.push(seq);
    else groups.set(seq[0]!, [seq]);
  }
  return groups;
}

let cached: QuotesLexicon | undefined;

export function quotesLexicon(): QuotesLexicon {
  if (cached) return cached;
  const k = loadKnowledge<QuotesKnowledge>('quotes.json');
  const titles = k.titles.words.map(sequence).sort((a, b) => b.length - a.length);
  const lists = {
    speechVerbs: lower(k.speechVerbs.words),
    notInverted: lower(k.speechVerbs.notInverted),
    participles: lower(k.speechVerbs.participles),
    reportingVerbs: lower(k.reportingVerbs.words),
    reportingNeedsThat: lower(k.reportingVerbs.needThat),
    callVerbs: lower(k.callVerbs.words),
    speechNouns: lower(k.speechNouns.words),
    statementNouns: lower(k.statementNouns.words),
    issueVerbs: lower(k.issueVerbs.words),
    accordingTo: k.accordingTo.map(sequence),
    reportedTriggers: new Set([...lower(k.reportingVerbs.words), ...k.accordingTo.map((phrase) => sequence(phrase)[0]!)]),
    skipBeforeVerb: lower(k.skipBetweenSpeakerAndVerb.words),
    afterVerbWords: lower(k.afterVerbWords.words),
    adjunctOpeners: lower(k.reportedClause.adjunctOpeners),
    finiteVerbs: lower(k.reportedClause.finiteVerbs),
    notAfterComma: lower(k.reportedClause.notAfterComma),
    phraseStops: lower(k.phraseStops.words),
    determiners: lower(k.determiners),
    postmodifierPrepositions: lower(k.postmodifiers.prepositions),
    postmodifierAdjectives: lower(k.postmodifiers.adjectives),
    affiliationWords: lower(k.postmodifiers.affiliation),
    clauseOpeners: lower(k.clauseOpeners.words),
    possessivePronouns: lower(k.possessivePronouns.words),
    titles,
    titleFirstWords: new Set(titles.map((t) => t[0]!)),
    titlesByFirstWord: groupByFirstWord(titles),
    honorifics: lower(k.titles.honorifics),
    roleNouns: lower(k.roleNouns.words),
    pluralRoleNouns: lower(k.roleNouns.plurals),
    organizationWords: lower(k.organizationWords.words),
    personPronouns: lower(k.pronouns.person),
    groupPronouns: lower(k.pronouns.group),
    thingPronouns: lower(k.pronouns.thing),
    femaleWords: lower(k.gender.female),
    maleWords: lower(k.gender.male),
    nameParticles: lower(k.names.particles),
    nameSuffixes: lower(k.names.suffixes),
    innerHonorifics: lower(k.names.innerHonorifics),
    scareMaxWords: k.scareQuotes.maxWords,
    scareMarkers: k.scareQuotes.markersBefore.map((m) => m.toLowerCase()),
    scareModifiers: lower(k.scareQuotes.modifiersBefore),
    longQuoteMinWords: k.longQuoteWords.min,
  };
  cached = { ...lists, wordBits: compileWordBits(lists) };
  return cached;
}
