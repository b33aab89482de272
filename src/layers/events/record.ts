import type { Doc } from '../../doc/document.js';
import type { EventRecord } from '../../doc/layers.js';
import { confidenceOf } from './confidence.js';
import type { DraftEvent } from './types.js';

/** The event record of spec §2, plus where its date came from ("text", "published" or null). */
export type EventOutput = EventRecord & { dateSource: DraftEvent['dateSource'] };

const byFirstTrigger = (a: DraftEvent, b: DraftEvent) => a.triggers[0]!.start - b.triggers[0]!.start;

/** Drafts in text order as records "e1", "e2", ... */
export function toRecords(doc: Doc, drafts: DraftEvent[]): EventOutput[] {
  // Array.prototype.sort is stable: drafts of one start keep their order.
  const ordered = drafts.slice().sort(byFirstTrigger);
  return ordered.map((d, n) => {
    const t = d.triggers[0]!;
    const sentence = doc.sentences[d.sentenceIndex]!;
    const record: EventOutput = {
      id: `e${n + 1}`,
      type: d.type,
      mode: d.mode,
      cameo: d.cameo,
      status: d.status,
      source: d.source,
      target: d.target,
      time: d.time,
      date: d.date,
      dateSource: d.dateSource,
      place: d.place,
      fatalities: d.fatalities,
      trigger: doc.span(doc.tokens[t.start]!.start, doc.tokens[t.end - 1]!.end),
      sentence: { start: sentence.start, end: sentence.end },
      confidence: confidenceOf(d),
    };
    return record;
  });
}
