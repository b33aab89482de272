import type { Body, PersonCandidate, SectorCandidate } from './candidates.js';
import type { CompiledLexicon } from './compile.js';
import type { ActorKind } from './lexicon-schema.js';
import type { ArticleContext } from './article-context.js';

export interface Coded {
  code: string | null;
  country: string | null;
  kind: ActorKind;
  /** The code is a named body's own ("Coalition forces" = the coalition). */
  inheritedFrom: string | null;
}

const SECTOR_KINDS: Record<string, ActorKind> = {
  GOV: 'government', LEG: 'government', JUD: 'government', MIL: 'military', SPY: 'military', COP: 'police',
  REB: 'armed_group', CVL: 'civilians', REF: 'civilians', MED: 'media',
};

export const kindOfSector = (sector: string, fallback: ActorKind): ActorKind => (sector === '' ? 'state' : SECTOR_KINDS[sector] ?? fallback);

/** Sectors of the state itself, which a "local" qualifier places in the article's country; civilians keep no country. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'LEG', 'JUD', 'SPY']);

const join = (country: string | null, sector: string): string | null => (country ? country + sector : sector || null);

/**
 * The code of a noun phrase: a named body's own code for its members and forces; its
 * country's sector for its reporters; the country + the head's sector after a nationality;
 * and, with no modifier, what the head means alone (`bare` in sectors.json).
 */
export function codeSector(c: SectorCandidate, ctx: ArticleContext, sentencePlaces: readonly string[]): Coded {
  const head = c.head;
  if (c.named) {
    if (head.inherit || head.namedOnly) return { code: c.named.code, country: c.named.country, kind: c.named.kind, inheritedFrom: c.named.name };
    return { code: join(c.named.country, head.sector), country: c.named.country, kind: kindOfSector(head.sector, head.kind), inheritedFrom: null };
  }
  const country = c.country ?? c.person?.country ?? null;
  if (country) {
    let sector = head.sector;
    if (c.nationals) sector = 'CVL';
    else if (head.voiced) sector = ctx.militaryVoice ? 'MIL' : '';
    else if (head.civilianWhenQualified && c.civilian) sector = 'CVL';
    return { code: country + sector, country, kind: kindOfSector(sector, head.kind), inheritedFrom: null };
  }
  if (head.voiced) return { code: null, country: null, kind: head.kind, inheritedFrom: null };
  // "local officials said" in a report from Nigeria: the officials are Nigeria's.
  if (c.local && STATE_SECTORS.has(head.sector)) {
    const where = sentencePlaces[0] ?? ctx.setting;
    if (where) return { code: where + head.sector, country: where, kind: kindOfSector(head.sector, head.kind), inheritedFrom: null };
  }
  let where: string | null = null;
  switch (head.bare) {
    case 'none':
      return { code: null, country: null, kind: head.kind, inheritedFrom: null };
    case 'sector':
      return { code: head.sector || null, country: null, kind: kindOfSector(head.sector, head.kind), inheritedFrom: null };
    case 'place':
      where = ctx.mainPlace ?? ctx.home;
      break;
    case 'home':
      where = ctx.home ?? ctx.mainPlace;
      break;
    case 'sentence':
      // Unnamed armed groups belong where they are, never by default to the article's own country.
      where = sentencePlaces[0] ?? countryBefore(ctx, c.sentence, c.token, ctx.publisherKnown ? ctx.home : null) ?? ctx.mainPlace;
      break;
  }
  return { code: where ? where + head.sector : null, country: where, kind: kindOfSector(head.sector, head.kind), inheritedFrom: null };
}

/** The country written last before `token` in the sentence, other than `except` ("the Sudanese government and the rebels"). */
function countryBefore(ctx: ArticleContext, sentence: number, token: number, except: string | null): string | null {
  let found: string | null = null;
  for (const c of ctx.countries) {
    if (c.sentence > sentence || (c.sentence === sentence && c.token >= token)) break;
    if (c.sentence === sentence && c.country !== except) found = c.country;
  }
  return found;
}

/** The code of the body written before a title or after "of": a named body's own, or its country's sector. */
export function codeBody(body: Body, titleSector: string): string | null {
  if (body.named) return body.named.code;
  if (!body.country) return null;
  return body.country + (body.head && body.head.sector !== '' ? body.head.sector : titleSector);
}

/**
 * A person's code from what this mention says: the first body before the title, else the
 * title's own country ("Secretary of State"). Null when only the title's sector is known.
 */
export function codePersonMention(p: PersonCandidate): string | null {
  const sector = p.titles[0]?.sector ?? 'GOV';
  for (const b of p.bodies) {
    const code = codeBody(b, sector);
    if (code) return code;
  }
  const fixed = p.titles.find((t) => t.country);
  return fixed ? fixed.country! + fixed.sector : null;
}

/**
 * With nothing better, a titled person acts for the country the article speaks for
 * ("Spokesperson Matthew Miller" in a State Department readout); in a report from no known
 * publisher, for the country written last before the title in the sentence ("troops from
 * Chad unless President Goukouni Oueddei ..."), else the one the article names most, else
 * the one it is set in.
 */
export function codeByHome(p: PersonCandidate, ctx: ArticleContext): string | null {
  const t = p.titles[0];
  if (!t) return null;
  let country = ctx.publisherKnown ? ctx.home : countryBefore(ctx, p.sentence, p.token, null);
  // "Governor Amina Bello" in a report set in Nigeria, with no nationality anywhere.
  country ??= ctx.home ?? ctx.setting;
  return country ? country + t.sector : null;
}

/** "Iraqi armed forces", "American civilians", "Iraq" — a readable name for a coded group. */
export function sectorName(code: string | null, country: string | null, lex: CompiledLexicon): string {
  if (!code) return 'unidentified';
  const info = country ? lex.countries.get(country) : undefined;
  const sector = country ? code.slice(country.length) : code;
  if (!info) return lex.labels.get(sector) ?? code;
  if (sector === '') return info.name;
  return `${info.demonym ?? info.name} ${lex.labels.get(sector) ?? sector}`;
}
