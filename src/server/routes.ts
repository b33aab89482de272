import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getActor, getArticle, getEvent, listActors, listArticles, listPlaces, parseEventFilter, queryEvents } from '../corpus/query.js';
import { parsePaging } from '../corpus/query-filter.js';
import { actorNetwork, corpusStats } from '../corpus/overview.js';
import { buildBrief, parseBriefOptions, renderHtml, renderMarkdown } from '../brief/index.js';
import { HttpError, notFound, parseId } from './errors.js';

const searchSchema = z.object({ q: z.string().trim().max(200).optional() });

/** A listing's search and page; limit and offset read as /api/events reads them (blank = default, whole numbers only). */
function page(query: unknown): { q?: string; limit: number; offset: number } {
  const parsed = searchSchema.safeParse(query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  const { limit, offset } = parsePaging((query ?? {}) as { limit?: unknown; offset?: unknown });
  return { ...(parsed.data.q !== undefined && { q: parsed.data.q }), limit, offset };
}

type Params = { id: string };

/** The read-only JSON routes: each a thin call into the corpus query core or the brief. */
export function registerApiRoutes(app: FastifyInstance, db: Database.Database): void {
  app.get('/api/stats', async () => corpusStats(db));

  app.get('/api/events', async (req) => {
    const filter = parseEventFilter(req.query);
    const result = queryEvents(db, filter);
    return { total: result.total, limit: filter.limit, offset: filter.offset, events: result.events };
  });

  app.get<{ Params: Params }>('/api/events/:id', async (req) => getEvent(db, parseId(req.params.id, 'event')) ?? Promise.reject(notFound('event')));

  app.get('/api/actors', async (req) => listActors(db, page(req.query)));
  app.get<{ Params: Params }>('/api/actors/:id', async (req) => getActor(db, parseId(req.params.id, 'actor')) ?? Promise.reject(notFound('actor')));

  app.get('/api/places', async (req) => listPlaces(db, page(req.query)));

  app.get('/api/network', async (req) => actorNetwork(db, parseEventFilter(req.query)));

  app.get('/api/articles', async (req) => listArticles(db, page(req.query)));
  app.get<{ Params: Params }>('/api/articles/:id', async (req) => getArticle(db, parseId(req.params.id, 'article')) ?? Promise.reject(notFound('article')));

  app.get<{ Querystring: Record<string, string | undefined> }>('/api/brief', async (req, reply) => {
    const { format, ...rest } = req.query;
    if (format !== undefined && !['json', 'md', 'html'].includes(format)) throw new HttpError(400, `format must be json, md or html, not "${format}"`);
    const brief = buildBrief(db, parseBriefOptions(rest));
    if (format === 'md') return reply.type('text/markdown; charset=utf-8').send(renderMarkdown(brief));
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderHtml(brief));
    return brief;
  });
}
