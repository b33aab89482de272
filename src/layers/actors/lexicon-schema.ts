import { z } from 'zod';

/**
 * The format of an actor lexicon file (knowledge/actors/*.json and the files users pass
 * with --lexicon). Every section is optional, so a user file can hold just one new group.
 * Unknown keys are refused: a misspelt section would otherwise be ignored silently.
 */
export const ACTOR_KINDS = ['state', 'government', 'military', 'police', 'armed_group', 'igo', 'person', 'civilians', 'media', 'other'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const comment = z.string().optional();
const phrase = z.string().trim().min(1, 'must not be empty');
const phrases = z.array(phrase);
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as IRQ');
/** CAMEO-style codes: ISO3, ISO3 + sector, a sector alone, or a transnational name (ISIS, ARABLEAGUE). */
const code = z.string().regex(/^[A-Z]{2,12}$/, 'must be a CAMEO-style code in capitals such as IRQREB or ISIS');
const sector = z.string().regex(/^([A-Z]{3})?$/, 'must be a three-letter sector such as MIL, or "" for the state itself');
const kind = z.enum(ACTOR_KINDS);

const country = z.object({
  $comment: comment,
  code: iso3,
  name: phrase,
  aliases: phrases.optional(),
  demonyms: phrases.optional(),
  people: phrases.optional(),
  capitals: phrases.optional(),
  regions: phrases.optional(),
}).strict();

const namedActor = z.object({
  $comment: comment,
  name: phrase,
  code,
  kind,
  country: iso3.nullable().optional(),
  aliases: phrases,
  /** Other states have a body of this name: "Iran's National Security Council" is Iran's. */
  sharedName: z.boolean().optional(),
}).strict();

const knownPerson = z.object({
  $comment: comment,
  name: phrase,
  code,
  country: iso3.nullable().optional(),
  aliases: phrases.optional(),
}).strict();

const sectorHeads = z.object({
  $comment: comment,
  sector,
  kind,
  heads: phrases.min(1),
  bare: z.enum(['none', 'sector', 'place', 'home', 'sentence']).optional(),
  inherit: z.boolean().optional(),
  anonymous: z.boolean().optional(),
  adjectival: z.boolean().optional(),
  voiced: z.boolean().optional(),
  namedOnly: z.boolean().optional(),
  nameEnd: z.boolean().optional(),
  civilianWhenQualified: z.boolean().optional(),
}).strict();

const titleGroup = z.object({
  $comment: comment,
  sector: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter sector such as GOV'),
  titles: phrases.min(1),
  short: phrase.optional(),
  country: iso3.optional(),
  office: z.boolean().optional(),
  needsName: z.boolean().optional(),
  needsAnchor: z.boolean().optional(),
}).strict();

const partners = z.object({
  $comment: comment,
  heads: phrases,
  /** Heads that name the host country's own forces ("local forces"): country + MIL where no partner code applies. */
  local: phrases.optional(),
  codes: z.record(iso3, code),
}).strict();

const backReference = z.object({
  $comment: comment,
  words: phrases.min(1),
  kinds: z.array(kind).optional(),
}).strict();

export const WORD_LISTS = [
  'locatives', 'motionWords', 'placeBeforeOf', 'placeIntroducers', 'directions', 'territoryVerbs', 'listIntroducers', 'placeNouns',
  'relationNouns', 'qualifiers', 'localQualifiers', 'civilianQualifiers', 'determiners', 'honorifics', 'nameHonorifics', 'nameParticles',
  'nameSuffixes', 'notNames', 'speechVerbs', 'groupReferences', 'groupIntroducers', 'groupNouns', 'groupAdjectives',
  'negativePrefixes', 'creditPhrases', 'displacedWords', 'displacedPeople', 'displacedLinks', 'amountWords', 'backReferenceBlockers', 'nounFollowers', 'modifiedNouns', 'nonActors', 'coordinators',
] as const;
export type WordListName = (typeof WORD_LISTS)[number];

const words = z.object(Object.fromEntries(WORD_LISTS.map((w) => [w, phrases.optional()])) as Record<WordListName, z.ZodOptional<typeof phrases>>).strict();

export const lexiconFileSchema = z.object({
  $comment: comment,
  countries: z.array(country).optional(),
  actors: z.array(namedActor).optional(),
  people: z.array(knownPerson).optional(),
  sectors: z.array(sectorHeads).optional(),
  labels: z.record(z.string().regex(/^[A-Z]{3}$/), phrase).optional(),
  partners: partners.optional(),
  backReferences: z.array(backReference).optional(),
  titles: z.array(titleGroup).optional(),
  words: words.optional(),
}).strict();

export type LexiconFile = z.infer<typeof lexiconFileSchema>;
export type CountryEntry = z.infer<typeof country>;
export type NamedActorEntry = z.infer<typeof namedActor>;
export type KnownPersonEntry = z.infer<typeof knownPerson>;
export type SectorHeadsEntry = z.infer<typeof sectorHeads>;
export type TitleGroupEntry = z.infer<typeof titleGroup>;
