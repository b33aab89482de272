import type { BriefContext } from './context.js';
import { reportedDay } from './store-view.js';
import type { ActorRef, SpeakerQuotes } from './types.js';

interface QuoteRow {
  article_id: number;
  sentence_id: number | null;
  start: number;
  end: number;
  text: string;
  speaker_text: string | null;
  speaker_name: string | null;
  speaker_role: string | null;
  entity_id: number | null;
  entity_name: string | null;
  entity_code: string | null;
  entity_country: string | null;
  published: string | null;
  reported: string;
}

/**
 * Direct quotes grouped by who said them (the corpus entity when the speaker was resolved to
 * one, else the speaker's name or words), most quoted first, each dated by its article. With
 * --about, a quote is kept when its speaker is in scope or its words name an actor or place
 * that is.
 */
export function quotesSection(ctx: BriefContext): SpeakerQuotes[] {
  const rows = ctx.view.db
    .prepare<[string], QuoteRow>(`
      SELECT q.article_id, q.sentence_id, q.start, q.end, q.text, q.speaker_text, q.speaker_name, q.speaker_role,
             e.id AS entity_id, e.name AS entity_name, e.code AS entity_code, e.country AS entity_country,
             a.published, ${reportedDay} AS reported
      FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.entity_id
      WHERE q.direct = 1 AND ${reportedDay} <= ?
      ORDER BY reported, q.article_id, q.start`)
    .all(ctx.asOf);

  const groups = new Map<string, SpeakerQuotes>();
  for (const r of rows) {
    if (!ctx.window.overlaps(r.reported)) continue;
    const actor: ActorRef | null = r.entity_id === null ? null : { id: r.entity_id, name: r.entity_name!, code: r.entity_code, country: r.entity_country };
    if (!ctx.scope.all && !ctx.scope.actor(actor) && !namesScope(ctx, r)) continue;
    const label = actor?.name ?? r.speaker_name ?? r.speaker_text ?? 'unattributed';
    const key = actor ? `entity:${actor.id}` : `name:${label.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) {
      group = { speaker: label, actor, role: r.speaker_role, quotes: [] };
      groups.set(key, group);
    }
    group.role ??= r.speaker_role;
    const citation = ctx.citer.cite(r.sentence_id);
    group.quotes.push({ text: r.text, date: r.published ?? r.reported, citations: citation ? [citation] : [] });
  }
  return [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length || a.speaker.localeCompare(b.speaker));
}

/** True when the quote's own words mention an actor or a place of the brief's scope. */
function namesScope(ctx: BriefContext, r: QuoteRow): boolean {
  const x = ctx.view.extraction(r.article_id);
  if (!x) return false;
  const within = (m: { start: number; end: number }) => m.start >= r.start && m.end <= r.end;
  const actors = ctx.view.actors(r.article_id);
  if (x.actors.some((a) => a.mentions.some(within) && ctx.scope.actor(actors.get(a.id)))) return true;
  const places = ctx.view.places(r.article_id);
  return x.places.some((p) => p.mentions.some(within) && ctx.scope.place(places.get(p.id)));
}
