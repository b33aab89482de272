import { dayRange } from '../corpus/dates.js';
import { statusClass } from '../corpus/events.js';
import type { Extraction } from '../output/json.js';
import type { BriefContext } from './context.js';
import type { BriefKnowledge } from './knowledge.js';
import { reportedDay } from './store-view.js';
import type { PostureItem } from './types.js';

interface QuantityRow {
  article_id: number;
  local_id: string;
  sentence_id: number;
  s_start: number;
  s_end: number;
  start: number;
  end: number;
  text: string;
  value: number | null;
  unit: string;
  approx: number;
  reported: string;
}

interface Located {
  start: number;
  end: number;
}

/**
 * Troop numbers (quantities whose unit counts armed personnel, knowledge/brief.json) with the
 * actor and place of their own sentence. The actor is the one whose mention covers the counted
 * words ("1,500 French soldiers"), else the nearest named before the number (the subject: "the
 * U.S. has about 2,500 troops"), else the nearest after it. The place is the nearest named after
 * the number ("troops in Iraq"), else before it, leaving out the actor's own words, else the
 * place of the event nearest the number in the sentence. A figure is
 * dated by the nearest calendar date in its sentence (a deployment "by 2027" is the posture
 * planned for 2027), else by the article's publication day; "since 2014" dates no figure.
 * A figure with a casualty word near it ("five service members were wounded") counts losses,
 * not a posture, and is left out.
 */
export function postureSection(ctx: BriefContext): PostureItem[] {
  const rows = ctx.view.db
    .prepare<[string, string], QuantityRow>(`
      SELECT q.article_id, q.local_id, q.sentence_id, s.start AS s_start, s.end AS s_end, q.start, q.end, q.text, q.value, q.unit, q.approx,
             ${reportedDay} AS reported
      FROM quantities q JOIN articles a ON a.id = q.article_id JOIN sentences s ON s.id = q.sentence_id
      WHERE lower(q.unit) IN (SELECT value FROM json_each(?)) AND ${reportedDay} <= ?
      ORDER BY reported, q.article_id, q.start`)
    .all(JSON.stringify([...ctx.k.forceUnits]), ctx.asOf);

  const items: PostureItem[] = [];
  for (const r of rows) {
    const x = ctx.view.extraction(r.article_id);
    if (!x) continue;
    const quantity = x.quantities.find((q) => q.id === r.local_id);
    const counted: Located = quantity?.unitSpan ? { start: Math.min(r.start, quantity.unitSpan.start), end: Math.max(r.end, quantity.unitSpan.end) } : r;
    const sentence = { start: r.s_start, end: r.s_end };
    if (countsLosses(x.text, sentence, counted, ctx.k)) continue;
    const actorHit = pickActor(x, sentence, counted);
    const actor = actorHit ? (ctx.view.actors(r.article_id).get(actorHit.id) ?? null) : null;
    const context = nearestEvent(x, sentence, counted);
    const named = pickPlace(x, sentence, counted, actorHit?.mention ?? null);
    // The places layer can miss a name its sentence has; the place of the event the figure
    // takes part in ("troops in Iraq advising ...") is the next best witness.
    const placeId = named ?? context?.place ?? null;
    const place = placeId ? (ctx.view.places(r.article_id).get(placeId) ?? null) : null;
    if (!ctx.scope.all && !ctx.scope.actor(actor) && !ctx.scope.place(place)) continue;

    const dated = sentenceDate(x, sentence, counted);
    const date = dated ?? r.reported;
    const range = dayRange(date);
    if (range && !ctx.window.overlaps(range.start, range.end)) continue;

    const citation = ctx.citer.cite(r.sentence_id);
    items.push({
      actor,
      place,
      value: r.value,
      min: quantity?.min ?? null,
      approx: r.approx === 1,
      unit: r.unit,
      text: r.text,
      date,
      dateBasis: dated ? 'text' : 'published',
      placeBasis: place === null ? null : named ? 'sentence' : 'event',
      context: context ? { type: context.type, statusClass: statusClass(context.status), trigger: context.trigger.text } : null,
      citations: citation ? [citation] : [],
    });
  }
  return items.sort(
    (a, b) =>
      (a.actor?.name ?? '~').localeCompare(b.actor?.name ?? '~') ||
      (a.place?.name ?? '~').localeCompare(b.place?.name ?? '~') ||
      a.date.localeCompare(b.date),
  );
}

const WORD = /\p{L}+/gu;

function countsLosses(text: string, sentence: Located, counted: Located, k: BriefKnowledge): boolean {
  const from = Math.max(sentence.start, counted.start - k.casualtyWindow);
  const to = Math.min(sentence.end, counted.end + k.casualtyWindow);
  for (const m of text.slice(from, to).matchAll(WORD)) if (k.casualtyWords.has(m[0].toLowerCase())) return true;
  return false;
}

const inside = (m: Located, s: Located) => m.start >= s.start && m.end <= s.end;
const overlaps = (a: Located, b: Located) => a.start < b.end && b.start < a.end;

function pickActor(x: Extraction, sentence: Located, counted: Located): { id: string; mention: Located } | null {
  const placeSpans = x.places.flatMap((p) => p.mentions).filter((m) => inside(m, sentence));
  let covering: { id: string; mention: Located } | null = null;
  let before: { id: string; mention: Located } | null = null;
  let after: { id: string; mention: Located } | null = null;
  for (const a of x.actors) {
    for (const m of a.mentions) {
      if (!inside(m, sentence)) continue;
      if (overlaps(m, counted)) covering ??= { id: a.id, mention: m };
      else if (m.end <= counted.start) {
        if (!before || m.end > before.mention.end) before = { id: a.id, mention: m };
      } else if (!placeSpans.some((p) => overlaps(p, m))) {
        // After the number, a country's name is where the troops are, not whose they are.
        if (!after || m.start < after.mention.start) after = { id: a.id, mention: m };
      }
    }
  }
  return covering ?? before ?? after;
}

function pickPlace(x: Extraction, sentence: Located, counted: Located, actorMention: Located | null): string | null {
  let after: { id: string; at: number } | null = null;
  let before: { id: string; at: number } | null = null;
  for (const p of x.places) {
    for (const m of p.mentions) {
      if (!inside(m, sentence) || (actorMention && overlaps(m, actorMention))) continue;
      if (m.start >= counted.end) {
        if (!after || m.start < after.at) after = { id: p.id, at: m.start };
      } else if (m.end <= counted.start) {
        if (!before || m.end > before.at) before = { id: p.id, at: m.end };
      }
    }
  }
  return (after ?? before)?.id ?? null;
}

function sentenceDate(x: Extraction, sentence: Located, counted: Located): string | null {
  let best: { value: string; distance: number } | null = null;
  for (const t of x.times) {
    if (t.type !== 'DATE' || !inside(t, sentence) || t.value === null || t.bound === 'since' || t.bound === 'from') continue;
    if (dayRange(t.value) === null) continue;
    const distance = t.start >= counted.end ? t.start - counted.end : counted.start - t.end;
    if (!best || distance < best.distance) best = { value: t.value, distance };
  }
  return best?.value ?? null;
}

function nearestEvent(x: Extraction, sentence: Located, counted: Located): Extraction['events'][number] | null {
  let best: { e: Extraction['events'][number]; distance: number } | null = null;
  for (const e of x.events) {
    if (!inside(e.trigger, sentence)) continue;
    const distance = e.trigger.start >= counted.end ? e.trigger.start - counted.end : Math.max(0, counted.start - e.trigger.end);
    if (!best || distance < best.distance) best = { e, distance };
  }
  return best?.e ?? null;
}
