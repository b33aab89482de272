import { eventCitations, type BriefContext } from './context.js';
import type { BriefEvent } from './store-view.js';
import type { TimelineItem } from './types.js';

/**
 * What happened (reported or ongoing events), in date order: an event is placed on the period
 * it is dated to (a TimeML value: "2024-09" for "earlier this month"), ordered by its first
 * day, or on the day it was first reported when no report dates it.
 */
export function timelineSection(ctx: BriefContext, inBrief: BriefEvent[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const e of inBrief) {
    if (e.ref.statusClass !== 'happened') continue;
    const dated = e.ref.dateStart !== null;
    items.push({
      date: dated ? (e.ref.date ?? e.ref.dateStart!) : e.ref.firstReported,
      dateBasis: dated ? (e.ref.dateSource === 'text' ? 'text' : 'published') : 'reported',
      event: e.ref,
      citations: eventCitations(ctx, e),
    });
  }
  const day = (t: TimelineItem) => t.event.dateStart ?? t.event.firstReported;
  return items.sort((a, b) => day(a).localeCompare(day(b)) || a.event.eventId - b.event.eventId);
}
