import { alternation, type TimesLexicon, type UnitEntry } from './lexicon.js';
import { PAIR_HEADS } from './scanner.js';
import type { Reading, ResolveContext, Rule, Site } from './types.js';
import { parseAmount, parseDayNumber, type Amount } from './numbers.js';
import {
  addDays, dayOfValue, daysInMonth, formatDay, formatMonth, formatWeek, formatYear, isValidDay, weekday as weekdayOf, type Day,
} from './calendar.js';
import {
  agoValue, durationValue, expandTwoDigitYear, pickMonth, pickMonthDay, pickQuarter, pickSeason, pickWeekday,
  relativeUnitValue, seasonOf, type Direction,
} from './resolve.js';

/**
 * The TimeML grammar: one rule per kind of expression, each a pattern built from the lexicon
 * and a normalization function (HeidelTime-style). The scanner runs all patterns at once and
 * keeps the longest match a rule accepts. Spans follow TimeBank: prepositions ("on", "by",
 * "in") stay outside, "the" and modifiers ("early", "almost") stay inside.
 */

const S = '[ \\t\\u00a0]+';
const S0 = '[ \\t\\u00a0]*';
const H = '[-‐‑]';
const HS = `(?:${H}|${S})`;
const E = '(?![\\p{L}\\p{N}])';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const YEAR = '\\d{4}';

/** Case-insensitive alternation of grammar words. */
const k = (...words: string[]) => alternation(words, 'any');

const fixedValue = (value: string) => () => value;
const withDct = (fn: (dct: Day, ctx: ResolveContext) => string | null) => (ctx: ResolveContext) => (ctx.dct ? fn(ctx.dct, ctx) : null);

const lower = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[‐‑]/g, '-').replace(/’/g, "'");
const isCapitalized = (s: string | undefined) => !!s && /^\p{Lu}/u.test(s);

/** What the clause's tense makes of a calendar name with no "last"/"next". */
function direction(ctx: ResolveContext): Direction {
  return ctx.tense();
}

function monthNumber(raw: string | undefined, lex: TimesLexicon): number | undefined {
  return raw ? lex.months.get(raw.toLowerCase().replace(/\.$/, '')) : undefined;
}

function unitOf(raw: string | undefined, lex: TimesLexicon): UnitEntry | undefined {
  return raw ? lex.units.get(lower(raw)) : undefined;
}

/** The year of "of 2009", "of last year", "of the previous year" after a quarter or half. */
function yearOfPhrase(raw: string, ctx: ResolveContext): number | null {
  const s = lower(raw);
  const digits = /(\d{4})/.exec(s);
  if (digits) return Number(digits[1]);
  const ref = ctx.referenceYear();
  if (/^this year$|^the (?:current )?year$/.test(s)) return ctx.dct?.y ?? null;
  if (s === 'last year') return ctx.dct ? ctx.dct.y - 1 : null;
  if (s === 'next year') return ctx.dct ? ctx.dct.y + 1 : null;
  if (/^the (?:previous|prior) year$/.test(s)) return ref === null ? null : ref - 1;
  if (/^the following year$/.test(s)) return ref === null ? null : ref + 1;
  if (/^the same year$/.test(s)) return ref;
  return null;
}

function firstThursday(y: number, m: number): Day {
  const first = { y, m, d: 1 };
  return addDays(first, (4 - weekdayOf(first) + 7) % 7);
}

function lastThursday(y: number, m: number): Day {
  const last = { y, m, d: daysInMonth(y, m) };
  return addDays(last, -((weekdayOf(last) - 4 + 7) % 7));
}

/** The words a rule can begin with, as the scanner looks them up ("the end of" -> "the end"). */
export function startKeyOf(phrase: string): string {
  const parts = phrase.toLowerCase().split(/[ \-‐‑]+/);
  return PAIR_HEADS.has(parts[0]!) && parts[1] ? `${parts[0]} ${parts[1]}` : parts[0]!;
}

/** The start key of a token that is a figure, and of an apostrophe ("'82", "the '90s"). */
export const NUMBER = '#';
export const APOSTROPHE = "'";

const dayValue = (day: Day | null) => (day ? formatDay(day) : null);

export function buildRules(lex: TimesLexicon): Rule[] {
  const a = lex.alt;
  const MOD = `(?:(?<mod>${a.modifier})(?:${H}|${S}))?`;
  const AMOUNT = `(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|${a.numberWord}(?:${S}${k('and a half')})?|${a.vague}|${k('a', 'an')})`;
  const POD = k('morning', 'afternoon', 'evening', 'night', 'overnight');
  const MONTH_DAY = `${a.month}${S0}${DAY}(?:,?${S}${YEAR})?`;
  const DAY_MONTH = `${DAY}${S}${a.month}(?:,?${S}${YEAR})?`;
  const DATE_REF = `(?:${a.deicticDay}|${k('tonight')}|(?:${a.weekday}${S0},?${S0})?(?:${MONTH_DAY}|${DAY_MONTH})|${a.weekday})`;
  const YEAR_PHRASE = `(?:${YEAR}|${k('this year', 'last year', 'next year', 'the year', 'the current year', 'the previous year', 'the prior year', 'the following year', 'the same year')}|${k('fiscal')}${S}(?:${k('year')}${S})?${YEAR})`;
  const ORDINAL_1_4 = k('first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th');

  // The words each rule can begin with (NUMBER for a figure; two words after "the", "a",
  // "that"): the scanner tries a rule only where its sentence has them, which keeps it fast.
  const words = (list: Iterable<string>) => [...list].map(startKeyOf);
  const the = (list: Iterable<string>) => [...list].map((w) => `the ${startKeyOf(w)}`);
  const MOD_WORDS = words(lex.knowledge.modifiers.list);
  const MONTHS = [...lex.months.keys()];
  const WEEKDAYS = [...lex.weekdays.keys()];
  const NUMBER_WORDS = words([...lex.numberWords.keys(), ...lex.tens.keys()].filter((w) => w !== 'a' && w !== 'an'));
  const UNIT_WORDS = [...lex.units.keys()];
  const AFTER_A = [...UNIT_WORDS, ...words(lex.vagueAmounts).map((w) => w.split(' ')[1] ?? w), 'few', 'couple', 'number', 'dozen', 'half', 'hundred', 'thousand'];
  const A_WORDS = AFTER_A.flatMap((w) => [`a ${w}`, `an ${w}`]);
  const AMOUNT_WORDS = [NUMBER, ...NUMBER_WORDS, ...words(lex.vagueAmounts), ...A_WORDS];
  const ORDINAL_WORDS = words(lex.ordinals.keys());
  const POD_WORDS = words(lex.partsOfDay.keys());
  const PERIOD_RELS = ['past', 'last', 'next', 'coming', 'previous', 'following', 'preceding', 'first', 'final', 'remaining', 'recent', 'most', 'upcoming', 'ensuing'];
  const QUARTER_WHICH = [...ORDINAL_WORDS, 'final', 'last', 'latest', 'current', 'previous', 'past', 'next', 'coming', 'same', 'this', 'opening', 'fiscal'];

  const rules: Rule[] = [];
  const rule = (name: string, starts: string[], source: string, read: Rule['read']) => rules.push({ name, starts: [...new Set(starts)], source, read });

  // "June 30, 2019", "Dec. 28", "Friday, December 27th".
  rule('month-day', [...MOD_WORDS, ...WEEKDAYS, ...MONTHS], `${MOD}(?:(?<wd>${a.weekday})${S0},?${S0})?(?<month>${a.month})${S0}(?<day>${DAY})(?:(?:${S0},${S0}|${S})(?<year>${YEAR}))?${E}`, (site) => {
    const m = monthNumber(site.groups.month, lex);
    const d = parseDayNumber(site.groups.day ?? '', lex);
    if (!m || !d || d > 31) return null;
    if (site.groups.year) {
      const y = Number(site.groups.year);
      return isValidDay(y, m, d) ? { type: 'DATE', value: fixedValue(formatDay({ y, m, d })) } : null;
    }
    return { type: 'DATE', value: withDct((dct, ctx) => dayValue(pickMonthDay(dct, m, d, direction(ctx)))) };
  });

  // "11 December 2009", "the 11th of December".
  rule('day-month', [...WEEKDAYS, 'the #', ...the(ORDINAL_WORDS), NUMBER, ...ORDINAL_WORDS], `(?:(?<wd>${a.weekday})${S0},?${S0})?(?:(?<the>${k('the')})${S})?(?<day>${DAY}|${a.ordinal})${S}(?:(?<of>${k('of')})${S})?(?<month>${a.month})(?:,?${S}(?<year>${YEAR}))?${E}`, (site) => {
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
  });

  // "September 2025", "May of 2008", "Oct '08".
  rule('month-year', [...MOD_WORDS, ...MONTHS], `${MOD}(?<month>${a.month})(?:${S}(?:${k('of')}${S})?(?<year>${YEAR})|${S0}['’](?<yy>\\d\\d)|${S}(?:${k('of')}${S})?(?<yp>${YEAR_PHRASE}))${E}`, (site) => {
    const m = monthNumber(site.groups.month, lex);
    if (!m) return null;
    if (site.groups.year) return { type: 'DATE', value: fixedValue(formatMonth(Number(site.groups.year), m)) };
    const phrase = site.groups.yp;
    if (phrase) return { type: 'DATE', value: (ctx) => { const y = yearOfPhrase(phrase, ctx); return y === null ? null : formatMonth(y, m); } };
    const yy = Number(site.groups.yy);
    return { type: 'DATE', value: (ctx) => formatMonth(expandTwoDigitYear(yy, ctx.dct), m) };
  });

  // "April", "in February", "early June".
  rule('month', [...MOD_WORDS, 'this', 'last', 'next', 'past', 'coming', ...MONTHS], `${MOD}(?:(?<rel>${k('this past', 'this coming', 'this', 'last', 'next', 'past', 'coming')})${S})?(?<month>${a.month})${E}`, (site) => {
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
  });

  // "2014", "by 2026", "mid-2025", "the 2008 Olympics".
  rule('year', [...MOD_WORDS, NUMBER], `${MOD}(?<year>${YEAR})${E}`, (site) => {
    const y = Number(site.groups.year);
    if (!isYear(site, y, lex)) return null;
    return { type: 'DATE', value: fixedValue(formatYear(y)) };
  });

  // "since '82".
  rule('short-year', [APOSTROPHE], `['’](?<yy>\\d\\d)${E}`, (site) => {
    if (!lex.yearContextWords.has(site.prev() ?? '') || site.after === 's') return null;
    const yy = Number(site.groups.yy);
    return { type: 'DATE', value: (ctx) => formatYear(expandTwoDigitYear(yy, ctx.dct)) };
  });

  // "the 1990s", "the '90s", "the early 2000s", "the nineties".
  rule('decade', ['the #', `the ${APOSTROPHE}`, ...the(lex.decadeWords.keys()), ...MOD_WORDS, NUMBER, APOSTROPHE, ...words(lex.decadeWords.keys())], `(?:(?<the>${k('the')})${S})?${MOD}(?:(?<d4>\\d{3}0)['’]?s|['’](?<d2>\\d0)['’]?s|(?<d2b>\\d0)['’]?s|(?<dw>${a.decadeWord}))${E}`, (site) => {
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
  });

  // "the 20th century", "the twenty-first century".
  rule('century', ['the #', ...the(ORDINAL_WORDS), ...MOD_WORDS, NUMBER, ...ORDINAL_WORDS], `(?:${k('the')}${S})?${MOD}(?<ord>${a.ordinal})${HS}${k('century')}${E}`, (site) => {
    const n = lex.ordinals.get(lower(site.groups.ord));
    if (!n) return null;
    return { type: 'DATE', value: fixedValue(String(n - 1).padStart(2, '0')) };
  });

  // "the first quarter of 2009", "the fourth quarter", "last quarter", "third-quarter", "Q3 2024".
  rule('quarter', ['the #', ...the(QUARTER_WHICH), NUMBER, ...QUARTER_WHICH, 'q'], `(?:(?:${k('the')}${S})?(?<which>${ORDINAL_1_4}|${k('final', 'last', 'latest', 'current', 'previous', 'past', 'next', 'coming', 'same', 'this', 'opening', 'fiscal')})${S}(?:${k('fiscal', 'financial', 'calendar')}${S})?${k('quarter')}(?:${S}(?:${k('of')}${S})?(?<yr>${YEAR_PHRASE})|${S0},${S0}(?<yr2>${YEAR}))?|(?<adj>${ORDINAL_1_4})${H}${k('quarter')}|Q(?<qn>[1-4])(?:${S}(?<qy>${YEAR}))?)${E}`, (site) => {
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
  });

  // "the first half of 2009", "the second half of this year".
  rule('half', ['the #', 'the first', 'the second', 'the latter', NUMBER, 'first', 'second', 'latter'], `(?:${k('the')}${S})?(?<h>${k('first', 'second', '1st', '2nd', 'latter')})${S}${k('half')}${S}${k('of')}${S}(?<yr>${YEAR_PHRASE})${E}`, (site) => {
    const n = lower(site.groups.h) === 'first' || lower(site.groups.h) === '1st' ? 1 : 2;
    const yearText = site.groups.yr!;
    return { type: 'DATE', value: (ctx) => { const y = yearOfPhrase(yearText, ctx); return y === null ? null : `${formatYear(y)}-H${n}`; } };
  });

  // "spring", "last summer", "the fall of 2019", "winter 2020".
  rule('season', [...MOD_WORDS, 'this', 'last', 'next', 'past', 'coming', ...the(['past', 'coming']), ...the(lex.seasons.keys()), ...lex.seasons.keys()], `${MOD}(?:(?<rel>${k('this past', 'this coming', 'this', 'last', 'next', 'the', 'past', 'coming')})${S})?(?<season>${a.season})(?:${S}(?:${k('of')}${S})?(?<year>${YEAR}))?${E}`, (site) => {
    const g = site.groups;
    const raw = g.season ?? '';
    const code = lex.seasons.get(raw.toLowerCase());
    if (!code) return null;
    const rel = lower(g.rel);
    if (raw.toLowerCase() === 'fall' && !g.rel && !g.year && !g.mod && !['in', 'during', 'by', 'since', 'until', 'of', 'this', 'last', 'next'].includes(site.prev() ?? '')) return null;
    // "the Arab Spring", "Palm Springs": a capitalized season after a capitalized word is a name.
    if (isCapitalized(raw) && !g.rel && !g.mod && !site.atSentenceStart && isCapitalized(site.prevRaw())) return null;
    if (g.year) return { type: 'DATE', value: fixedValue(seasonOf(Number(g.year), code)) };
    if (rel === 'this') return { type: 'DATE', value: withDct((dct) => seasonOf(dct.m <= 2 && code === 'WI' ? dct.y - 1 : dct.y, code)) };
    const dir: Direction | 'tense' = rel === 'last' || rel === 'past' || rel === 'this past' ? 'last' : rel === 'next' || rel === 'coming' || rel === 'this coming' ? 'next' : 'tense';
    return { type: 'DATE', value: withDct((dct, ctx) => pickSeason(dct, code, dir === 'tense' ? direction(ctx) : dir)) };
  });

  // "fiscal 2008", "FY2007".
  rule('fiscal', ['fiscal', 'financial', 'fy'], `(?:${k('fiscal', 'financial')}${S}(?:${k('year')}${S})?(?<y>${YEAR}|['’]?\\d\\d)|FY${S0}['’]?(?<y2>${YEAR}|\\d\\d))${E}`, (site) => {
    const raw = (site.groups.y ?? site.groups.y2 ?? '').replace(/['’]/g, '');
    return { type: 'DATE', value: (ctx) => `FY${raw.length === 4 ? raw : formatYear(expandTwoDigitYear(Number(raw), ctx.dct))}` };
  });

  // "this week", "last year", "next month", "earlier this month", "the previous year", "the weekend".
  rule('relative', [...MOD_WORDS, 'this', 'last', 'next', 'current', 'the current', 'the previous', 'the prior', 'the following', 'the same', 'the weekend', 'that week', 'that weekend', 'that month', 'that year', 'that decade', 'that century', 'that quarter', 'that same'], `${MOD}(?<rel>${k('this past', 'this coming', 'this', 'last', 'next', 'current', 'the current', 'the previous', 'the prior', 'the following', 'the same', 'that', 'that same', 'the')})${S}(?<unit>${k('week', 'weekend', 'month', 'year', 'decade', 'century', 'quarter')})${E}`, (site) => {
    const rel = lower(site.groups.rel);
    const unit = lower(site.groups.unit);
    if (rel === 'the' && unit !== 'weekend') return null;
    if (rel === 'the same' && unit === 'weekend') return null;
    const anaphoric = ['the previous', 'the prior', 'the following', 'the same', 'that', 'that same'].includes(rel);
    if (rel.startsWith('that') && (unit === 'weekend' || unit === 'decade' || unit === 'century')) return null;
    const offset = ['last', 'this past', 'the previous', 'the prior'].includes(rel) ? -1 : ['next', 'this coming', 'the following'].includes(rel) ? 1 : 0;
    return {
      type: 'DATE',
      value: (ctx) => {
        if (!anaphoric) return ctx.dct ? relativeUnitValue(ctx.dct, unit, offset) : null;
        if (unit === 'year' || unit === 'decade' || unit === 'century') {
          const y = ctx.referenceYear();
          return y === null ? null : relativeUnitValue({ y, m: 7, d: 1 }, unit, offset);
        }
        const day = ctx.referenceDay();
        return day ? relativeUnitValue(day, unit, offset) : null;
      },
    };
  });

  // "the next year" (P1Y), "the past five trading days", "the coming years", "recent weeks",
  // "the last several months", "the coming days and weeks".
  rule('period', [...PERIOD_RELS, ...the(PERIOD_RELS)], `(?:(?<the>${k('the')})${S})?(?<rel>${k('past', 'last', 'next', 'coming', 'previous', 'following', 'preceding', 'first', 'final', 'remaining', 'recent', 'most recent', 'upcoming', 'ensuing')})${S}(?:(?<amount>${AMOUNT})${S})?(?:${a.unitQualifier}${S})?(?<unit>${a.unit})(?:${S}${k('and', 'or')}${S}${a.pluralUnit})?${E}`, (site) => {
    const g = site.groups;
    const rel = lower(g.rel);
    const unit = unitOf(g.unit, lex);
    if (!unit) return null;
    let amount: Amount | null = g.amount ? parseAmount(g.amount, lex) : unit.plural ? 'X' : 1;
    if (amount === null) return null;
    // "could last several weeks": without "the", "last" is an adjective only after a preposition.
    if (!g.the && rel === 'last' && !site.atSentenceStart && !PREPOSITIONS_BEFORE_LAST.has(site.prev() ?? '')) return null;
    if (!g.amount) {
      if (rel.endsWith('recent') && !unit.plural) return null;
      if (!g.the && !unit.plural && !rel.endsWith('recent')) return null;
      if (['previous', 'following', 'preceding'].includes(rel) && !unit.plural) return null;
      // "the next day", "the last day": one day, not a period of one day.
      if (lower(g.unit) === 'day' && rel !== 'past') return null;
      if (['first', 'final', 'remaining'].includes(rel)) return null;
    }
    if (rel.endsWith('recent')) amount = g.amount ? amount : 'X';
    if (lower(g.unit) === 'second' && g.amount && /^an?$/i.test(g.amount)) return null;
    const value = durationValue(amount, unit);
    return { type: 'DURATION', value: fixedValue(value) };
  });

  // "today", "yesterday morning", "tonight", "last night", "this morning", "earlier today".
  rule('deictic', [...MOD_WORDS, ...lex.deicticDays.keys(), 'tonight', 'this', 'last', 'the day'], `${MOD}(?:(?<deictic>${a.deicticDay})(?:${S}(?<pod>${POD}))?|(?<tonight>${k('tonight')})|(?<rel>${k('this', 'last')})${S}(?<pod2>${POD})|${k('the day')}${S}(?<dd>${k('before yesterday', 'after tomorrow')}))${E}`, (site) => {
    const g = site.groups;
    let offset = 0;
    let pod = g.pod ?? g.pod2;
    if (g.deictic) offset = lex.deicticDays.get(g.deictic.toLowerCase()) ?? 0;
    else if (g.tonight) pod = 'night';
    else if (g.rel) offset = lower(g.rel) === 'last' && lower(pod) === 'night' ? -1 : lower(g.rel) === 'last' ? -1 : 0;
    else if (g.dd) offset = lower(g.dd).startsWith('before') ? -2 : 2;
    if (g.rel && lower(g.rel) === 'last' && lower(pod) !== 'night') return null;
    const code = pod ? lex.partsOfDay.get(pod.toLowerCase()) : undefined;
    return {
      type: code ? 'TIME' : 'DATE',
      value: withDct((dct) => `${formatDay(addDays(dct, offset))}${code ? `T${code}` : ''}`),
    };
  });

  // "earlier in the day", "the same day", "that day", "the next day", "the day before".
  rule('anaphoric-day', ['earlier', 'later', 'late', 'early', 'the same', 'the very', 'the next', 'the following', 'the previous', 'the preceding', 'the prior', 'the day', 'that day', 'that same', 'that very'], `(?:${k('earlier', 'later', 'late', 'early')}${S}(?:${k('in')}${S})?${k('the', 'that')}${S}${k('day')}|${k('the', 'that')}${S}(?:${k('very')}${S})?${k('same')}${S}${k('day')}|${k('that day')}|${k('the')}${S}(?<rel>${k('next', 'following', 'previous', 'preceding', 'prior')})${S}${k('day')}|${k('the day')}${S}(?<ba>${k('before', 'after', 'earlier', 'later')}))${E}`, (site) => {
    const rel = lower(site.groups.rel ?? site.groups.ba);
    if (site.groups.ba && site.next() !== undefined && /^[\p{L}\p{N}]/u.test(site.next()!)) return null;
    const offset = ['next', 'following', 'after', 'later'].includes(rel) ? 1 : ['previous', 'preceding', 'prior', 'before', 'earlier'].includes(rel) ? -1 : 0;
    return { type: 'DATE', value: (ctx) => { const day = ctx.referenceDay(); return day ? formatDay(addDays(day, offset)) : null; } };
  });

  // "the day", "the year", "the end of the year": the period last spoken of (or the DCT's).
  rule('the-unit', [...MOD_WORDS, 'the day', 'the week', 'the month', 'the year', 'the entire', 'the whole', 'the full'], `${MOD}${k('the')}${S}(?:${k('entire', 'whole', 'full')}${S})?(?<unit>${k('day', 'week', 'month', 'year')})${E}`, (site) => {
    const unit = site.groups.unit ?? '';
    if (unit !== unit.toLowerCase()) return null;
    const cue = ['end', 'ended', 'ends', 'ending', 'finish', 'finished', 'finishes', 'finishing', 'close', 'closed', 'closing', 'for', 'during', 'throughout', 'of', 'start', 'started', 'starting', 'begin', 'began', 'rest'];
    if (!site.groups.mod && !cue.includes(site.prev() ?? '')) return null;
    if (site.next() === 'of' || site.after === "'" || site.after === '’') return null;
    return {
      type: 'DATE',
      value: (ctx) => {
        if (unit === 'year') { const y = ctx.referenceYear(); return y === null ? null : formatYear(y); }
        const day = ctx.referenceDay();
        if (!day) return null;
        return unit === 'day' ? formatDay(day) : unit === 'week' ? formatWeek(day) : formatMonth(day.y, day.m);
      },
    };
  });

  // "Friday", "last Friday", "Thursday night", "late Tuesday".
  rule('weekday', [...MOD_WORDS, 'this', 'last', 'next', 'past', 'coming', ...WEEKDAYS], `${MOD}(?:(?<rel>${k('this past', 'this coming', 'last', 'next', 'this', 'past', 'coming')})${S})?(?<wd>${a.weekday})(?:${S}(?<pod>${POD}))?${E}`, (site) => {
    const g = site.groups;
    const wd = lex.weekdays.get((g.wd ?? '').toLowerCase());
    if (!wd) return null;
    // "The Sunday Times", "Monday Night Football": names.
    if (lex.weekdayNameFollowers.has(site.nextRaw() ?? '') || (isCapitalized(g.pod) && isCapitalized(site.nextRaw()))) return null;
    const rel = lower(g.rel);
    const code = g.pod ? lex.partsOfDay.get(g.pod.toLowerCase()) : undefined;
    const fixedDir: Direction | undefined = ['last', 'past', 'this past'].includes(rel) ? 'last' : ['next', 'coming', 'this coming'].includes(rel) ? 'next' : undefined;
    return {
      type: code ? 'TIME' : 'DATE',
      value: withDct((dct, ctx) => {
        const day = pickWeekday(dct, wd, fixedDir ?? direction(ctx));
        return `${formatDay(day)}${code ? `T${code}` : ''}`;
      }),
    };
  });

  // "2:57 a.m. local time on December 11", "16:08 UTC", "0800 GMT", "noon".
  rule('clock', [NUMBER, ...lex.clockWords.keys()], `(?:(?<h>[01]?\\d|2[0-3])(?:[:.](?<mi>[0-5]\\d))?${S0}(?<ampm>[aApP]\\.?[mM]\\.?|[aApP]${S}[mM]\\.?)|(?<h24>[01]?\\d|2[0-3]):(?<mi24>[0-5]\\d)|(?<mil>[01]\\d|2[0-3])(?<milm>[0-5]\\d)(?=${S}(?:${a.zone}|${k('hours', 'hrs')})${E})|(?<oc>[01]?\\d|2[0-3])${S}${k("o'clock")}|(?<cw>${a.clockWord}))(?:${S}${k('hours', 'hrs')})?(?:${S}(?<zone>${a.zone}|\\p{Lu}[\\p{L}-]+${S}time))?(?:${S0}\\(${S0}(?:GMT|UTC)${S0}(?<off>[+−-]${S0}\\d{1,2})(?::?[0-5]\\d)?${S0}\\))?(?:${S}(?:${k('on')}${S})?(?<date>${DATE_REF}))?${E}`, (site) => {
    const g = site.groups;
    let hour: number;
    let minute = 0;
    if (g.ampm) {
      hour = Number(g.h);
      minute = g.mi ? Number(g.mi) : 0;
      if (hour < 1 || hour > 12) return null;
      const pm = /^p/i.test(g.ampm);
      hour = pm ? (hour % 12) + 12 : hour % 12;
    } else if (g.h24) {
      hour = Number(g.h24);
      minute = Number(g.mi24);
    } else if (g.mil) {
      hour = Number(g.mil);
      minute = Number(g.milm);
    } else if (g.oc) {
      hour = Number(g.oc);
    } else if (g.cw) {
      const [hh, mm] = (lex.clockWords.get(g.cw.toLowerCase()) ?? '12:00').split(':');
      hour = Number(hh);
      minute = Number(mm);
    } else return null;
    const zone = g.zone ?? '';
    const utc = lex.utcZones.has(zone.toLowerCase()) || g.off !== undefined;
    const offset = g.off ? Number(g.off.replace(/[\s\u00a0]/g, '').replace('−', '-')) : 0;
    const dateSpan = site.groupSpan('date');
    return {
      type: 'TIME',
      late: true,
      value: (ctx) => {
        let day = dateSpan ? dayOfValue(ctx.nested(dateSpan[0], dateSpan[1])) : ctx.sentenceDay() ?? ctx.dct;
        if (!day) return null;
        let h = hour - offset;
        if (h < 0) { h += 24; day = addDays(day, -1); }
        if (h >= 24 && !(hour === 24 && offset === 0)) { h -= 24; day = addDays(day, 1); }
        return `${formatDay(day)}T${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}${utc ? 'Z' : ''}`;
      },
    };
  });

  // "nighttime", "the morning", "in morning trading", "that night".
  rule('part-of-day', [...POD_WORDS.map((w) => `that ${w}`), ...the(POD_WORDS), 'early', 'late', ...POD_WORDS], `(?:(?<pre>${k('that', 'the', 'early', 'late')})${S})?(?<pod>${a.partOfDay})${E}`, (site) => {
    const g = site.groups;
    const raw = g.pod ?? '';
    const pod = lower(raw);
    const code = lex.partsOfDay.get(pod);
    if (!code) return null;
    if (isCapitalized(raw) && !g.pre && !site.atSentenceStart) return null;
    const standalone = !CUED_PARTS_OF_DAY.has(pod);
    const prev = site.prev() ?? '';
    const next = site.nextRaw();
    const modifiesNoun = !!next && /^\p{Ll}/u.test(next) && !['of', 'and', 'or', 'to', 'as', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'when', 'that', 'which', 'the', 'a', 'an', 'is', 'was', 'will', 'before', 'after', 'while'].includes(next.toLowerCase());
    if (!g.pre && !standalone && !['in', 'at', 'during', 'by', 'until', 'through', 'throughout', 'overnight'].includes(prev) && !modifiesNoun) return null;
    return {
      type: 'TIME',
      late: true,
      value: (ctx) => { const day = ctx.sentenceDay() ?? ctx.referenceDay(); return day ? `${formatDay(day)}T${code}` : null; },
    };
  });

  // "every week", "each year", "twice a month", "15 a year", "weekly", "every Monday", "Fridays".
  rule('set', ['every', 'each', 'per', 'once', 'twice', 'thrice', ...AMOUNT_WORDS, ...lex.frequencyWords.keys(), ...WEEKDAYS], `(?:${k('every', 'each', 'per')}${S}(?:(?<amount>${AMOUNT}|${k('other')})${S})?(?<unit>${a.unit})|(?<freq>${k('once', 'twice', 'thrice')}|(?:\\d+|${a.numberWord})${S}${k('times')})${S}${k('a', 'an', 'per', 'every', 'each')}${S}(?<unit2>${a.unit})|(?<art>${k('a', 'an')})${S}(?<unit3>${a.unit})|(?<adv>${a.frequency})|${k('every', 'each')}${S}(?<wd>${a.weekday})|${k('every', 'each')}${S}(?<pod>${k('morning', 'afternoon', 'evening', 'night')})|(?<wds>${a.weekday})s)${E}`, (site) => {
    const g = site.groups;
    if (g.adv) {
      if (isCapitalized(g.adv) && isCapitalized(site.nextRaw()) && !site.atSentenceStart) return null;
      return { type: 'SET', value: fixedValue(lex.frequencyWords.get(g.adv.toLowerCase())!) };
    }
    if (g.pod) return { type: 'SET', value: fixedValue(`XXXX-XX-XXT${lex.partsOfDay.get(g.pod.toLowerCase())}`) };
    const wdRaw = g.wd ?? g.wds;
    if (wdRaw) {
      const wd = lex.weekdays.get(wdRaw.toLowerCase());
      return wd ? { type: 'SET', value: fixedValue(`XXXX-WXX-${wd}`) } : null;
    }
    const unit = unitOf(g.unit ?? g.unit2 ?? g.unit3, lex);
    if (!unit) return null;
    if (g.art) {
      const prev = site.prev() ?? '';
      const numeric = /^\d/.test(prev) || lex.numberWords.has(prev) || lex.tens.has(prev) || ['million', 'billion', 'thousand', 'hundred', 'times', 'twice', 'once', 'thrice', 'dozen'].includes(prev);
      const after = site.next() ?? '';
      if (!numeric || ['ago', 'later', 'earlier', 'after', 'before', 'from', 'since', 'of', 'or', 'and', 'to'].includes(after)) return null;
    }
    let n: Amount = 1;
    if (g.amount) n = lower(g.amount) === 'other' ? 2 : parseAmount(g.amount, lex) ?? 1;
    return { type: 'SET', value: fixedValue(durationValue(n === 'X' ? 1 : n, unit)) };
  });

  // "between 60 and 90 days": the first number takes the unit of the second.
  rule('range-start', [NUMBER, ...NUMBER_WORDS, 'a dozen', 'a hundred', 'a thousand', 'a couple', 'a half'], `(?<amount>\\d+(?:\\.\\d+)?|${a.numberWord})(?=${S}${k('and', 'or', 'to')}${S}${AMOUNT}${HS}(?:${a.unitQualifier}${S})?(?<unit>${a.unit})${E})`, (site) => {
    const unit = unitOf(site.groups.unit, lex);
    const amount = parseAmount(site.groups.amount ?? '', lex);
    if (!unit || amount === null || amount === 'X' || looksLikeYear(amount)) return null;
    return { type: 'DURATION', value: fixedValue(durationValue(amount, unit)) };
  });

  // "10 years", "almost two hours", "23-day", "decade-long", "two years ago", "Five years later".
  rule('duration', [...words(lex.knowledge.approximators.list), ...AMOUNT_WORDS], `(?:(?<approx>${a.approximator})${S})?(?<amount>${AMOUNT})${HS}(?:${a.unitQualifier}${HS})?(?<unit>${a.unit})(?<half>${S}${k('and a half')})?(?:${HS}(?<long>${k('long', 'old')}))?(?:${S}(?<tail>${k('later', 'earlier', 'ago', 'from now', 'old')}))?${E}`, (site) => {
    const g = site.groups;
    const unit = unitOf(g.unit, lex);
    const parsed = parseAmount(g.amount ?? '', lex);
    const amount = parsed !== null && parsed !== 'X' && g.half ? parsed + 0.5 : parsed;
    if (!unit || amount === null) return null;
    const tail = lower(g.tail);
    if (lower(g.long) === 'old' || tail === 'old') return null;
    if (site.after === '-' || site.after === '‑') {
      // "35-year-olds", "five-year-long" spelled with more hyphens.
      if (/^[-‑]old/i.test(site.nextRaw() ?? '')) return null;
    }
    if (typeof amount === 'number' && looksLikeYear(amount)) return null;
    const unitWord = lower(g.unit);
    const single = /^(?:an?|one)$/i.test(lower(g.amount));
    if (/^an?$/.test(lower(g.amount)) && unit.plural) return null;
    if (unitWord === 'second' && single && site.next() !== undefined && /^\p{L}/u.test(site.next()!)) return null;
    // "a quarter of the troops", "three quarters of them": fractions, not periods.
    if ((unitWord === 'quarter' || unitWord === 'quarters') && (single || (site.next() === 'of' && FRACTION_FOLLOWERS.has(site.next(2) ?? '')))) return null;
    if (unitWord === 'min' || unitWord === 'mins' || unitWord === 'hr' || unitWord === 'hrs' || unitWord === 'yr' || unitWord === 'yrs') {
      if (!/^\d/.test(g.amount ?? '')) return null;
    }
    // "a day" needs a reason to be a length of time: "for a day", "a decade after", "more than a year".
    if (/^an?$/i.test(g.amount ?? '') && !g.approx && !g.long && !tail && site.after !== '-' && site.after !== '‑'
      && !ARTICLE_DURATION_BEFORE.has(site.prev() ?? '') && !ARTICLE_DURATION_AFTER.has(site.next() ?? '')) return null;
    if (tail === 'ago' || tail === 'from now') {
      const sign = tail === 'ago' ? -1 : 1;
      return { type: 'DATE', value: withDct((dct) => agoValue(dct, amount, unit, sign)) };
    }
    // "two days later", "a year earlier": a date counted from the one last spoken of. Vague
    // amounts ("hours later", "a few days later") stay durations, as TimeBank has them.
    if ((tail === 'later' || tail === 'earlier') && amount !== 'X' && !unit.clock) {
      const sign = tail === 'earlier' ? -1 : 1;
      return {
        type: 'DATE',
        value: (ctx) => {
          // Whole years keep the granularity of the date they count from: "the third quarter
          // ... a year earlier" is the third quarter of the year before.
          const ref = ctx.referenceValue();
          const n = typeof amount === 'number' ? amount * (unit.times ?? 1) : 0;
          if (unit.letter === 'Y' && Number.isInteger(n) && ref && /^\d{4}(?:-(?:Q[1-4]|H[12]|\d\d|SP|SU|FA|WI))?$/.test(ref)) {
            return formatYear(Number(ref.slice(0, 4)) + sign * n) + ref.slice(4);
          }
          const day = ctx.referenceDay();
          return day ? agoValue(day, amount, unit, sign) : null;
        },
      };
    }
    return { type: 'DURATION', value: fixedValue(durationValue(amount, unit)) };
  });

  // "for years", "in minutes", "Hours later", "decades-long", "years ago".
  rule('bare-units', UNIT_WORDS, `(?<unit>${a.pluralUnit})(?:${HS}(?<long>${k('long')}))?(?:${S}(?<tail>${k('later', 'earlier', 'ago')}))?${E}`, (site) => {
    const g = site.groups;
    const unit = unitOf(g.unit, lex);
    if (!unit) return null;
    if (['min', 'mins', 'hrs', 'yrs', 'quarters'].includes(lower(g.unit))) return null;
    let prev = site.prev() ?? '';
    const next = site.next() ?? '';
    // "the early hours of Sunday" is a time of day, not an amount of hours.
    if (['early', 'small', 'wee', 'late', 'final', 'closing', 'opening', 'dark', 'business', 'office', 'working', 'visiting', 'peak'].includes(prev)) return null;
    // "over the years", "through the decades".
    if (prev === 'the' && ['over', 'through', 'throughout', 'for', 'during'].includes(site.prev(2) ?? '')) prev = 'over';
    const cuedBefore = ['for', 'in', 'within', 'over', 'after', 'took', 'take', 'takes', 'taking', 'lasted', 'last', 'lasting', 'spent', 'spend', 'spends', 'spending', 'than', 'about', 'by', 'nearly', 'almost'].includes(prev);
    const cuedAfter = ['of', 'later', 'earlier', 'ago', 'after', 'before', 'ahead', 'away', 'into', 'long'].includes(next);
    if (!g.long && !g.tail && !cuedBefore && !cuedAfter) return null;
    if (lower(g.tail) === 'ago') return { type: 'DATE', value: fixedValue('PAST_REF') };
    return { type: 'DURATION', value: fixedValue(durationValue('X', unit)) };
  });

  // "decade-long", "year-long", "hour-long": one unit.
  rule('unit-long', UNIT_WORDS, `(?<unit>${a.unit})${H}?${k('long')}${E}`, (site) => {
    const unit = unitOf(site.groups.unit, lex);
    if (!unit || /^(?:min|mins|hr|hrs|yr|yrs)$/.test(lower(site.groups.unit))) return null;
    return { type: 'DURATION', value: fixedValue(durationValue(unit.plural ? 'X' : 1, unit)) };
  });

  // "the last week of March", "the first week of 2020": the ISO week whose Thursday lies at that end.
  rule('week-of', the(['first', 'last', 'final', 'second', 'third', 'fourth']), `${k('the')}${S}(?<which>${k('first', 'last', 'final', 'second', 'third', 'fourth')})${S}${k('week')}${S}${k('of')}${S}(?:(?<month>${a.month})(?:${S}(?<year>${YEAR}))?|(?<yearOnly>${YEAR}))${E}`, (site) => {
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
  });

  // "now", "currently", "recently", "the future", "the past", "soon".
  rule('fixed', words(lex.fixed.keys()), `(?<fixed>${a.fixed})${E}`, (site) => {
    const text = lower(site.groups.fixed);
    const entry = lex.fixed.get(text);
    if (!entry) return null;
    if (site.after === '-' || site.after === '‑') return null;
    if (entry.after && !entry.after.includes(site.prev() ?? '')) return null;
    if (text.endsWith('soon') && (site.prev() === 'as' || site.next() === 'as' || site.next() === 'after')) return null;
    if (text === 'now' && site.next() === 'that') return null;
    if (/^the (?:present|past|future)$/.test(text)) {
      // "the present government", "the past president": adjectives, not times.
      const next = site.nextRaw();
      if (next && /^\p{Ll}/u.test(next) && !FUNCTION_WORDS.has(next.toLowerCase())) return null;
    }
    return { type: entry.type, value: fixedValue(entry.value) };
  });

  // "7/8/07", "12/11/2022", "2022-12-11".
  rule('numeric-date', [NUMBER], `(?:(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12]\\d|0?[1-9])/(?<y>${YEAR}|\\d\\d)|(?<iy>${YEAR})-(?<im>1[0-2]|0[1-9])-(?<id>3[01]|[12]\\d|0[1-9]))${E}`, (site) => {
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
  });

  // "Christmas", "New Year's Day 2020".
  rule('holiday', [...MOD_WORDS, ...words(lex.holidays.keys())], `${MOD}(?<hol>${a.holiday})(?:${S}(?<year>${YEAR}))?${E}`, (site) => {
    const md = lex.holidays.get(lower(site.groups.hol));
    if (!md) return null;
    const [m, d] = md.split('-').map(Number) as [number, number];
    if (site.groups.year) return { type: 'DATE', value: fixedValue(formatDay({ y: Number(site.groups.year), m, d })) };
    return { type: 'DATE', value: withDct((dct, ctx) => dayValue(pickMonthDay(dct, m, d, direction(ctx)))) };
  });

  return rules;
}

const FUNCTION_WORDS = new Set(['and', 'or', 'but', 'of', 'is', 'was', 'are', 'were', 'will', 'would', 'has', 'had', 'have', 'as', 'in', 'for', 'to', 'with', 'when', 'that', 'than', 'is', 'remains', 'looks', 'lies', 'depends', 'may', 'might', 'could', 'should', 'can', 'because', 'if', 'so', 'we', 'they', 'he', 'she', 'it', 'i', 'you', 'there', 'at', 'on', 'by', 'from', 'where', 'while', 'too', 'again', 'now', 'though', 'although']);

const PREPOSITIONS_BEFORE_LAST = new Set(['in', 'over', 'for', 'during', 'within', 'throughout', 'of', 'from', 'since', 'by', '(', ',', '-', '—', '–']);
const CUED_PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'dawn', 'dusk']);
const FRACTION_FOLLOWERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'all', 'them', 'these', 'those', 'this', 'that', 'us', 'it']);
const ARTICLE_DURATION_BEFORE = new Set(['for', 'in', 'within', 'over', 'after', 'than', 'about', 'nearly', 'almost', 'just', 'only', 'took', 'take', 'takes', 'lasted', 'last', 'lasts', 'spent', 'spend', 'during', 'by', 'around', 'under', 'least', 'some', 'comes', 'came', 'come', 'of', 'barely', 'roughly', 'until', 'through', 'throughout', 'to', 'up']);
const ARTICLE_DURATION_AFTER = new Set(['after', 'before', 'later', 'earlier', 'ago', 'of', 'long', 'since', 'into', 'from', 'or', 'and', 'away', 'ahead']);

const looksLikeYear = (n: number) => Number.isInteger(n) && n >= 1800 && n <= 2199;

/** Whether a four-digit number is a year rather than a count, an address or a model number. */
function isYear(site: Site, y: number, lex: TimesLexicon): boolean {
  if (y < 1000 || y > 2199) return false;
  const prev = site.prev() ?? '';
  const prevRaw = site.prevRaw() ?? '';
  if (['$', '€', '£', '#', 'US$', 'A$', 'C$'].includes(prevRaw) || /[$€£]$/.test(prevRaw)) return false;
  if (site.after === '%' || site.after === ',' && /^\d/.test(site.nextRaw(2) ?? '')) return false;
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
