import path from 'node:path';
import type { z } from 'zod';
import { knowledgeDir, readDataFile } from '../../knowledge.js';
import { tokenize } from '../../doc/tokens.js';
import { cuesFileSchema, triggerFileSchema, type CueSpec, type CuesFile, type EntrySpec, type TriggerFile, type TypeSpec } from './lexicon-schema.js';
import { nounForms, verbForms } from './inflect.js';
import { PLOVER_TYPES, type EventStatus, type Form, type PartOfSpeech, type PloverType } from './types.js';

/** A trigger or cue file that cannot be used; the message names the file and the field. */
export class EventLexiconError extends Error {
  constructor(readonly file: string, detail: string) {
    super(`event lexicon ${file}: ${detail}`);
    this.name = 'EventLexiconError';
  }
}

export interface Cue {
  /** Word sequences (tokenized like the text), any of which satisfies the cue. */
  sequences: string[][];
  /** The same sequences as vocabulary ids, by the id of their first word, in list order. */
  sequencesByFirstId: Map<number, Int32Array[]>;
  /**
   * Bit (id & 31) is set for the id of every first word: a token whose bit is clear starts no
   * sequence, which spares the map look-up at most tokens a cue's window scans.
   */
  firstIdMask: number;
  /** The sequences joined by spaces, to compare with a trigger's own words. */
  joinedSequences: Set<string>;
  actor: boolean;
  speech: boolean;
  /** "the anti-ISIS mission ... will continue until September 2026": the trigger is what continues. */
  continued: boolean;
  side: 'before' | 'after' | 'either';
  within: number;
  capitalized: boolean;
  onlyFor: Set<string> | null;
}

export interface CompiledEntry {
  index: number;
  id: string;
  type: PloverType;
  cameo: string;
  mode: string | null;
  requires: Cue[];
  excludes: Cue[];
  subjectRole: 'source' | 'target';
  passiveSubject: 'source' | 'target';
  /** The role of "of X" after an event noun: "the killing of X" (target), "a target of X" (source). */
  ofRole: 'source' | 'target';
  /** "its defeat", "ISIS's defeat", "his arrest": the possessor of the noun suffers the event when 'target'. */
  possessorRole: 'source' | 'target';
  status: EventStatus | null;
  fatal: boolean;
  intent: boolean;
  reportedFrame: boolean;
  /** Read only as an activity that goes on to a deadline ("the mission will continue until 2026"). */
  continued: boolean;
}

export interface Pattern {
  words: string[];
  /** The words as vocabulary ids, compared with a document's token ids. */
  ids: Int32Array;
  /** The words joined by spaces ("state of emergency"), as cues name triggers. */
  text: string;
  /** The listed form the pattern was made from ("strike" for "struck" and "strikes"), last word only. */
  lemma: string;
  entry: CompiledEntry;
  pos: PartOfSpeech;
  form: Form;
}

export interface TypeInfo {
  cameo: string;
  hostile: boolean;
  symmetric: boolean;
  targetPreps: Set<string>;
  guessTarget: boolean;
  /** "its demand that Israel ease ...": the actor of the act asked for is the target. */
  askedActorIsTarget: boolean;
  modeCues: { mode: string; words: Set<string> }[];
  /** For each word of the mode cues, the index of the first mode listing it: one look-up per word read. */
  firstModeOf: Map<string, number>;
}

export interface EventLexicon {
  /** Patterns by their first word, longest first, then in entry order. */
  byFirstWord: Map<string, Pattern[]>;
  /** One content word of every pattern ("contact" for "in close contact"): a sentence without any holds no trigger. */
  anchorWords: Set<string>;
  entries: CompiledEntry[];
  types: Map<PloverType, TypeInfo>;
  grammar: Grammar;
  vocabulary: Vocabulary;
}

/**
 * Every word the triggers, cues and grammar name, numbered: a document's tokens are looked up
 * once (indexDocument), then scans compare numbers and test class bits instead of hashing
 * the same token text in a dozen sets.
 */
export interface Vocabulary {
  ids: Map<string, number>;
  /**
   * The id of each one-character ASCII word by its character code (-1: none): punctuation and
   * "a" are a quarter of a text's tokens, and a fresh token string costs a hash at its first look-up.
   */
  asciiCharIds: Int32Array;
  /**
   * A bit per word shape (length, first and last character; see wordShape) that some word of
   * the vocabulary has: a token whose shape bit is clear is no word of it and needs no look-up.
   */
  shapes: Uint32Array;
  /** The WordClass bits of each word id. */
  classes: Uint32Array;
  /** The patterns starting with each word id (as byFirstWord), or undefined. */
  patternsByFirstId: (Pattern[] | undefined)[];
}

/** Bits of Vocabulary.classes: the grammar sets the per-token scans test. */
export const WordClass = {
  anchor: 1 << 0,
  speechVerb: 1 << 1,
  clausePunctuation: 1 << 2,
  relativePeople: 1 << 3,
  relativeThings: 1 << 4,
  subordinator: 1 << 5,
  temporalSubordinator: 1 << 6,
  pronounFirstWord: 1 << 7,
  causeMarkerFirstWord: 1 << 8,
  demonstrative: 1 << 9,
  nounModifier: 1 << 10,
  conditional: 1 << 11,
  definite: 1 << 12,
  indefinite: 1 << 13,
  possessive: 1 << 14,
  preposition: 1 << 15,
  auxiliary: 1 << 16,
  beForm: 1 << 17,
  haveForm: 1 << 18,
  coordinator: 1 << 19,
  futureModal: 1 << 20,
  speakerPronoun: 1 << 21,
  thirdPronoun: 1 << 22,
  possibilityModal: 1 << 23,
  conditionalModal: 1 << 24,
  plannedCue: 1 << 25,
  hypotheticalCue: 1 << 26,
  ongoingCue: 1 << 27,
  negationCue: 1 << 28,
  lightVerb: 1 << 29,
  noCasualtiesFirstWord: 1 << 30,
} as const;

/** knowledge/events/cues.json as look-up sets. */
export interface Grammar {
  speechVerbs: Set<string>;
  relativePeople: Set<string>;
  relativeThings: Set<string>;
  subordinators: Set<string>;
  temporalSubordinators: Set<string>;
  conditionals: Set<string>;
  threatConditions: Set<string>;
  clausePunctuation: Set<string>;
  futureModals: Set<string>;
  conditionalModals: Set<string>;
  possibilityModals: Set<string>;
  plannedCues: Set<string>;
  hypotheticalCues: Set<string>;
  negationCues: Set<string>;
  ongoingCues: Set<string>;
  beForms: Set<string>;
  presentForms: Set<string>;
  haveForms: Set<string>;
  auxiliaries: Set<string>;
  definite: Set<string>;
  demonstrative: Set<string>;
  indefinite: Set<string>;
  possessive: Set<string>;
  speakerPronouns: Set<string>;
  thirdPronouns: Set<string>;
  groupSubjects: string[][];
  /** The group subjects by first word, in list order, so a token tries only its own. */
  groupSubjectsByFirstWord: Map<string, string[][]>;
  /** First words of every pronoun and group subject, to skip other tokens fast. */
  pronounFirstWords: Set<string>;
  prepositions: Set<string>;
  purposeNouns: Set<string>;
  lightVerbs: Set<string>;
  coordinators: Set<string>;
  noCasualties: string[][];
  causeMarkers: string[][];
  causeMarkerFirstWords: Set<string>;
  /** The cause markers by first word, in list order. */
  causeMarkersByFirstWord: Map<string, string[][]>;
  deathWords: Set<string>;
  personNouns: Set<string>;
  partitiveHeads: Set<string>;
  controlVerbs: Set<string>;
  nounModifiers: Set<string>;
  threateningTypes: Set<string>;
  intentWords: Set<string>;
  durationFuture: Set<string>;
  /** Verbs that keep an activity going ("continue", "remain") and the words of its deadline ("until"). */
  continuationVerbs: Set<string>;
  /** Nouns that name an armed force ("the deployment", "the troops"), and the codes of forces that are not of kind military. */
  forceNouns: Set<string>;
  forceCodes: Set<string>;
  /** "hold X responsible for": the verb forms whose object is the one blamed. */
  holdResponsible: Set<string>;
  /** "anti-ISIS", "counter-ISIS": the actor after the prefix is opposed. */
  opposingPrefixes: Set<string>;
  /** "cooperation against ISIS": the actor after one of these is opposed, never the author. */
  opposingPrepositions: Set<string>;
  /** "Residents heard an explosion": who perceives or reports an event is not its author. */
  perceptionVerbs: Set<string>;
  /** "told reporters": the actor after one of these hears the statement. */
  tellVerbs: Set<string>;
  /** "the attackers": a noun taking up the author of the last attack told. */
  assailantNouns: Set<string>;
  deadlines: Set<string>;
  /** "is expected to remain": words between "be" and a continuation verb. */
  continuationRaisers: Set<string>;
  /** "..., but operations will continue": words that start another clause. */
  clauseJoiners: Set<string>;
}

// Particles of phrasal verbs and hyphenated nouns ("build-up", "pull-out") are no head.
const PARTICLES = new Set(['up', 'out', 'off', 'down', 'over', 'back', 'away', 'in']);

export const shippedTriggerFile = path.join(knowledgeDir, 'events', 'triggers.json');
export const shippedCuesFile = path.join(knowledgeDir, 'events', 'cues.json');

// Patterns and cue words are cut by the same tokenizer as the text, so "cease-fire" or "won't" match.
const toWords = (phrase: string) => tokenize(phrase.toLowerCase()).map((t) => t.norm);

const readJson = <T>(file: string, schema: z.ZodType<T>): T =>
  readDataFile(file, schema, (f, message) => new EventLexiconError(f, message));

export const readTriggerFile = (file: string): TriggerFile => readJson(file, triggerFileSchema);

let shipped: EventLexicon | undefined;

/**
 * The shipped lexicon, plus user trigger files. User entries are tried before the shipped
 * ones, so a user can give words a new sense; user "types" fields override the shipped ones.
 */
export function loadEventLexicon(userFiles: readonly string[] = []): EventLexicon {
  if (userFiles.length === 0 && shipped) return shipped;
  const files = [...userFiles.map(readTriggerFile), readTriggerFile(shippedTriggerFile)];
  const grammar = compileGrammar(readJson(shippedCuesFile, cuesFileSchema));
  const lexicon = compileLexicon(files, grammar, userFiles[0] ?? shippedTriggerFile);
  if (userFiles.length === 0) shipped = lexicon;
  return lexicon;
}

/** Compiles trigger files (highest priority first) into look-up tables. */
export function compileLexicon(files: readonly TriggerFile[], grammar: Grammar, nameForErrors = 'lexicon'): EventLexicon {
  const typeSpecs = new Map<PloverType, TypeSpec>();
  for (const f of [...files].reverse()) for (const [t, spec] of Object.entries(f.types ?? {})) if (spec) typeSpecs.set(t as PloverType, spec);
  const types = new Map<PloverType, TypeInfo>();
  for (const t of PLOVER_TYPES) {
    const spec = typeSpecs.get(t);
    if (!spec) throw new EventLexiconError(nameForErrors, `type ${t} has no "types" entry (cameo, hostile, symmetric, targetPreps)`);
    const modeCues = Object.entries(spec.modeCues ?? {}).map(([mode, words]) => ({ mode, words: new Set(words.map((w) => w.toLowerCase())) }));
    const firstModeOf = new Map<string, number>();
    modeCues.forEach((cue, index) => {
      for (const w of cue.words) if (!firstModeOf.has(w)) firstModeOf.set(w, index);
    });
    types.set(t, {
      cameo: spec.cameo,
      hostile: spec.hostile,
      symmetric: spec.symmetric,
      targetPreps: new Set(spec.targetPreps),
      guessTarget: spec.guessTarget,
      askedActorIsTarget: spec.askedActorIsTarget,
      modeCues,
      firstModeOf,
    });
  }

  const irregular = new Map<string, string[]>();
  for (const f of files) {
    for (const [lemma, forms] of Object.entries(f.irregularVerbs ?? {})) if (!lemma.startsWith('$') && Array.isArray(forms)) irregular.set(lemma, forms);
  }

  const entries: CompiledEntry[] = [];
  const byFirstWord = new Map<string, Pattern[]>();
  const add = (phrase: string, listed: string, entry: CompiledEntry, pos: PartOfSpeech, form: Form) => {
    const words = toWords(phrase);
    if (words.length === 0) return;
    const list = byFirstWord.get(words[0]!) ?? [];
    if (list.some((p) => p.entry === entry && p.pos === pos && p.form === form && p.words.join(' ') === words.join(' '))) return;
    const lemmaWords = toWords(listed);
    list.push({ words, ids: NO_IDS, text: words.join(' '), lemma: (pos === 'verb' ? lemmaWords[0] : lemmaWords.at(-1)) ?? listed, entry, pos, form });
    byFirstWord.set(words[0]!, list);
  };
  for (const f of files) {
    for (const spec of f.entries ?? []) {
      const entry = compileEntry(spec, entries.length, types);
      entries.push(entry);
      for (const v of spec.verbs ?? []) for (const f2 of verbForms(v.toLowerCase(), irregular)) add(f2.text, v, entry, 'verb', f2.form);
      for (const n of spec.nouns ?? []) for (const f2 of nounForms(n.toLowerCase())) add(f2.text, n, entry, 'noun', f2.form);
      for (const p of spec.phrases ?? []) add(p, p, entry, 'verb', 'phrase');
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length || a.entry.index - b.entry.index);
  const functionWords = new Set([...grammar.prepositions, ...grammar.auxiliaries, ...grammar.beForms, ...grammar.haveForms, ...grammar.definite, ...grammar.indefinite, ...grammar.possessive, ...grammar.futureModals, ...grammar.possibilityModals, ...grammar.conditionalModals, ...grammar.negationCues, 'all', 'out']);
  const anchorWords = new Set<string>();
  // The longest content word is the rarest in text ("emergency" of "state of emergency").
  const anchorOf = (words: readonly string[]) => words.filter((w) => !functionWords.has(w)).sort((a, b) => b.length - a.length)[0] ?? words[0]!;
  // A compound noun is found by its head ("aid" of "economic aid").
  const headOf = (words: readonly string[]) => [...words].reverse().find((w) => w.length >= 3 && !functionWords.has(w) && !PARTICLES.has(w));
  for (const list of byFirstWord.values()) for (const p of list) anchorWords.add((p.pos === 'noun' ? headOf(p.words) : undefined) ?? anchorOf(p.words));
  const vocabulary = compileVocabulary(byFirstWord, anchorWords, entries, grammar);
  return { byFirstWord, anchorWords, entries, types, grammar, vocabulary };
}

// Patterns get their ids once every word is known (compileVocabulary).
const NO_IDS = new Int32Array(0);

/** Numbers every word of the patterns, cues and classed grammar sets; fills their id arrays. */
function compileVocabulary(byFirstWord: ReadonlyMap<string, Pattern[]>, anchorWords: ReadonlySet<string>, entries: readonly CompiledEntry[], g: Grammar): Vocabulary {
  const ids = new Map<string, number>();
  const idOf = (word: string) => {
    let id = ids.get(word);
    if (id === undefined) ids.set(word, (id = ids.size));
    return id;
  };
  const toIds = (words: readonly string[]) => Int32Array.from(words, idOf);
  for (const list of byFirstWord.values()) for (const p of list) p.ids = toIds(p.words);
  for (const e of entries) {
    for (const c of [...e.requires, ...e.excludes]) {
      for (const seq of c.sequences) {
        const seqIds = toIds(seq);
        c.firstIdMask |= 1 << (seqIds[0]! & 31);
        const list = c.sequencesByFirstId.get(seqIds[0]!);
        if (list) list.push(seqIds);
        else c.sequencesByFirstId.set(seqIds[0]!, [seqIds]);
      }
    }
  }
  const classed: [number, Iterable<string>][] = [
    [WordClass.anchor, anchorWords],
    [WordClass.speechVerb, g.speechVerbs],
    [WordClass.clausePunctuation, g.clausePunctuation],
    [WordClass.relativePeople, g.relativePeople],
    [WordClass.relativeThings, g.relativeThings],
    [WordClass.subordinator, g.subordinators],
    [WordClass.temporalSubordinator, g.temporalSubordinators],
    [WordClass.pronounFirstWord, g.pronounFirstWords],
    [WordClass.causeMarkerFirstWord, g.causeMarkerFirstWords],
    [WordClass.demonstrative, g.demonstrative],
    [WordClass.nounModifier, g.nounModifiers],
    [WordClass.conditional, g.conditionals],
    [WordClass.definite, g.definite],
    [WordClass.indefinite, g.indefinite],
    [WordClass.possessive, g.possessive],
    [WordClass.preposition, g.prepositions],
    [WordClass.auxiliary, g.auxiliaries],
    [WordClass.beForm, g.beForms],
    [WordClass.haveForm, g.haveForms],
    [WordClass.coordinator, g.coordinators],
    [WordClass.futureModal, g.futureModals],
    [WordClass.speakerPronoun, g.speakerPronouns],
    [WordClass.thirdPronoun, g.thirdPronouns],
    [WordClass.possibilityModal, g.possibilityModals],
    [WordClass.conditionalModal, g.conditionalModals],
    [WordClass.plannedCue, g.plannedCues],
    [WordClass.hypotheticalCue, g.hypotheticalCues],
    [WordClass.ongoingCue, g.ongoingCues],
    [WordClass.negationCue, g.negationCues],
    [WordClass.lightVerb, g.lightVerbs],
    [WordClass.noCasualtiesFirstWord, g.noCasualties.map((seq) => seq[0]).filter((w) => w !== undefined)],
  ];
  for (const [, words] of classed) for (const w of words) idOf(w);
  const classes = new Uint32Array(ids.size);
  for (const [bit, words] of classed) {
    for (const w of words) {
      const id = ids.get(w)!;
      classes[id] = classes[id]! | bit;
    }
  }
  const patternsByFirstId: (Pattern[] | undefined)[] = new Array<Pattern[] | undefined>(ids.size).fill(undefined);
  for (const [first, list] of byFirstWord) patternsByFirstId[ids.get(first)!] = list;
  const asciiCharIds = new Int32Array(128).fill(-1);
  for (const [word, id] of ids) if (word.length === 1 && word.charCodeAt(0) < 128) asciiCharIds[word.charCodeAt(0)] = id;
  const shapes = new Uint32Array(SHAPE_BITS >>> 5);
  for (const word of ids.keys()) {
    if (word.length === 0) continue;
    const shape = wordShape(word);
    shapes[shape >>> 5] = shapes[shape >>> 5]! | (1 << (shape & 31));
  }
  return { ids, asciiCharIds, shapes, classes, patternsByFirstId };
}

const SHAPE_BITS = 1 << 16;

/**
 * A number in [0, SHAPE_BITS) from a word's length and its first two and last two characters:
 * four character reads, not a hash of the whole word. (A one-character word reads NaN for
 * the missing ones, which the bit operations turn into 0: the same for the word and a token.)
 */
export function wordShape(word: string): number {
  const n = word.length;
  let h = n;
  h = (h * 31 + word.charCodeAt(0)) | 0;
  h = (h * 31 + word.charCodeAt(1)) | 0;
  h = (h * 31 + word.charCodeAt(n - 2)) | 0;
  h = (h * 31 + word.charCodeAt(n - 1)) | 0;
  return (h ^ (h >>> 16)) & (SHAPE_BITS - 1);
}

function compileEntry(spec: EntrySpec, index: number, types: Map<PloverType, TypeInfo>): CompiledEntry {
  const typeInfo = types.get(spec.type)!;
  // Forces that withdraw or deploy are what the clause is about: "troops were withdrawn" names the source.
  const movesItself = spec.type === 'RETREAT' || spec.type === 'MOBILIZE';
  return {
    index,
    id: spec.id ?? `${spec.type.toLowerCase()}#${index}`,
    type: spec.type,
    cameo: spec.cameo ?? typeInfo.cameo,
    mode: spec.mode ?? null,
    requires: (spec.requires ?? []).map(compileCue),
    excludes: (spec.excludes ?? []).map(compileCue),
    subjectRole: spec.roles?.subject ?? 'source',
    passiveSubject: spec.roles?.passiveSubject ?? (movesItself ? 'source' : 'target'),
    ofRole: spec.roles?.of ?? (movesItself ? 'source' : 'target'),
    possessorRole: spec.roles?.possessor ?? 'source',
    status: spec.status ?? null,
    fatal: spec.fatal ?? false,
    intent: spec.intent ?? false,
    reportedFrame: spec.frame === 'reported',
    continued: (spec.requires ?? []).some((c) => c.continued === true),
  };
}

function compileCue(c: CueSpec): Cue {
  const sequences = (c.words ?? []).map(toWords).filter((w) => w.length > 0);
  return {
    sequences,
    sequencesByFirstId: new Map(),
    firstIdMask: 0,
    joinedSequences: new Set(sequences.map((seq) => seq.join(' '))),
    actor: c.actor ?? false,
    speech: c.speech ?? false,
    continued: c.continued ?? false,
    side: c.side,
    within: c.within,
    capitalized: c.capitalized ?? false,
    onlyFor: c.onlyFor ? new Set(c.onlyFor.map((w) => toWords(w).join(' '))) : null,
  };
}

function byFirstWord(sequences: readonly string[][]): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const seq of sequences) {
    if (seq.length === 0) continue;
    const list = map.get(seq[0]!) ?? [];
    list.push(seq);
    map.set(seq[0]!, list);
  }
  return map;
}

function compileGrammar(k: CuesFile): Grammar {
  const set = (list: readonly string[]) => new Set(list.map((w) => w.toLowerCase().replace(/’/g, "'")));
  return {
    speechVerbs: set(k.speechVerbs.words),
    relativePeople: set(k.relativeWords.people),
    relativeThings: set(k.relativeWords.things),
    subordinators: set(k.subordinators.words),
    temporalSubordinators: set(k.temporalSubordinators.words),
    conditionals: set(k.conditionals.words),
    threatConditions: set(k.threatConditions.words),
    clausePunctuation: set(k.clausePunctuation.words),
    futureModals: set(k.futureModals),
    conditionalModals: set(k.conditionalModals),
    possibilityModals: set(k.possibilityModals),
    plannedCues: set(k.plannedCues.words),
    hypotheticalCues: set(k.hypotheticalCues.words),
    negationCues: set(k.negationCues.words),
    ongoingCues: set(k.ongoingCues.words),
    beForms: set(k.beForms),
    presentForms: set(k.presentForms),
    haveForms: set(k.haveForms),
    auxiliaries: set(k.auxiliaries),
    definite: set(k.determiners.definite),
    demonstrative: set(k.determiners.demonstrative),
    indefinite: set(k.determiners.indefinite),
    possessive: set(k.determiners.possessive),
    speakerPronouns: set(k.pronouns.speaker),
    thirdPronouns: set(k.pronouns.third),
    groupSubjects: k.pronouns.group.map(toWords),
    groupSubjectsByFirstWord: byFirstWord(k.pronouns.group.map(toWords)),
    pronounFirstWords: new Set([...k.pronouns.speaker, ...k.pronouns.third, ...k.pronouns.group.map((p) => toWords(p)[0] ?? ''), 'both', 'the']),
    prepositions: set(k.prepositions),
    purposeNouns: set(k.purposeNouns.words),
    lightVerbs: set(k.lightVerbs.words),
    coordinators: set(k.coordinators),
    noCasualties: k.noCasualties.phrases.map(toWords),
    causeMarkers: k.causeMarkers.phrases.map(toWords),
    causeMarkerFirstWords: new Set(k.causeMarkers.phrases.map((p) => toWords(p)[0] ?? '')),
    causeMarkersByFirstWord: byFirstWord(k.causeMarkers.phrases.map(toWords)),
    deathWords: set(k.deathWords.words),
    personNouns: set(k.personNouns.words),
    partitiveHeads: set(k.partitiveHeads.words),
    controlVerbs: set(k.controlVerbs.words),
    nounModifiers: set(k.nounModifiers.words),
    threateningTypes: new Set(k.threateningTypes.words),
    intentWords: set(k.intentWords.words),
    durationFuture: set(k.durationFuture.words),
    continuationVerbs: set(k.continuation.verbs),
    opposingPrefixes: set(k.opposingPrefixes.words),
    opposingPrepositions: set(k.opposingPrepositions.words),
    perceptionVerbs: set(k.perceptionVerbs.words),
    tellVerbs: set(k.tellVerbs.words),
    assailantNouns: set(k.assailantNouns.words),
    holdResponsible: set(k.holdResponsible.words),
    forceNouns: set(k.forces.nouns),
    forceCodes: new Set(k.forces.actorCodes),
    deadlines: set(k.continuation.deadlines),
    continuationRaisers: set(k.continuation.raisers),
    clauseJoiners: set(k.continuation.joiners),
  };
}
