import { S, H, HS, E, NUMBER, k, fixedValue, withDct, lower, isCapitalized, unitOf, type GrammarKit } from './kit.js';
import { formatYear } from '../calendar.js';
import { agoValue, durationValue } from '../resolve.js';
import { parseAmount, type Amount } from '../numbers.js';
import type { TimesLexicon } from '../lexicon.js';
import type { Site } from '../types.js';

/**
 * Amounts of time: durations ("10 years", "decade-long", "the coming years"), dates counted in
 * them ("two years ago"), and sets ("every week", "twice a month").
 */
export function addAmountRules(kit: GrammarKit): void {
  const { a, AMOUNT, WEEKDAYS, NUMBER_WORDS, UNIT_WORDS, AMOUNT_WORDS, PODS, lex } = kit;
  const PREPOSITIONS_BEFORE_LAST = kit.context('prepositionsBeforeLast');
  const FRACTION_FOLLOWERS = kit.context('fractionFollowers');
  const ARTICLE_DURATION_BEFORE = kit.context('articleDurationBefore');
  const ARTICLE_DURATION_AFTER = kit.context('articleDurationAfter');
  const SET_AFTER_NUMBER = kit.context('setAfterNumber');
  const NOT_SET_BEFORE = kit.context('notSetBefore');
  const BARE_UNITS_BEFORE = kit.context('bareUnitsBefore');
  const BARE_UNITS_AFTER = kit.context('bareUnitsAfter');
  const NOT_BEFORE_BARE_UNITS = kit.context('notBeforeBareUnits');
  const PERIOD_RELS = ['past', 'last', 'next', 'coming', 'previous', 'following', 'preceding', 'first', 'final', 'remaining', 'recent', 'most', 'upcoming', 'ensuing'];

  // "the next year" (P1Y), "the past five trading days", "the coming years", "recent weeks",
  // "the last several months", "the coming days and weeks".
  kit.rule('period', [...PERIOD_RELS, ...kit.the(PERIOD_RELS)], `(?:(?<the>${k('the')})${S})?(?<rel>${k('past', 'last', 'next', 'coming', 'previous', 'following', 'preceding', 'first', 'final', 'remaining', 'recent', 'most recent', 'upcoming', 'ensuing')})${S}(?:(?<amount>${AMOUNT})${S})?(?:${a.unitQualifier}${S})?(?<unit>${a.unit})(?:${S}${k('and', 'or')}${S}${a.pluralUnit})?${E}`, (site) => {
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
  }, kit.within(UNIT_WORDS, 6));

  // "every week", "each year", "twice a month", "15 a year", "weekly", "every Monday", "Fridays".
  kit.rule('set', ['every', 'each', 'per', 'once', 'twice', 'thrice', ...AMOUNT_WORDS, ...lex.frequencyWords.keys(), ...WEEKDAYS.map((w) => `${w}s`)], `(?:${k('every', 'each', 'per')}${S}(?:(?<amount>${AMOUNT}|${k('other')})${S})?(?<unit>${a.unit})|(?<freq>${k('once', 'twice', 'thrice')}|(?:\\d+|${a.numberWord})${S}${k('times')})${S}${k('a', 'an', 'per', 'every', 'each')}${S}(?<unit2>${a.unit})|(?<art>${k('a', 'an')})${S}(?<unit3>${a.unit})|(?<adv>${a.frequency})|${k('every', 'each')}${S}(?<wd>${a.weekday})|${k('every', 'each')}${S}(?<pod>${k('morning', 'afternoon', 'evening', 'night')})|(?<wds>${a.weekday})s)${E}`, (site) => {
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
      const numeric = /^\d/.test(prev) || lex.numberWords.has(prev) || lex.tens.has(prev) || SET_AFTER_NUMBER.has(prev);
      const after = site.next() ?? '';
      if (!numeric || NOT_SET_BEFORE.has(after)) return null;
    }
    let n: Amount = 1;
    if (g.amount) n = lower(g.amount) === 'other' ? 2 : parseAmount(g.amount, lex) ?? 1;
    return { type: 'SET', value: fixedValue(durationValue(n === 'X' ? 1 : n, unit)) };
  }, kit.within([...UNIT_WORDS, ...lex.frequencyWords.keys(), ...WEEKDAYS, ...WEEKDAYS.map((w) => `${w}s`), ...PODS], 5));

  // "between 60 and 90 days": the first number takes the unit of the second.
  kit.rule('range-start', [NUMBER, ...NUMBER_WORDS, 'a dozen', 'a hundred', 'a thousand', 'a couple', 'a half'], `(?<amount>\\d+(?:\\.\\d+)?|${a.numberWord})(?=${S}${k('and', 'or', 'to')}${S}${AMOUNT}${HS}(?:${a.unitQualifier}${S})?(?<unit>${a.unit})${E})`, (site) => {
    const unit = unitOf(site.groups.unit, lex);
    const amount = parseAmount(site.groups.amount ?? '', lex);
    if (!unit || amount === null || amount === 'X' || looksLikeYear(amount)) return null;
    if (isAge(site, lex)) return null;
    return { type: 'DURATION', value: fixedValue(durationValue(amount, unit)) };
  }, kit.within(UNIT_WORDS, 7));

  // "10 years", "almost two hours", "23-day", "decade-long", "two years ago", "Five years later".
  kit.rule('duration', [...kit.words(lex.knowledge.approximators.list), ...AMOUNT_WORDS, 'the #', ...kit.the(NUMBER_WORDS)], `(?:(?<the>${k('the')})${S}(?=\\d|${a.numberWord}${S}))?(?:(?<approx>${a.approximator})${S})?(?<amount>${AMOUNT})${HS}(?:${a.unitQualifier}${HS})?(?<unit>${a.unit})(?<half>${S}${k('and a half')})?(?:${HS}(?<long>${k('long', 'old')}))?(?:${S}(?<tail>${k('later', 'earlier', 'ago', 'from now', 'old')}))?${E}`, (site) => {
    const g = site.groups;
    const unit = unitOf(g.unit, lex);
    // "the 12 months" is a span of time; "the 23-day transfer" keeps "the" with its noun.
    if (g.the && (!unit?.plural || /[-‐‑]/.test(site.text))) return null;
    const parsed = parseAmount(g.amount ?? '', lex);
    const amount = parsed !== null && parsed !== 'X' && g.half ? parsed + 0.5 : parsed;
    if (!unit || amount === null) return null;
    const tail = lower(g.tail);
    if (lower(g.long) === 'old' || tail === 'old' || isAge(site, lex)) return null;
    if (site.after === '-' || site.after === '‑') {
      // "35-year-olds", "five-year-long" spelled with more hyphens.
      if (/^[-‑]old/i.test(site.nextRaw() ?? '')) return null;
    }
    if (typeof amount === 'number' && looksLikeYear(amount)) return null;
    const unitWord = lower(g.unit);
    const single = /^(?:an?|one)$/i.test(lower(g.amount));
    if (/^an?$/.test(lower(g.amount)) && unit.plural) return null;
    // "914 Second Class": a capitalized unit after a figure is part of a name.
    if (isCapitalized(g.unit) && /^\d/.test(g.amount ?? '') && !site.atSentenceStart && !/[-‐‑]/.test(site.text) && isCapitalized(site.nextRaw())) return null;
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
  }, kit.within(UNIT_WORDS, 7));

  // "for years", "in minutes", "Hours later", "decades-long", "years ago".
  kit.rule('bare-units', UNIT_WORDS, `(?<unit>${a.pluralUnit})(?:${HS}(?<long>${k('long')}))?(?:${S}(?<tail>${k('later', 'earlier', 'ago')}))?${E}`, (site) => {
    const g = site.groups;
    const unit = unitOf(g.unit, lex);
    if (!unit) return null;
    if (['min', 'mins', 'hrs', 'yrs', 'quarters'].includes(lower(g.unit))) return null;
    let prev = site.prev() ?? '';
    const next = site.next() ?? '';
    // "in just minutes", "for only hours".
    if (['just', 'only', 'mere', 'merely'].includes(prev)) prev = site.prev(2) ?? '';
    // "the early hours of Sunday" is a time of day, not an amount of hours.
    if (NOT_BEFORE_BARE_UNITS.has(prev)) return null;
    // "over the years", "through the decades".
    if (prev === 'the' && ['over', 'through', 'throughout', 'for', 'during', 'in'].includes(site.prev(2) ?? '')) prev = 'over';
    const cuedBefore = BARE_UNITS_BEFORE.has(prev);
    const cuedAfter = BARE_UNITS_AFTER.has(next);
    if (!g.long && !g.tail && !cuedBefore && !cuedAfter) return null;
    if (lower(g.tail) === 'ago') return { type: 'DATE', value: fixedValue('PAST_REF') };
    return { type: 'DURATION', value: fixedValue(durationValue('X', unit)) };
  });

  // "decade-long", "year-long", "hour-long": one unit.
  kit.rule('unit-long', UNIT_WORDS, `(?<unit>${a.unit})${H}?${k('long')}${E}`, (site) => {
    const unit = unitOf(site.groups.unit, lex);
    if (!unit || /^(?:min|mins|hr|hrs|yr|yrs)$/.test(lower(site.groups.unit))) return null;
    return { type: 'DURATION', value: fixedValue(durationValue(unit.plural ? 'X' : 1, unit)) };
  });
}

/** "aged 30 to 50", "between the ages of 30 and 50 years", "six years of age". */
function isAge(site: Site, lex: TimesLexicon): boolean {
  // Look back over a range ("aged 30 to 50 years") for the word that makes it an age.
  for (let i = 1; i <= 4; i++) {
    const w = site.prev(i) ?? '';
    if (w === 'aged' || w === 'age' || (w === 'of' && (site.prev(i + 1) === 'ages' || site.prev(i + 1) === 'age'))) return true;
    if (!/^\d/.test(w) && !['to', 'and', 'or', '-', 'between'].includes(w) && !lex.numberWords.has(w) && !lex.tens.has(w)) break;
  }
  const prev = site.prev() ?? '';
  if (lex.agePossessives.has(prev) && /^\d/.test(site.text)) return false;
  for (let i = 1; i <= 6; i++) {
    const w = site.next(i);
    if (w === undefined || w === '.' || w === ',' || w === ';') break;
    if (w === 'age' && site.next(i - 1) === 'of') return true;
    if (w === 'old' || w === 'olds') return i <= 3;
  }
  return false;
}

const looksLikeYear = (n: number) => Number.isInteger(n) && n >= 1800 && n <= 2199;
