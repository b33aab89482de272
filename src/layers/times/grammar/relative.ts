import { S, E, k, fixedValue, withDct, lower, isCapitalized, direction, wordsBefore, type GrammarKit } from './kit.js';
import { addDays, formatDay, formatMonth, formatWeek, formatYear } from '../calendar.js';
import { pickWeekday, relativeUnitValue, type Direction } from '../resolve.js';

/**
 * Dates counted from the DCT or from the date last spoken of ("this week", "yesterday", "Friday",
 * "the next day", "the year"), and the vague references ("now", "the future").
 */
export function addRelativeRules(kit: GrammarKit): void {
  const { a, MOD, POD, MOD_WORDS, WEEKDAYS, PODS, lex } = kit;
  const THE_UNIT_BEFORE = kit.context('theUnitBefore');
  const WORDS_AFTER_TIME_NOUNS = kit.context('wordsAfterTimeNouns');
  const NOT_AROUND_SOON = kit.context('notAroundSoon');
  const NOT_AFTER_NOW = kit.context('notAfterNow');

  // "this week", "last year", "next month", "earlier this month", "the previous year", "the weekend".
  kit.rule('relative', [...MOD_WORDS, 'this', 'last', 'next', 'current', 'the current', 'the previous', 'the prior', 'the following', 'the same', 'the weekend', 'that week', 'that weekend', 'that month', 'that year', 'that decade', 'that century', 'that quarter', 'that same'], `${MOD}(?<rel>${k('this past', 'this coming', 'this', 'last', 'next', 'current', 'the current', 'the previous', 'the prior', 'the following', 'the same', 'that', 'that same', 'the')})${S}(?<unit>${k('week', 'weekend', 'month', 'year', 'decade', 'century', 'quarter')})${E}`, (site) => {
    const rel = lower(site.groups.rel);
    const unit = lower(site.groups.unit);
    if (rel === 'the' && unit !== 'weekend') return null;
    if (rel === 'the same' && unit === 'weekend') return null;
    const anaphoric = ['the previous', 'the prior', 'the following', 'the same', 'that', 'that same'].includes(rel);
    if (rel.startsWith('that') && (unit === 'weekend' || unit === 'decade' || unit === 'century')) return null;
    const offset = ['last', 'this past', 'the previous', 'the prior'].includes(rel) ? -1 : ['next', 'this coming', 'the following'].includes(rel) ? 1 : 0;
    // "over the weekend": the weekend before the DCT in a past clause, the one after in a future one.
    const tensedWeekend = rel === 'the' && unit === 'weekend';
    return {
      type: 'DATE',
      value: (ctx) => {
        if (tensedWeekend && ctx.dct) {
          const dir = direction(ctx);
          if (dir === 'past' || dir === 'future') return `${formatWeek(pickWeekday(ctx.dct, 6, dir))}-WE`;
        }
        if (!anaphoric) return ctx.dct ? relativeUnitValue(ctx.dct, unit, offset) : null;
        if (unit === 'year' || unit === 'decade' || unit === 'century') {
          const y = ctx.referenceYear();
          return y === null ? null : relativeUnitValue({ y, m: 7, d: 1 }, unit, offset);
        }
        const day = ctx.referenceDay();
        return day ? relativeUnitValue(day, unit, offset) : null;
      },
    };
  }, kit.within(['week', 'weekend', 'month', 'year', 'decade', 'century', 'quarter'], 5));

  // "today", "yesterday morning", "tonight", "last night", "this morning", "earlier today".
  kit.rule('deictic', [...MOD_WORDS, ...lex.deicticDays.keys(), 'tonight', 'this', 'last', 'the day'], `${MOD}(?:(?<deictic>${a.deicticDay})(?:${S}(?<pod>${POD}))?|(?<tonight>${k('tonight')})|(?<rel>${k('this', 'last')})${S}(?<pod2>${POD})|${k('the day')}${S}(?<dd>${k('before yesterday', 'after tomorrow')}))${E}`, (site) => {
    const g = site.groups;
    let offset = 0;
    let pod = g.pod ?? g.pod2;
    if (g.deictic) offset = lex.deicticDays.get(g.deictic.toLowerCase()) ?? 0;
    else if (g.tonight) pod = 'night';
    else if (g.rel) offset = lower(g.rel) === 'last' ? -1 : 0;
    else if (g.dd) offset = lower(g.dd).startsWith('before') ? -2 : 2;
    // "last night" is the night before; "last morning" is no deictic time.
    if (g.rel && lower(g.rel) === 'last' && lower(pod) !== 'night') return null;
    const code = pod ? lex.partsOfDay.get(pod.toLowerCase()) : undefined;
    return {
      type: code ? 'TIME' : 'DATE',
      value: withDct((dct) => `${formatDay(addDays(dct, offset))}${code ? `T${code}` : ''}`),
    };
  }, kit.within([...lex.deicticDays.keys(), 'tonight', ...PODS, 'day'], 5));

  // "earlier in the day", "the same day", "that day", "the next day", "the day before".
  kit.rule('anaphoric-day', ['earlier', 'later', 'late', 'early', 'the same', 'the very', 'the next', 'the following', 'the previous', 'the preceding', 'the prior', 'the day', 'that day', 'that same', 'that very'], `(?:${k('earlier', 'later', 'late', 'early')}${S}(?:${k('in')}${S})?${k('the', 'that')}${S}${k('day')}|${k('the', 'that')}${S}(?:${k('very')}${S})?${k('same')}${S}${k('day')}|${k('that day')}|${k('the')}${S}(?<rel>${k('next', 'following', 'previous', 'preceding', 'prior')})${S}${k('day')}|${k('the day')}${S}(?<ba>${k('before', 'after', 'earlier', 'later')}))${E}`, (site) => {
    const rel = lower(site.groups.rel ?? site.groups.ba);
    if (site.groups.ba && site.next() !== undefined && /^[\p{L}\p{N}]/u.test(site.next()!)) return null;
    const offset = ['next', 'following', 'after', 'later'].includes(rel) ? 1 : ['previous', 'preceding', 'prior', 'before', 'earlier'].includes(rel) ? -1 : 0;
    return { type: 'DATE', value: (ctx) => { const day = ctx.referenceDay(); return day ? formatDay(addDays(day, offset)) : null; } };
  }, kit.within(['day'], 5));

  // "the week before", "the year after" at the end of a clause: one unit from the date last spoken of.
  kit.rule('unit-before', ['the week', 'the month', 'the year'], `${k('the')}${S}(?<unit>${k('week', 'month', 'year')})${S}(?<ba>${k('before', 'after', 'earlier', 'later')})${E}`, (site) => {
    if (site.next() !== undefined && /^[\p{L}\p{N}]/u.test(site.next()!)) return null;
    const unit = lower(site.groups.unit);
    const offset = ['after', 'later'].includes(lower(site.groups.ba)) ? 1 : -1;
    return {
      type: 'DATE',
      value: (ctx) => {
        if (unit === 'year') { const y = ctx.referenceYear(); return y === null ? null : formatYear(y + offset); }
        const day = ctx.referenceDay();
        return day ? relativeUnitValue(day, unit, offset) : null;
      },
    };
  });

  // "the day", "the year", "the end of the year": the period last spoken of (or the DCT's).
  kit.rule('the-unit', [...MOD_WORDS, 'the day', 'the week', 'the month', 'the quarter', 'the year', 'the entire', 'the whole', 'the full'], `${MOD}${k('the')}${S}(?:${k('entire', 'whole', 'full')}${S})?(?<unit>${k('day', 'week', 'month', 'quarter', 'year')})${E}`, (site) => {
    const unit = site.groups.unit ?? '';
    if (unit !== unit.toLowerCase()) return null;
    if (!site.groups.mod && !THE_UNIT_BEFORE.has(site.prev() ?? '')) return null;
    // "at the end of the day" is an idiom ("in the end"), not a date.
    if (unit === 'day' && /\bat (?:the )?end of the day$/.test(`${wordsBefore(site, 4)} ${lower(site.text)}`)) return null;
    if (site.next() === 'of' || site.after === "'" || site.after === '’') return null;
    return {
      type: 'DATE',
      value: (ctx) => {
        if (unit === 'year') { const y = ctx.nearbyYear(); return y === null ? null : formatYear(y); }
        const ref = ctx.referenceValue();
        if (unit === 'quarter' && ref && /^\d{4}-Q[1-4]$/.test(ref)) return ref;
        const day = ctx.referenceDay();
        if (!day) return null;
        if (unit === 'quarter') return relativeUnitValue(day, 'quarter', 0);
        return unit === 'day' ? formatDay(day) : unit === 'week' ? formatWeek(day) : formatMonth(day.y, day.m);
      },
    };
  }, kit.within(['day', 'week', 'month', 'quarter', 'year'], 6));

  // "Friday", "last Friday", "Thursday night", "late Tuesday".
  kit.rule('weekday', [...MOD_WORDS, 'this', 'last', 'next', 'past', 'coming', ...WEEKDAYS], `${MOD}(?:(?<rel>${k('this past', 'this coming', 'last', 'next', 'this', 'past', 'coming')})${S})?(?<wd>${a.weekday})(?:${S}(?<pod>${POD}))?${E}`, (site) => {
    const g = site.groups;
    const wd = lex.weekdays.get((g.wd ?? '').toLowerCase());
    if (!wd) return null;
    // "The Sunday Times", "Monday Night Football", "Black Monday": names.
    if (lex.weekdayNameFollowers.has(site.nextRaw() ?? '') || (isCapitalized(g.pod) && isCapitalized(site.nextRaw()))) return null;
    if (!g.rel && !g.mod && lex.weekdayNamePrecursors.has(site.prevRaw() ?? '')) return null;
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
  }, kit.within(WEEKDAYS, 5));

  // "now", "currently", "recently", "the future", "the past", "soon".
  kit.rule('fixed', kit.words(lex.fixed.keys()), `(?<fixed>${a.fixed})${E}`, (site) => {
    const text = lower(site.groups.fixed);
    const entry = lex.fixed.get(text);
    if (!entry) return null;
    if (site.after === '-' || site.after === '‑') return null;
    if (entry.after && !entry.after.includes(site.prev() ?? '')) return null;
    if (text.endsWith('soon') && (NOT_AROUND_SOON.has(site.prev() ?? '') || NOT_AROUND_SOON.has(site.next() ?? ''))) return null;
    if (text === 'now' && NOT_AFTER_NOW.has(site.next() ?? '')) return null;
    if (/^the (?:present|past|future)$/.test(text)) {
      // "the present government", "the past 11 seasons": adjectives, not times.
      const next = site.nextRaw();
      if (next && (/^\p{N}/u.test(next) || (/^\p{Ll}/u.test(next) && !WORDS_AFTER_TIME_NOUNS.has(next.toLowerCase())))) return null;
    }
    return { type: entry.type, value: fixedValue(entry.value) };
  });
}
