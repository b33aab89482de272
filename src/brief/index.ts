import type Database from 'better-sqlite3';
import { Citer } from './citations.js';
import { commitmentsSection } from './commitments.js';
import type { BriefContext } from './context.js';
import { contradictionsSection } from './contradictions.js';
import { briefKnowledge } from './knowledge.js';
import { parseBriefOptions } from './options.js';
import { postureSection } from './posture.js';
import { quotesSection } from './quotes.js';
import { resolveScope, ScopeFilter } from './scope.js';
import { StoreView } from './store-view.js';
import { summarySection } from './summary.js';
import { timelineSection } from './timeline.js';
import { BRIEF_SCHEMA, type Brief, type BriefOptions } from './types.js';
import { Window } from './window.js';

export { BriefError, parseBriefOptions } from './options.js';
export { renderMarkdown } from './render/markdown.js';
export { renderHtml } from './render/html.js';
export * from './types.js';

/**
 * The situation report over a store, as it stood on `asOf`: reads only, prints nothing.
 * Throws BriefError (one line) for bad options or an `about` that names nothing stored.
 */
export function buildBrief(db: Database.Database, options: BriefOptions): Brief {
  const opts = parseBriefOptions(options);
  const scope = opts.about === undefined ? null : resolveScope(db, opts.about);
  const view = new StoreView(db, opts.asOf);
  const ctx: BriefContext = {
    asOf: opts.asOf,
    view,
    events: view.events(),
    citer: new Citer(db),
    scope: new ScopeFilter(scope),
    window: new Window(opts.from, opts.to),
    k: briefKnowledge(),
  };
  const scoped = ctx.events.filter((e) => ctx.scope.event(e.ref));
  const inWindow = scoped.filter((e) => ctx.window.holdsEvent(e.ref));
  return {
    schema: BRIEF_SCHEMA,
    options: opts,
    scope,
    summary: summarySection(ctx, inWindow),
    timeline: timelineSection(ctx, inWindow),
    commitments: commitmentsSection(ctx, scoped),
    forcePosture: postureSection(ctx),
    quotes: quotesSection(ctx),
    contradictions: contradictionsSection(ctx, inWindow),
  };
}
