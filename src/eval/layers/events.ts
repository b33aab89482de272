import type { GoldArticle, Located } from '../gold.js';
import type { GoldEvent } from '../gold-schema.js';
import type { Accuracy, Tally } from '../metrics.js';
import type { SystemOutput, SystemRecord } from '../system.js';
import { matchGreedy } from '../match.js';
import { clip, emptyFindings, show, type LayerFindings, type WrongField } from '../findings.js';
import { recordContains } from './spans.js';

/**
 * Events match when the system event's sentence holds the start of the gold snippet and the
 * PLOVER type is equal. Required gold events are matched first; optional ones then absorb
 * what they can of the rest, so they neither cost when missed nor count against when found.
 */
export function scoreEvents(gold: GoldArticle, system: SystemOutput, tally: Tally): LayerFindings {
  const findings = { ...emptyFindings('events'), goldCount: gold.events.filter((e) => !e.optional).length, systemCount: system.events.length };
  const fits = (g: Located<GoldEvent>, s: SystemRecord) => s.type === g.type && recordContains(s.sentence, g.span.start);
  const required = matchGreedy(gold.events.filter((e) => !e.optional), system.events, fits);
  const optional = matchGreedy(gold.events.filter((e) => e.optional), required.unmatched, fits);
  const codeOf = (actorId: unknown) => system.actorsById.get(actorId)?.code;

  for (const { gold: g, system: s } of required.pairs) {
    if (!s) {
      tally.events.falseNegatives++;
      findings.misses.push({ text: g.sentence, at: g.span.start, detail: `${g.type}${sameSentenceHint(g, system.events)}` });
      continue;
    }
    findings.matched++;
    tally.events.truePositives++;
    const check = (accuracy: Accuracy, field: string, want: unknown, got: unknown, right: boolean) => {
      if (want === undefined) return; // a field the annotator left out is not scored
      accuracy.add(right);
      if (!right) findings.wrong.push(wrong(g, field, got, want));
    };
    const anyOf = (want: string | string[] | undefined) => (want === undefined ? [] : Array.isArray(want) ? want : [want]);
    check(tally.eventsSource, 'source', g.source, codeOf(s.source), anyOf(g.source).includes(codeOf(s.source) as string));
    check(tally.eventsTarget, 'target', g.target, codeOf(s.target), anyOf(g.target).includes(codeOf(s.target) as string));
    check(tally.eventsStatus, 'status', g.status, s.status, s.status === g.status);
    check(tally.eventsDate, 'date', g.date, s.date, typeof s.date === 'string' && g.date !== undefined && s.date.startsWith(g.date));
    const placeCountry = system.placesById.get(s.place)?.country;
    check(tally.eventsPlace, 'place', g.place, placeCountry, placeCountry === g.place);
    check(tally.eventsFatalities, 'fatalities', g.fatalities, s.fatalities, Number(s.fatalities) === g.fatalities);
  }
  tally.events.falsePositives += optional.unmatched.length;
  for (const s of optional.unmatched) {
    const trigger = (s.trigger ?? {}) as SystemRecord;
    const sentence = s.sentence as SystemRecord | undefined;
    const words = sentence && typeof sentence.start === 'number' && typeof sentence.end === 'number' ? gold.text.slice(sentence.start, sentence.end) : '';
    findings.falseAlarms.push({
      text: typeof trigger.text === 'string' ? trigger.text : '(no trigger)',
      at: typeof trigger.start === 'number' ? trigger.start : null,
      detail: `${show(s.type)} ${show(codeOf(s.source))} → ${show(codeOf(s.target))}${words ? ` in "${clip(words)}"` : ''}`,
    });
  }
  return findings;
}

function wrong(g: Located<GoldEvent>, field: string, got: unknown, want: unknown): WrongField {
  return { text: clip(g.sentence, 40), at: g.span.start, field: `${g.type} ${field}`, got: show(got), want: show(want) };
}

/** A miss often has the right sentence and another type: say which types the system gave there. */
function sameSentenceHint(g: Located<GoldEvent>, events: readonly SystemRecord[]): string {
  const types = [...new Set(events.filter((s) => recordContains(s.sentence, g.span.start)).map((s) => show(s.type)))];
  return types.length ? ` (system has ${types.join(', ')} in this sentence)` : '';
}
