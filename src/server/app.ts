import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { InputError } from '../article/errors.js';
import { MAX_INPUT_BYTES } from '../article/read.js';
import { createPipeline } from '../extract.js';
import { toExtraction } from '../output/json.js';
import { CorpusWriter } from '../corpus/writer.js';
import { QueryError } from '../corpus/query.js';
import { BriefError } from '../brief/index.js';
import { HttpError } from './errors.js';
import { registerApiRoutes } from './routes.js';
import { registerResponseCache } from './response-cache.js';
import { articleFromBody } from './ingest-body.js';
import { hasToken } from './auth.js';
import { openApiDocument } from './openapi.js';

export interface ServerOptions {
  db: Database.Database;
  /** The token POST /api/articles requires; without one, ingest over HTTP is refused. */
  token?: string | null;
  /** Largest request body accepted (bytes). */
  bodyLimit?: number;
  /** The built web interface (web/dist); served at / when present. */
  webRoot?: string | null;
  logger?: boolean;
  /** Keep GET answers until the store changes (default true). */
  cacheResponses?: boolean;
}

/** The web interface's build beside the package: web/dist from src/server or dist/src/server. */
export function defaultWebRoot(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'web', 'dist');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

/**
 * The HTTP server: a JSON API over the store (the same query core as the CLI), the situation
 * brief, authenticated ingest of one article, and the bundled web interface. Bad input is a
 * 400 with a one-line message; only a fault of the server itself is a 500.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { db } = options;
  const bodyLimit = options.bodyLimit ?? MAX_INPUT_BYTES;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit });

  // Every body reaches its route as bytes: the ingest route reads JSON, HTML or plain text itself.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    // The interface loads nothing from elsewhere; article text can never run as script.
    reply.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    return payload;
  });

  app.setErrorHandler((error: unknown, _req: FastifyRequest, reply: FastifyReply) => {
    const { status, message } = describe(error, bodyLimit);
    if (status >= 500) app.log.error(error);
    void reply.status(status).type('application/json').send({ error: message });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` });
  });

  if (options.cacheResponses !== false) registerResponseCache(app, db);
  registerApiRoutes(app, db);

  const pipeline = createPipeline();
  const writer = new CorpusWriter(db);
  // The token is checked on the headers alone (onRequest), so a caller without it never gets a body read or a 413.
  const requireToken = async (req: FastifyRequest): Promise<void> => {
    if (!options.token) throw new HttpError(401, 'ingest over HTTP is disabled: start the server with --token or SITREP_TOKEN');
    const headerToken = req.headers['x-sitrep-token'];
    if (!hasToken(options.token, req.headers.authorization, typeof headerToken === 'string' ? headerToken : undefined)) {
      throw new HttpError(401, 'a valid token is required: Authorization: Bearer <token>');
    }
  };
  app.post('/api/articles', { onRequest: requireToken }, async (req, reply) => {
    const article = articleFromBody(req.body, req.headers['content-type']);
    const result = writer.save(toExtraction(pipeline.run(article)), 'http');
    void reply.status(result.status === 'new' ? 201 : 200);
    return { status: result.status, articleId: result.articleId, events: result.events };
  });

  app.get('/api/openapi.json', async () => openApiDocument());

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain').send('sitrep API is running; the web interface is not built (npm run build:web). API: /api/openapi.json\n'),
    );
  }
  return app;
}

function describe(error: unknown, bodyLimit: number): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.statusCode, message: error.message };
  if (error instanceof QueryError || error instanceof BriefError) return { status: 400, message: error.message };
  if (error instanceof InputError) return { status: 400, message: error.message };
  const e = error as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, message: `the body is over the ${sizeLabel(bodyLimit)} limit for one article` };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return { status: e.statusCode, message: (e.message ?? 'bad request').split('\n')[0]! };
  return { status: 500, message: 'internal error' };
}

const sizeLabel = (bytes: number): string => (bytes >= 1048576 ? `${+(bytes / 1048576).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} kB`);
