import type { Citer } from './citations.js';
import type { BriefKnowledge } from './knowledge.js';
import type { ScopeFilter } from './scope.js';
import type { BriefEvent, StoreView } from './store-view.js';
import type { Citation } from './types.js';
import type { Window } from './window.js';

/** What every section reads: the store as of the brief's day, its events, the filters and the knowledge. */
export interface BriefContext {
  asOf: string;
  view: StoreView;
  /** Every event with a report visible on the brief's day, whatever the scope and window. */
  events: BriefEvent[];
  citer: Citer;
  scope: ScopeFilter;
  window: Window;
  k: BriefKnowledge;
}

/** The sentences that report an event, in the order they were reported. */
export function eventCitations(ctx: BriefContext, e: BriefEvent, mentions = e.mentions): Citation[] {
  return ctx.citer.citeAll(mentions.map((m) => m.sentenceId));
}
