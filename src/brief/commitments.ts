import { addDays } from '../corpus/dates.js';
import { eventCitations, type BriefContext } from './context.js';
import { datesAgree, sameParties } from './match.js';
import type { BriefEvent, VisibleMention } from './store-view.js';
import type { CommitmentEvidence, CommitmentItem, Standing } from './types.js';

/**
 * Every planned event of a commitment type (knowledge/brief.json) with its standing on the
 * brief's day. Only reports published on or before that day are read. A report counts as
 * news about a plan when it was published on or after the plan was first reported and is not
 * one of the articles that first reported it (a plan and its own article's other sentences are
 * one voice). Then the plan is:
 * - fulfilled: such a report, with a fulfilling status ("withdrew"), tells of an event of a type
 *   that fulfils it, with the same parties (same entity or organs of one state) and a place
 *   that agrees (same, or a country and a place in it), dated (if at all) no earlier than
 *   the plan's first report, and reported within the fulfilment horizon after the deadline
 *   (or, without one, after the first report); `late` when that event is dated after the deadline;
 * - contradicted: such a report denies an event of the same type with the same parties,
 *   place and (when both texts give one) date;
 * - else no-deadline when no text gave it a date, upcoming up to its deadline (the last day of
 *   the period named: "by 2027" = 2027-12-31), overdue-unconfirmed after it.
 * Fulfilment wins over contradiction: an event reported as done is the stronger fact.
 */
export function commitmentsSection(ctx: BriefContext, scoped: BriefEvent[]): CommitmentItem[] {
  const happened = ctx.events.filter((e) => e.ref.statusClass === 'happened');
  const negated = ctx.events.filter((e) => e.ref.statusClass === 'negated');
  const items: CommitmentItem[] = [];

  for (const plan of scoped) {
    const family = ctx.k.commitmentTypes.get(plan.ref.type);
    if (plan.ref.statusClass !== 'planned' || family === undefined || !ctx.window.holdsPlan(plan.ref)) continue;
    const deadline = plan.ref.dateSource === 'text' ? plan.ref.dateEnd : null;
    const isNews = newsFilter(plan);
    const horizon = addDays(deadline ?? plan.ref.firstReported, ctx.k.fulfilmentHorizonDays);

    const fulfilments = evidence(ctx, happened, (e) =>
      family.fulfilledBy.has(e.ref.type) &&
      sameParties(plan.ref, e.ref) &&
      (e.ref.dateEnd === null || e.ref.dateEnd >= plan.ref.firstReported),
      (m) => isNews(m) && m.reported <= horizon && ctx.k.fulfillingStatuses.has(m.status));
    const contradictions = fulfilments.length > 0 ? [] : evidence(ctx, negated, (e) =>
      e.ref.type === plan.ref.type && sameParties(plan.ref, e.ref) && datesAgree(plan.ref, e.ref), isNews);

    let standing: Standing;
    if (fulfilments.length > 0) standing = 'fulfilled';
    else if (contradictions.length > 0) standing = 'contradicted';
    else if (deadline === null) standing = 'no-deadline';
    else standing = ctx.asOf <= deadline ? 'upcoming' : 'overdue-unconfirmed';

    const doneOn = fulfilments.map((f) => f.event.dateStart ?? f.reported).sort()[0];
    items.push({
      event: plan.ref,
      family: family.label,
      deadline,
      standing,
      evidence: standing === 'fulfilled' ? fulfilments : contradictions,
      late: standing === 'fulfilled' && deadline !== null && doneOn !== undefined && doneOn > deadline,
      citations: eventCitations(ctx, plan),
    });
  }
  return items.sort(
    (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.event.firstReported.localeCompare(b.event.firstReported) || a.event.eventId - b.event.eventId,
  );
}

/** True for a report that can bring news of the plan: not earlier than it, not from the articles that announced it. */
function newsFilter(plan: BriefEvent): (m: VisibleMention) => boolean {
  const first = plan.ref.firstReported;
  const announcing = new Set(plan.mentions.filter((m) => m.reported === first).map((m) => m.articleId));
  return (m) => m.reported >= first && !announcing.has(m.articleId);
}

function evidence(
  ctx: BriefContext,
  candidates: BriefEvent[],
  matches: (e: BriefEvent) => boolean,
  counts: (m: VisibleMention) => boolean,
): CommitmentEvidence[] {
  const out: CommitmentEvidence[] = [];
  for (const e of candidates) {
    if (!matches(e)) continue;
    const mentions = e.mentions.filter(counts);
    if (mentions.length === 0) continue;
    out.push({ event: e.ref, reported: mentions[0]!.reported, citations: eventCitations(ctx, e, mentions) });
  }
  return out.sort((a, b) => a.reported.localeCompare(b.reported) || a.event.eventId - b.event.eventId);
}
