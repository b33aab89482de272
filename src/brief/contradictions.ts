import { eventCitations, type BriefContext } from './context.js';
import { datesAgree, sameParties } from './match.js';
import type { BriefEvent } from './store-view.js';
import type { ContradictionItem } from './types.js';

/**
 * Reports that say an event is planned or happening, set against reports that deny an event of
 * the same type with the same parties, a place that agrees and (when both texts give one) a
 * date that agrees. The two must rest on different sentences; when every denial comes from an
 * article that also makes the claim, the item says so (`sameArticle`), since one outlet
 * hedging its own story is weaker than two outlets disagreeing.
 */
export function contradictionsSection(ctx: BriefContext, inBrief: BriefEvent[]): ContradictionItem[] {
  const negated = ctx.events.filter((e) => e.ref.statusClass === 'negated');
  const inBriefIds = new Set(inBrief.map((e) => e.ref.eventId));
  const items: ContradictionItem[] = [];
  for (const claim of ctx.events) {
    const cls = claim.ref.statusClass;
    if (cls !== 'planned' && cls !== 'happened') continue;
    const claimSentences = new Set(claim.mentions.map((m) => m.sentenceId));
    const claimArticles = new Set(claim.mentions.map((m) => m.articleId));
    const negations: ContradictionItem['negations'] = [];
    for (const denial of negated) {
      // A pair is in the brief when either side is in its scope and window.
      if (!inBriefIds.has(claim.ref.eventId) && !inBriefIds.has(denial.ref.eventId)) continue;
      if (denial.ref.type !== claim.ref.type || !sameParties(claim.ref, denial.ref) || !datesAgree(claim.ref, denial.ref)) continue;
      if (denial.mentions.some((m) => m.sentenceId !== null && claimSentences.has(m.sentenceId))) continue;
      const sameArticle = denial.mentions.every((m) => claimArticles.has(m.articleId)) && claimArticles.size === 1;
      negations.push({ event: denial.ref, citations: eventCitations(ctx, denial), sameArticle });
    }
    if (negations.length === 0) continue;
    items.push({
      asserted: claim.ref,
      assertedCitations: eventCitations(ctx, claim),
      negations,
      sameArticle: negations.every((n) => n.sameArticle),
    });
  }
  return items.sort((a, b) => a.asserted.firstReported.localeCompare(b.asserted.firstReported) || a.asserted.eventId - b.asserted.eventId);
}
