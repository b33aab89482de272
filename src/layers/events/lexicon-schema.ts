import { z } from 'zod';
import { PLOVER_TYPES, STATUSES } from './types.js';

/**
 * The format of knowledge/events/triggers.json and of user trigger files
 * (documented in knowledge/events/README.md). Validated with zod so that a typo in a user
 * file is reported with its place instead of silently matching nothing.
 */

const words = z.array(z.string().min(1));
const cameoCode = z.string().regex(/^(0[1-9]|1\d|20)$/, 'a CAMEO root code "01"–"20"');

export const cueSchema = z
  .object({
    words: words.optional(),
    actor: z.boolean().optional(),
    speech: z.boolean().optional(),
    /** The trigger heads the subject of a verb of continuation with a deadline ("will continue until 2026"), within N words after it. */
    continued: z.boolean().optional(),
    side: z.enum(['before', 'after', 'either']),
    within: z.number().int().min(0).max(30),
    capitalized: z.boolean().optional(),
    onlyFor: words.optional(),
  })
  .strict()
  .refine((c) => (c.words?.length ?? 0) > 0 || c.actor || c.speech || c.continued, 'a cue needs "words", "actor": true, "speech": true or "continued": true');
export type CueSpec = z.infer<typeof cueSchema>;

const roleFrameSchema = z
  .object({
    subject: z.enum(['source', 'target']).optional(),
    passiveSubject: z.enum(['source', 'target']).optional(),
    of: z.enum(['source', 'target']).optional(),
    possessor: z.enum(['source', 'target']).optional(),
  })
  .strict();

export const entrySchema = z
  .object({
    id: z.string().optional(),
    type: z.enum(PLOVER_TYPES),
    cameo: cameoCode.optional(),
    mode: z.string().nullable().optional(),
    verbs: words.optional(),
    nouns: words.optional(),
    phrases: words.optional(),
    requires: z.array(cueSchema).optional(),
    excludes: z.array(cueSchema).optional(),
    roles: roleFrameSchema.optional(),
    status: z.enum(STATUSES).optional(),
    fatal: z.boolean().optional(),
    intent: z.boolean().optional(),
    frame: z.enum(['reported']).optional(),
  })
  .strict()
  .refine((e) => (e.verbs?.length ?? 0) + (e.nouns?.length ?? 0) + (e.phrases?.length ?? 0) > 0, 'an entry needs "verbs", "nouns" or "phrases"');
export type EntrySpec = z.infer<typeof entrySchema>;

export const typeSpecSchema = z
  .object({
    cameo: cameoCode,
    hostile: z.boolean(),
    symmetric: z.boolean(),
    targetPreps: words,
    /** Whether a missing target may be guessed from the sentence (not for withdrawing or deploying). */
    guessTarget: z.boolean().default(true),
    /** "demanded that Israel ease ...": the actor of the act asked for is the one asked. */
    askedActorIsTarget: z.boolean().default(false),
    modeCues: z.record(z.string(), words).optional(),
  })
  .strict();
export type TypeSpec = z.infer<typeof typeSpecSchema>;

export const triggerFileSchema = z
  .object({
    $comment: z.string().optional(),
    types: z.partialRecord(z.enum(PLOVER_TYPES), typeSpecSchema).optional(),
    irregularVerbs: z.record(z.string(), z.union([words, z.string()])).optional(),
    entries: z.array(entrySchema).optional(),
  })
  .strict();
export type TriggerFile = z.infer<typeof triggerFileSchema>;

const wordList = z.object({ $comment: z.string().optional(), words }).strict();

/** knowledge/events/cues.json: the grammar words the layer reads (not user-extensible by option, but editable). */
export const cuesFileSchema = z
  .object({
    $comment: z.string().optional(),
    speechVerbs: wordList,
    relativeWords: z.object({ $comment: z.string().optional(), people: words, things: words }).strict(),
    subordinators: wordList,
    temporalSubordinators: wordList,
    conditionals: wordList,
    threatConditions: wordList,
    clausePunctuation: wordList,
    futureModals: words,
    conditionalModals: words,
    possibilityModals: words,
    plannedCues: wordList,
    hypotheticalCues: wordList,
    negationCues: wordList,
    ongoingCues: wordList,
    beForms: words,
    presentForms: words,
    haveForms: words,
    auxiliaries: words,
    determiners: z.object({ definite: words, demonstrative: words, indefinite: words, possessive: words }).strict(),
    pronouns: z.object({ $comment: z.string().optional(), speaker: words, third: words, group: words }).strict(),
    prepositions: words,
    purposeNouns: wordList,
    lightVerbs: wordList,
    coordinators: words,
    noCasualties: z.object({ $comment: z.string().optional(), phrases: words }).strict(),
    causeMarkers: z.object({ $comment: z.string().optional(), phrases: words }).strict(),
    deathWords: wordList,
    personNouns: wordList,
    partitiveHeads: wordList,
    controlVerbs: wordList,
    nounModifiers: wordList,
    threateningTypes: wordList,
    intentWords: wordList,
    durationFuture: wordList,
    opposingPrefixes: wordList,
    opposingPrepositions: wordList,
    perceptionVerbs: wordList,
    tellVerbs: wordList,
    assailantNouns: wordList,
    holdResponsible: wordList,
    forces: z.object({ $comment: z.string().optional(), nouns: words, actorCodes: words }).strict(),
    continuation: z.object({ $comment: z.string().optional(), verbs: words, deadlines: words, raisers: words, joiners: words }).strict(),
  })
  .strict();
export type CuesFile = z.infer<typeof cuesFileSchema>;
