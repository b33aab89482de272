import { S, S0, H, HS, E, YEAR, NUMBER, k, fixedValue, withDct, lower, isCapitalized, direction, yearOfPhrase, type GrammarKit } from './kit.js';
import { formatYear } from '../calendar.js';
import { expandTwoDigitYear, pickPeriod, pickQuarter, pickSeason, relativeUnitValue, seasonOf, type Direction } from '../resolve.js';

/** Named periods of a year: quarters, halves, seasons, fiscal years. */
export function addPeriodRules(kit: GrammarKit): void {
  const { a, MOD, YEAR_PHRASE, ORDINAL_1_4, MOD_WORDS, ORDINAL_WORDS, lex } = kit;
  const FALL_BEFORE = kit.context('fallBefore');
  const NOT_AFTER_FALL = kit.context('notAfterFall');
  const QUARTER_WHICH = [...ORDINAL_WORDS, 'final', 'last', 'latest', 'current', 'previous', 'past', 'next', 'coming', 'same', 'this', 'opening', 'fiscal'];

  // "the first quarter of 2009", "the fourth quarter", "last quarter", "third-quarter", "Q3 2024".
  kit.rule('quarter', ['the #', ...kit.the(QUARTER_WHICH), NUMBER, ...QUARTER_WHICH, 'q'], `(?:(?:${k('the')}${S})?(?<which>${ORDINAL_1_4}|${k('final', 'last', 'latest', 'current', 'previous', 'past', 'next', 'coming', 'same', 'this', 'opening', 'fiscal')})${S}(?:${k('fiscal', 'financial', 'calendar')}${S})?${k('quarter')}(?:${S}(?:${k('of')}${S})?(?<yr>${YEAR_PHRASE})|${S0},${S0}(?<yr2>${YEAR}))?|(?<adj>${ORDINAL_1_4})${H}${k('quarter')}|Q(?<qn>[1-4])(?:${S}(?<qy>${YEAR}))?)${E}`, (site) => {
    const g = site.groups;
    const which = lower(g.which ?? g.adj);
    const ordinal = lex.ordinals.get(which);
    const q = g.qn ? Number(g.qn) : which === 'final' ? 4 : ordinal;
    if (which === 'final' && !g.yr && !g.yr2) return null;
    const yearText = g.yr ?? g.yr2 ?? g.qy;
    if (q !== undefined && q > 4) return null;
    if (q === undefined && ['same', 'fiscal', 'opening'].includes(which)) return null;
    return {
      type: 'DATE',
      value: (ctx) => {
        if (yearText) {
          const y = yearOfPhrase(yearText, ctx);
          return y === null || q === undefined ? null : `${formatYear(y)}-Q${q}`;
        }
        if (!ctx.dct) return null;
        if (q !== undefined) return pickQuarter(ctx.dct, q, direction(ctx));
        const offset = ['last', 'latest', 'previous', 'past'].includes(which) ? -1 : ['next', 'coming'].includes(which) ? 1 : 0;
        return relativeUnitValue(ctx.dct, 'quarter', offset);
      },
    };
  }, kit.within(['quarter', 'quarters', 'q'], 4));

  // "the first half of 2009", "the second half of this year".
  kit.rule('half', ['the #', 'the first', 'the second', 'the latter', NUMBER, 'first', 'second', 'latter'], `(?:(?<the>${k('the')})${S})?(?<h>${k('first', 'second', '1st', '2nd', 'latter')})${HS}${k('half')}(?:${S}${k('of')}${S}(?<yr>${YEAR_PHRASE}))?${E}`, (site) => {
    const n = lower(site.groups.h) === 'first' || lower(site.groups.h) === '1st' ? 1 : 2;
    const yearText = site.groups.yr;
    // Without a year, "the second half" counts only when it cannot be half of something else.
    if (!yearText && (site.next() === 'of' || (!site.groups.the && !/[-‐‑]/.test(site.text)))) return null;
    return {
      type: 'DATE',
      value: (ctx) => {
        if (yearText) { const y = yearOfPhrase(yearText, ctx); return y === null ? null : `${formatYear(y)}-H${n}`; }
        if (!ctx.dct) return null;
        const index = pickPeriod(ctx.dct.y * 2 + (ctx.dct.m > 6 ? 1 : 0), ctx.dct.y * 2 + n - 1, 2, direction(ctx));
        return `${formatYear(Math.floor(index / 2))}-H${(index % 2) + 1}`;
      },
    };
  }, kit.within(['half'], 3));

  // "spring", "last summer", "the fall of 2019", "winter 2020".
  kit.rule('season', [...MOD_WORDS, 'this', 'last', 'next', 'past', 'coming', ...kit.the(['past', 'coming']), ...kit.the(lex.seasons.keys()), ...lex.seasons.keys()], `${MOD}(?:(?<rel>${k('this past', 'this coming', 'this', 'last', 'next', 'the', 'past', 'coming')})${S})?(?<season>${a.season})(?:${S}(?:${k('of')}${S})?(?<year>${YEAR}))?${E}`, (site) => {
    const g = site.groups;
    const raw = g.season ?? '';
    const code = lex.seasons.get(raw.toLowerCase());
    if (!code) return null;
    const rel = lower(g.rel);
    // "the fall of Mosul", "a fall in prices": the season needs a calendar word around it.
    if (raw.toLowerCase() === 'fall' && !g.year && !g.mod && !['this', 'last', 'next', 'past', 'coming', 'this past', 'this coming'].includes(rel)) {
      const prev = site.prev() ?? '';
      if (!FALL_BEFORE.has(prev) || NOT_AFTER_FALL.has(site.next() ?? '')) return null;
    }
    // "the Arab Spring", "Palm Springs": a capitalized season after a capitalized word is a name.
    if (isCapitalized(raw) && !g.rel && !g.mod && !site.atSentenceStart && isCapitalized(site.prevRaw())) return null;
    if (g.year) return { type: 'DATE', value: fixedValue(seasonOf(Number(g.year), code)) };
    if (rel === 'this') return { type: 'DATE', value: withDct((dct) => seasonOf(dct.m <= 2 && code === 'WI' ? dct.y - 1 : dct.y, code)) };
    const dir: Direction | 'tense' = rel === 'last' || rel === 'past' || rel === 'this past' ? 'last' : rel === 'next' || rel === 'coming' || rel === 'this coming' ? 'next' : 'tense';
    return { type: 'DATE', value: withDct((dct, ctx) => pickSeason(dct, code, dir === 'tense' ? direction(ctx) : dir)) };
  }, kit.within(lex.seasons.keys(), 4));

  // "fiscal 2008", "FY2007".
  kit.rule('fiscal', ['fiscal', 'financial', 'fy'], `(?:${k('fiscal', 'financial')}${S}(?:${k('year')}${S})?(?<y>${YEAR}|['’]?\\d\\d)|FY${S0}['’]?(?<y2>${YEAR}|\\d\\d))${E}`, (site) => {
    const raw = (site.groups.y ?? site.groups.y2 ?? '').replace(/['’]/g, '');
    return { type: 'DATE', value: (ctx) => `FY${raw.length === 4 ? raw : formatYear(expandTwoDigitYear(Number(raw), ctx.dct))}` };
  });
}
