import { S, S0, HS, E, DAY, YEAR, NUMBER, APOSTROPHE, k, fixedValue, withDct, dayValue, lower, isCapitalized, direction, monthNumber, yearOfPhrase, type GrammarKit } from './kit.js';
import { addDays, daysInMonth, formatDay, formatMonth, formatWeek, formatYear, isValidDay, weekday as weekdayOf, type Day } from '../calendar.js';
import { expandTwoDigitYear, pickMonth, pickMonthDay, type Direction } from '../resolve.js';
import { parseDayNumber } from '../numbers.js';
import type { TimesLexicon } from '../lexicon.js';
import type { Site } from '../types.js';

/**
 * Calendar dates: month and day, month and year, years, decades, centuries, numeric dates,
 * holidays, "the last week of March".
 */
export function addCalendarDateRules(kit: GrammarKit): void {
  const { a, MOD, YEAR_PHRASE, MOD_WORDS, MONTHS, WEEKDAYS, ORDINAL_WORDS, DECADE_WORDS, lex } = kit;

  // "June 30, 2019", "Dec. 28", "Friday, December 27th".
  kit.rule('month-day', [...MOD_WORDS, ...WEEKDAYS, ...MONTHS], `${MOD}(?:(?<wd>${a.weekday})${S0},?${S0})?(?<month>${a.month})${S0}(?<day>${DAY})(?:(?:${S0},${S0}|${S})(?<year>${YEAR}))?${E}`, (site) => {
    const m = monthNumber(site.groups.month, lex);
    const d = parseDayNumber(site.groups.day ?? '', lex);
    if (!m || !d || d > 31) return null;
    if (site.groups.year) {
      const y = Number(site.groups.year);
      return isValidDay(y, m, d) ? { type: 'DATE', value: fixedValue(formatDay({ y, m, d })) } : null;
    }
    return { type: 'DATE', value: withDct((dct, ctx) => dayValue(pickMonthDay(dct, m, d, direction(ctx)))) };
  }, kit.within(MONTHS, 4));

  // "11 December 2009", "the 11th of December".
  kit.rule('day-month', [...WEEKDAYS, 'the #', ...kit.the(ORDINAL_WORDS), NUMBER, ...ORDINAL_WORDS], `(?:(?<wd>${a.weekday})${S0},?${S0})?(?:(?<the>${k('the')})${S})?(?<day>${DAY}|${a.ordinal})${S}(?:(?<of>${k('of')})${S})?(?<month>${a.month})(?:,?${S}(?<year>${YEAR}))?${E}`, (site) => {
    const m = monthNumber(site.groups.month, lex);
    const rawDay = site.groups.day ?? '';
    if (!/^\d/.test(rawDay) && !site.groups.of) return null;
    const d = parseDayNumber(rawDay, lex);
    if (!m || !d || d > 31) return null;
    if (site.groups.year) {
      const y = Number(site.groups.year);
      return isValidDay(y, m, d) ? { type: 'DATE', value: fixedValue(formatDay({ y, m, d })) } : null;
    }
    return { type: 'DATE', value: withDct((dct, ctx) => dayValue(pickMonthDay(dct, m, d, direction(ctx)))) };
  }, kit.within(MONTHS, 5));

  // "September 2025", "May of 2008", "Oct '08".
  kit.rule('month-year', [...MOD_WORDS, ...MONTHS], `${MOD}(?<month>${a.month})(?:${S}(?:${k('of')}${S})?(?<year>${YEAR})|${S0}['’](?<yy>\\d\\d)|${S}(?:${k('of')}${S})?(?<yp>${YEAR_PHRASE}))${E}`, (site) => {
    const m = monthNumber(site.groups.month, lex);
    if (!m) return null;
    if (site.groups.year) return { type: 'DATE', value: fixedValue(formatMonth(Number(site.groups.year), m)) };
    const phrase = site.groups.yp;
    if (phrase) return { type: 'DATE', value: (ctx) => { const y = yearOfPhrase(phrase, ctx); return y === null ? null : formatMonth(y, m); } };
    const yy = Number(site.groups.yy);
    return { type: 'DATE', value: (ctx) => formatMonth(expandTwoDigitYear(yy, ctx.dct), m) };
  }, kit.within(MONTHS, 4));

  // "April", "in February", "early June".
  kit.rule('month', [...MOD_WORDS, 'this', 'last', 'next', 'past', 'coming', ...MONTHS], `${MOD}(?:(?<rel>${k('this past', 'this coming', 'this', 'last', 'next', 'past', 'coming')})${S})?(?<month>${a.month})${E}`, (site) => {
    const raw = site.groups.month ?? '';
    const m = monthNumber(raw, lex);
    if (!m) return null;
    const word = raw.toLowerCase().replace(/\.$/, '');
    const rel = lower(site.groups.rel);
    const cued = !!site.groups.mod || !!rel || lex.ambiguousMonthCues.has(site.prev() ?? '');
    if (!cued && (lex.ambiguousMonths.has(word) || raw.endsWith('.'))) return null;
    // "April Glaspie", "June Carter": a capitalized word after a bare month makes it a name.
    if (!cued && isCapitalized(site.nextRaw()) && !lex.weekdays.has(site.next() ?? '')) return null;
    const fixedDir: Direction | undefined = ['last', 'past', 'this past'].includes(rel) ? 'last' : ['next', 'coming', 'this coming'].includes(rel) ? 'next' : undefined;
    return {
      type: 'DATE',
      value: withDct((dct, ctx) => {
        if (rel === 'this') return formatMonth(dct.y, m);
        const p = pickMonth(dct, m, fixedDir ?? direction(ctx));
        return formatMonth(p.y, p.m);
      }),
    };
  }, kit.within(MONTHS, 4));

  // "2014", "by 2026", "mid-2025", "the 2008 Olympics".
  kit.rule('year', [...MOD_WORDS, NUMBER], `${MOD}(?<year>${YEAR})${E}`, (site) => {
    const y = Number(site.groups.year);
    if (!isYear(site, y, lex)) return null;
    return { type: 'DATE', value: fixedValue(formatYear(y)) };
  }, kit.within([NUMBER], 4), kit.figure([4]));

  // "since '82".
  kit.rule('short-year', [APOSTROPHE], `['’](?<yy>\\d\\d)${E}`, (site) => {
    if (!lex.yearContextWords.has(site.prev() ?? '') || site.after === 's') return null;
    const yy = Number(site.groups.yy);
    return { type: 'DATE', value: (ctx) => formatYear(expandTwoDigitYear(yy, ctx.dct)) };
  });

  // "the 1990s", "the '90s", "the early 2000s", "the nineties".
  kit.rule('decade', ['the #', `the ${APOSTROPHE}`, ...kit.the(lex.decadeWords.keys()), ...MOD_WORDS, NUMBER, APOSTROPHE, ...kit.words(lex.decadeWords.keys())], `(?:(?<the>${k('the')})${S})?${MOD}(?:(?<d4>\\d{3}0)['’]?s|['’](?<d2>\\d0)['’]?s|(?<d2b>\\d0)['’]?s|(?<dw>${a.decadeWord}))${E}`, (site) => {
    const g = site.groups;
    if (lex.agePossessives.has(site.prev() ?? '')) return null;
    if ((g.dw || g.d2b) && !g.the && !g.mod && !['and', 'or', 'to', '-', 'through'].includes(site.prev() ?? '')) return null;
    if (['percent', '%', 'degrees'].includes(site.next() ?? '')) return null;
    let value: string;
    if (g.d4) value = g.d4.slice(0, 3);
    else if (g.dw) value = `19${lex.decadeWords.get(g.dw.toLowerCase())}`;
    else {
      const two = (g.d2 ?? g.d2b)!;
      value = two === '00' ? '200' : two === '10' ? '201' : `19${two[0]}`;
    }
    return { type: 'DATE', value: fixedValue(value) };
  }, kit.within([NUMBER, APOSTROPHE, ...DECADE_WORDS], 4), kit.figure([2, 4], "'’s"));

  // "the 20th century", "the twenty-first century".
  kit.rule('century', ['the #', ...kit.the(ORDINAL_WORDS), ...MOD_WORDS, NUMBER, ...ORDINAL_WORDS], `(?:${k('the')}${S})?${MOD}(?<ord>${a.ordinal})${HS}${k('century')}${E}`, (site) => {
    const n = lex.ordinals.get(lower(site.groups.ord));
    if (!n) return null;
    return { type: 'DATE', value: fixedValue(String(n - 1).padStart(2, '0')) };
  }, kit.within(['century'], 5));

  // "the last week of March", "the first week of 2020": the ISO week whose Thursday lies at that end.
  kit.rule('week-of', kit.the(['first', 'last', 'final', 'second', 'third', 'fourth']), `${k('the')}${S}(?<which>${k('first', 'last', 'final', 'second', 'third', 'fourth')})${S}${k('week')}${S}${k('of')}${S}(?:(?<month>${a.month})(?:${S}(?<year>${YEAR}))?|(?<yearOnly>${YEAR}))${E}`, (site) => {
    const g = site.groups;
    const m = monthNumber(g.month, lex);
    const which = lower(g.which);
    const n = which === 'last' || which === 'final' ? -1 : lex.ordinals.get(which) ?? 1;
    const fixedYear = g.year ?? g.yearOnly;
    return {
      type: 'DATE',
      value: (ctx) => {
        let y: number;
        let month: number;
        if (m) {
          if (fixedYear) y = Number(fixedYear);
          else if (ctx.dct) y = pickMonth(ctx.dct, m, direction(ctx)).y;
          else return null;
          month = m;
        } else {
          y = Number(fixedYear);
          month = n < 0 ? 12 : 1;
        }
        const thursday = n < 0 ? lastThursday(y, m ? month : 12) : addDays(firstThursday(y, m ? month : 1), 7 * (n - 1));
        return formatWeek(thursday);
      },
    };
  }, kit.within(['week'], 3));

  // "7/8/07", "12/11/2022", "2022-12-11".
  kit.rule('numeric-date', [NUMBER], `(?:(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12]\\d|0?[1-9])/(?<y>${YEAR}|\\d\\d)|(?<iy>${YEAR})-(?<im>1[0-2]|0[1-9])-(?<id>3[01]|[12]\\d|0[1-9]))${E}`, (site) => {
    const g = site.groups;
    const m = Number(g.m ?? g.im);
    const d = Number(g.d ?? g.id);
    const rawYear = g.y ?? g.iy ?? '';
    return {
      type: 'DATE',
      value: (ctx) => {
        const y = rawYear.length === 4 ? Number(rawYear) : expandTwoDigitYear(Number(rawYear), ctx.dct);
        return isValidDay(y, m, d) ? formatDay({ y, m, d }) : null;
      },
    };
  }, undefined, kit.figure([1, 2, 4], '/-'));

  // "Christmas", "New Year's Day 2020".
  kit.rule('holiday', [...MOD_WORDS, ...kit.words(lex.holidays.keys())], `${MOD}(?<hol>${a.holiday})(?:${S}(?<year>${YEAR}))?${E}`, (site) => {
    const md = lex.holidays.get(lower(site.groups.hol));
    if (!md) return null;
    const [m, d] = md.split('-').map(Number) as [number, number];
    if (site.groups.year) return { type: 'DATE', value: fixedValue(formatDay({ y: Number(site.groups.year), m, d })) };
    return { type: 'DATE', value: withDct((dct, ctx) => dayValue(pickMonthDay(dct, m, d, direction(ctx)))) };
  }, kit.within(kit.words(lex.holidays.keys()), 5));
}

/** Whether a four-digit number is a year rather than a count, an address or a model number. */
function isYear(site: Site, y: number, lex: TimesLexicon): boolean {
  if (y < 1000 || y > 2199) return false;
  const prev = site.prev() ?? '';
  const prevRaw = site.prevRaw() ?? '';
  if (['$', '€', '£', '#', 'US$', 'A$', 'C$'].includes(prevRaw) || /[$€£]$/.test(prevRaw)) return false;
  if (site.after === '%' || site.after === ',' && /^\d/.test(site.nextRaw(2) ?? '')) return false;
  // "the 2000-metre race", "a 1500-strong force" (but "the 2003-era rules" is a year).
  if (/^[-‐‑]/.test(site.after) && /^\p{Ll}/u.test(site.nextRaw(2) ?? '') && site.nextRaw(2) !== 'era') return false;
  const next = site.next() ?? '';
  if (lex.afterYearNotYear.has(next)) return false;
  if (['hours', 'hrs', 'gmt', 'utc', 'local', 'zulu'].includes(next)) return false;
  const context = !!site.groups.mod || lex.yearContextWords.has(prev);
  // "the Russell 2000 Index", "Vision 2030 Plan": a number inside a name.
  if (!context && isCapitalized(prevRaw) && isCapitalized(site.nextRaw()) && !lex.months.has(next)) return false;
  if (!context && lex.beforeYearNotYear.has(prev)) return false;
  if (!context && (y < 1900 || y > 2100)) return false;
  return true;
}

function firstThursday(y: number, m: number): Day {
  const first = { y, m, d: 1 };
  return addDays(first, (4 - weekdayOf(first) + 7) % 7);
}

function lastThursday(y: number, m: number): Day {
  const last = { y, m, d: daysInMonth(y, m) };
  return addDays(last, -((weekdayOf(last) - 4 + 7) % 7));
}
