import type { BriefContext } from './context.js';
import type { BriefEvent } from './store-view.js';
import type { ActorRef, Citation, PlaceRef, SummarySection, TypeStatusRow } from './types.js';

/**
 * Events in the window and scope counted by type and status class, and the actors and places
 * that take part in the most of them; each line cites the first report of its best-sourced
 * events as examples.
 */
export function summarySection(ctx: BriefContext, inBrief: BriefEvent[]): SummarySection {
  const span = ctx.view.articleSpan();
  const examples = (events: BriefEvent[]): Citation[] =>
    ctx.citer.citeAll(
      [...events]
        .sort((a, b) => b.ref.numSources - a.ref.numSources || b.ref.numArticles - a.ref.numArticles || a.ref.eventId - b.ref.eventId)
        .slice(0, ctx.k.examplesPerLine)
        .map((e) => e.mentions[0]!.sentenceId),
    );

  const byType = new Map<string, BriefEvent[]>();
  const byActor = new Map<number, { actor: ActorRef; events: BriefEvent[] }>();
  const byPlace = new Map<number, { place: PlaceRef; events: BriefEvent[] }>();
  for (const e of inBrief) {
    push(byType, e.ref.type, e);
    const actors = new Map<number, ActorRef>();
    for (const a of [e.ref.source, e.ref.target]) if (a) actors.set(a.id, a);
    for (const a of actors.values()) {
      const entry = byActor.get(a.id) ?? { actor: a, events: [] };
      entry.events.push(e);
      byActor.set(a.id, entry);
    }
    if (e.ref.place) {
      const entry = byPlace.get(e.ref.place.id) ?? { place: e.ref.place, events: [] };
      entry.events.push(e);
      byPlace.set(e.ref.place.id, entry);
    }
  }

  const typeRows: TypeStatusRow[] = [...byType].map(([type, events]) => {
    const row: TypeStatusRow = { type, happened: 0, planned: 0, negated: 0, hypothetical: 0, total: events.length, citations: examples(events) };
    for (const e of events) row[e.ref.statusClass]++;
    return row;
  });
  typeRows.sort((a, b) => b.total - a.total || a.type.localeCompare(b.type));

  const ranked = <T extends { events: BriefEvent[] }>(entries: Iterable<T>, label: (t: T) => string, limit: number) =>
    [...entries]
      .sort((a, b) => b.events.length - a.events.length || label(a).localeCompare(label(b)))
      .slice(0, limit);

  return {
    articles: span.articles,
    events: inBrief.length,
    firstPublished: span.first,
    lastPublished: span.last,
    byType: typeRows,
    actors: ranked(byActor.values(), (x) => x.actor.name, ctx.k.topActors).map((x) => ({
      actor: x.actor,
      label: x.actor.name,
      count: x.events.length,
      citations: examples(x.events),
    })),
    places: ranked(byPlace.values(), (x) => x.place.name, ctx.k.topPlaces).map((x) => ({
      place: x.place,
      label: x.place.name,
      count: x.events.length,
      citations: examples(x.events),
    })),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
