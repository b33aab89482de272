import { S, S0, E, NUMBER, k, lower, isCapitalized, type GrammarKit } from './kit.js';
import { addDays, dayOfValue, formatDay } from '../calendar.js';

/**
 * Times of day: clock times ("2:57 a.m. local time on December 11", "16:08 UTC", "noon") and
 * parts of the day ("nighttime", "the morning").
 */
export function addClockRules(kit: GrammarKit): void {
  const { a, DATE_REF, POD_WORDS, lex } = kit;
  const PART_OF_DAY_BEFORE = kit.context('partOfDayBefore');
  const NOT_NOUN_AFTER = kit.context('notNounAfterPartOfDay');

  // "2:57 a.m. local time on December 11", "16:08 UTC", "0800 GMT", "noon".
  const twelveHour = `(?<h>[01]?\\d|2[0-3])(?:[:.](?<mi>[0-5]\\d))?${S0}(?<ampm>[aApP]\\.[mM]\\.?|[aApP][mM]|[aApP]${S}[mM]\\.?)`;
  const twentyFourHour = '(?<h24>[01]?\\d|2[0-3]):(?<mi24>[0-5]\\d)';
  const military = `(?<mil>[01]\\d|2[0-3])(?<milm>[0-5]\\d)(?=${S}(?:${a.zone}|${k('hours', 'hrs')})${E})`;
  const oClock = `(?<oc>[01]?\\d|2[0-3])${S}${k("o'clock")}`;
  const zone = `(?:${S}${k('hours', 'hrs')})?(?:${S}(?<zone>${a.zone}))?`;
  const offset = `(?:${S0}\\(${S0}(?:GMT|UTC)${S0}(?<off>[+−-]${S0}\\d{1,2})(?::?[0-5]\\d)?${S0}\\))?`;
  const onDate = `(?:${S}(?:${k('on')}${S})?(?<date>${DATE_REF}))?`;
  kit.rule('clock', [NUMBER, ...lex.clockWords.keys()], `(?:${twelveHour}|${twentyFourHour}|${military}|${oClock}|(?<cw>${a.clockWord}))${zone}${offset}${onDate}${E}`, (site) => {
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
    // The date closes the match, so its offsets follow from its length.
    const dateSpan = g.date ? [site.end - g.date.length, site.end] as const : undefined;
    return {
      type: 'TIME',
      late: true,
      value: (ctx) => {
        // Without a date in its sentence, a clock time belongs to the day being narrated
        // ("abducted villagers on Saturday night ... stormed the village around 10 p.m.").
        let day = dateSpan ? dayOfValue(ctx.nested(dateSpan[0], dateSpan[1])) : ctx.sentenceDay() ?? ctx.narrativeDay() ?? ctx.dct;
        if (!day) return null;
        let h = hour - offset;
        if (h < 0) { h += 24; day = addDays(day, -1); }
        if (h >= 24 && !(hour === 24 && offset === 0)) { h -= 24; day = addDays(day, 1); }
        return `${formatDay(day)}T${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}${utc ? 'Z' : ''}`;
      },
    };
  }, undefined, kit.figure([1, 2, 4], ':. \t\u00a0aApP'));

  // "nighttime", "the morning", "in morning trading", "that night".
  kit.rule('part-of-day', [...POD_WORDS.map((w) => `that ${w}`), ...kit.the(POD_WORDS), 'early', 'late', ...POD_WORDS], `(?:(?<pre>${k('that', 'the', 'early', 'late')})${S})?(?<pod>${a.partOfDay})${E}`, (site) => {
    const g = site.groups;
    const raw = g.pod ?? '';
    const pod = lower(raw);
    const code = lex.partsOfDay.get(pod);
    if (!code) return null;
    if (isCapitalized(raw) && !g.pre && !site.atSentenceStart) return null;
    const standalone = !CUED_PARTS_OF_DAY.has(pod);
    const prev = site.prev() ?? '';
    const next = site.nextRaw();
    const modifiesNoun = !!next && /^\p{Ll}/u.test(next) && !NOT_NOUN_AFTER.has(next.toLowerCase());
    if (!g.pre && !standalone && !PART_OF_DAY_BEFORE.has(prev) && !modifiesNoun) return null;
    return {
      type: 'TIME',
      late: true,
      value: (ctx) => { const day = ctx.sentenceDay() ?? ctx.referenceDay(); return day ? `${formatDay(day)}T${code}` : null; },
    };
  });
}

const CUED_PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night', 'dawn', 'dusk']);
