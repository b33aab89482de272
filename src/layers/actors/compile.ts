import { flagKeys, KeyFlag } from './key-flags.js';
import { PhraseTrie, phraseKeys, type TrieNode } from './phrase-trie.js';
import { WORD_LISTS, type ActorKind, type LexiconFile, type WordListName } from './lexicon-schema.js';

/** A named body: institution, armed group, IGO, coalition or news organization. */
export interface NamedActor {
  name: string;
  code: string;
  kind: ActorKind;
  country: string | null;
  /** Other states have a body of this name (`sharedName` in the lexicon). */
  sharedName?: boolean;
}

export interface KnownPerson {
  name: string;
  code: string;
  country: string | null;
}

export type Bare = 'none' | 'sector' | 'place' | 'home' | 'sentence';

/** A head noun naming a part of a state or society ("troops", "officials", "reporters"). */
export interface Head {
  phrase: string;
  /** "" = the state itself ("the Iraqi people" = IRQ). */
  sector: string;
  kind: ActorKind;
  bare: Bare;
  /** After a named body, the body's own code wins ("Pentagon officials" = USAMIL). */
  inherit: boolean;
  anonymous: boolean;
  /** "civilian" is a head only as a noun ("one civilian"), not in "civilian casualties". */
  adjectival: boolean;
  /** "personnel": military when the article speaks for a military body, the state otherwise. */
  voiced: boolean;
  /** Only after a named body ("ISIS operatives"), never after a nationality. */
  namedOnly: boolean;
  /** Only as the last word of a capitalized body name ("Joint Operations Command"), never on its own. */
  nameEnd: boolean;
  civilianWhenQualified: boolean;
  plural: boolean;
}

export interface Title {
  phrase: string;
  sector: string;
  /** Titles of one group answer to the same short form ("the secretary"). */
  group: number;
  short: string | null;
  country: string | null;
  office: boolean;
  needsName: boolean;
  needsAnchor: boolean;
}

export type Entry =
  | { type: 'country'; code: string; abbreviation: boolean }
  | { type: 'capital'; code: string }
  /** A part of a country that may own a body ("the Kurdistan Region's interior ministry"); a place, never an actor. */
  | { type: 'region'; code: string }
  | { type: 'demonym'; code: string }
  | { type: 'people'; code: string }
  | { type: 'named'; actor: NamedActor }
  | { type: 'person'; person: KnownPerson }
  | { type: 'head'; head: Head }
  | { type: 'title'; title: Title }
  | { type: 'partner'; phrase: string; local: boolean }
  | { type: 'groupRef' }
  | { type: 'honorific' }
  | { type: 'block' };

export interface CountryInfo {
  code: string;
  name: string;
  demonym: string | null;
}

/** "the command", "the ministry": a definite noun that points back at an earlier body. */
export interface BackReference {
  word: string;
  /** With no earlier body whose name holds the word, the latest named body of these kinds. */
  kinds: readonly ActorKind[];
}

export interface CompiledLexicon {
  trie: PhraseTrie<Entry>;
  countries: Map<string, CountryInfo>;
  labels: Map<string, string>;
  partnerCodes: Map<string, string>;
  /** The first named actor of each code ("COALITION" for "U.S.-led ... task force"). */
  namedByCode: Map<string, NamedActor>;
  /** Unnamed armed groups found by their wording ("groups affiliated with ..."). */
  groupHead: Head;
  /** The first head of the REF sector: people said to be displaced ("two million people have been displaced"). */
  displacedHead: Head | null;
  /** Back-reference nouns by their key ("command"). */
  backReferences: Map<string, BackReference>;
  /** Single-word lists as sets of token keys. */
  words: Record<WordListName, Set<string>>;
  /** Multi-word entries of the lists, as key sequences, longest first. */
  phrases: Record<WordListName, string[][]>;
  /** Last keys of the `placeIntroducers` phrases ("of" of "town of"): only there can one end. */
  placeIntroducerEnds: Set<string>;
  /** Per token key in some list or starting some phrase: what the parser asks about it (other keys are absent). */
  keyFacts: Map<string, KeyFacts>;
  /** `keyFacts` of the one-character ASCII keys, by character code: punctuation needs no hashing. */
  asciiKeyFacts: readonly (KeyFacts | undefined)[];
}

export interface KeyFacts {
  /** KeyFlag bits of the lists the key belongs to. */
  flags: number;
  /** The trie node of the phrases starting with the key, if any. */
  phrase: TrieNode<Entry> | undefined;
}

/** Turns the merged lexicon files into look-up structures, once per annotator. */
export function compileLexicon(files: readonly LexiconFile[]): CompiledLexicon {
  const trie = new PhraseTrie<Entry>();
  let displacedHead: Head | null = null;
  const countries = new Map<string, CountryInfo>();
  const labels = new Map<string, string>();
  const partnerCodes = new Map<string, string>();
  const backReferences = new Map<string, BackReference>();
  const namedByCode = new Map<string, NamedActor>();
  const words = Object.fromEntries(WORD_LISTS.map((w) => [w, new Set<string>()])) as Record<WordListName, Set<string>>;
  const phrases = Object.fromEntries(WORD_LISTS.map((w) => [w, [] as string[][]])) as Record<WordListName, string[][]>;
  const raw = Object.fromEntries(WORD_LISTS.map((w) => [w, [] as string[]])) as Record<WordListName, string[]>;
  let titleGroups = 0;

  const sameType = (type: Entry['type']) => (e: Entry) => e.type === type;

  for (const file of files) {
    for (const c of file.countries ?? []) {
      countries.set(c.code, { code: c.code, name: c.name, demonym: c.demonyms?.[0] ?? countries.get(c.code)?.demonym ?? null });
      for (const n of [c.name, ...(c.aliases ?? [])]) {
        const abbreviation = /\./.test(n) || (n.length <= 4 && n === n.toUpperCase());
        trie.add(n, { type: 'country', code: c.code, abbreviation }, sameType('country'));
      }
      for (const d of c.demonyms ?? []) trie.add(d, { type: 'demonym', code: c.code }, sameType('demonym'));
      for (const p of c.people ?? []) trie.add(p, { type: 'people', code: c.code }, sameType('people'));
      for (const k of c.capitals ?? []) trie.add(k, { type: 'capital', code: c.code }, sameType('capital'));
      for (const r of c.regions ?? []) trie.add(r, { type: 'region', code: c.code }, sameType('region'));
    }
    for (const a of file.actors ?? []) {
      const actor: NamedActor = { name: a.name, code: a.code, kind: a.kind, country: a.country ?? countryOfCode(a.code, countries) };
      if (a.sharedName) actor.sharedName = true;
      if (!namedByCode.has(a.code)) namedByCode.set(a.code, actor);
      for (const alias of new Set([a.name, ...a.aliases])) trie.add(alias, { type: 'named', actor }, sameType('named'));
    }
    for (const p of file.people ?? []) {
      const person: KnownPerson = { name: p.name, code: p.code, country: p.country ?? countryOfCode(p.code, countries) };
      for (const alias of new Set([p.name, ...(p.aliases ?? [])])) trie.add(alias, { type: 'person', person }, sameType('person'));
    }
    for (const s of file.sectors ?? []) {
      for (const phrase of s.heads) {
        const head: Head = {
          phrase: phraseKeys(phrase).join(' '),
          sector: s.sector,
          kind: s.kind,
          bare: s.bare ?? 'none',
          inherit: s.inherit ?? true,
          anonymous: s.anonymous ?? false,
          adjectival: s.adjectival ?? false,
          voiced: s.voiced ?? false,
          namedOnly: s.namedOnly ?? false,
          nameEnd: s.nameEnd ?? false,
          civilianWhenQualified: s.civilianWhenQualified ?? false,
          plural: /s$/i.test(phrase) && !/(ss|us)$/i.test(phrase),
        };
        trie.add(phrase, { type: 'head', head }, sameType('head'));
        if (s.sector === 'REF') displacedHead ??= head;
      }
    }
    for (const [sector, label] of Object.entries(file.labels ?? {})) labels.set(sector, label);
    for (const b of file.backReferences ?? []) {
      for (const w of b.words) {
        const key = phraseKeys(w).join(' ');
        backReferences.set(key, { word: key, kinds: b.kinds ?? [] });
      }
    }
    if (file.partners) {
      for (const h of file.partners.heads) trie.add(h, { type: 'partner', phrase: h, local: false }, sameType('partner'));
      for (const h of file.partners.local ?? []) trie.add(h, { type: 'partner', phrase: h, local: true }, sameType('partner'));
      for (const [country, code] of Object.entries(file.partners.codes)) partnerCodes.set(country, code);
    }
    for (const g of file.titles ?? []) {
      const group = titleGroups++;
      for (const phrase of g.titles) {
        const title: Title = {
          phrase: phraseKeys(phrase).join(' '),
          sector: g.sector,
          group,
          short: g.short ?? null,
          country: g.country ?? null,
          office: g.office ?? false,
          needsName: g.needsName ?? false,
          needsAnchor: g.needsAnchor ?? false,
        };
        trie.add(phrase, { type: 'title', title }, sameType('title'));
      }
    }
    for (const list of WORD_LISTS) {
      for (const w of file.words?.[list] ?? []) {
        raw[list].push(w);
        const keys = phraseKeys(w);
        if (keys.length === 1) words[list].add(keys[0]!);
        else if (keys.length > 1) phrases[list].push(keys);
      }
    }
  }
  // Word lists that are phrases in the text are matched by the trie.
  for (const h of raw.honorifics) trie.add(h, { type: 'honorific' }, sameType('honorific'));
  for (const w of raw.groupReferences) trie.add(w, { type: 'groupRef' }, sameType('groupRef'));
  for (const w of raw.nonActors) trie.add(w, { type: 'block' }, sameType('block'));
  for (const list of WORD_LISTS) phrases[list].sort((a, b) => b.length - a.length);
  const groupHead: Head = {
    phrase: 'groups', sector: 'REB', kind: 'armed_group', bare: 'sentence', inherit: true, anonymous: false,
    adjectival: false, voiced: false, namedOnly: false, nameEnd: false, civilianWhenQualified: false, plural: true,
  };
  const keyFlags = new Map<string, number>();
  flagKeys(keyFlags, trie.firstKeys(), KeyFlag.phraseStart);
  flagKeys(keyFlags, trie.innerKeys(), KeyFlag.phraseInner);
  flagKeys(keyFlags, backReferences.keys(), KeyFlag.backReference);
  flagKeys(keyFlags, words.groupNouns, KeyFlag.groupNoun);
  flagKeys(keyFlags, words.displacedWords, KeyFlag.displacedWord);
  flagKeys(keyFlags, words.notNames, KeyFlag.notName);
  flagKeys(keyFlags, words.speechVerbs, KeyFlag.speechVerb);
  flagKeys(keyFlags, words.nameParticles, KeyFlag.nameParticle);
  flagKeys(keyFlags, phrases.creditPhrases.map((p) => p[0]!), KeyFlag.creditStart);
  const keyFacts = new Map<string, KeyFacts>();
  for (const [key, flags] of keyFlags) keyFacts.set(key, { flags, phrase: trie.firstNode(key) });
  const asciiKeyFacts = Array.from({ length: 128 }, (_, c) => keyFacts.get(String.fromCharCode(c)));
  const placeIntroducerEnds = new Set(phrases.placeIntroducers.map((p) => p[p.length - 1]!));
  return { trie, countries, labels, partnerCodes, namedByCode, groupHead, displacedHead, backReferences, words, phrases, placeIntroducerEnds, keyFacts, asciiKeyFacts };
}

/** "IRQREB" belongs to Iraq; "ISIS" and "CVL" to no country. */
export function countryOfCode(code: string | null, countries: ReadonlyMap<string, CountryInfo>): string | null {
  if (!code || code.length < 3) return null;
  const head = code.slice(0, 3);
  return countries.has(head) ? head : null;
}
