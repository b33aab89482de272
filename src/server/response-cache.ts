import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { storeVersion } from '../corpus/query-totals.js';

/** Most responses kept, and the largest one kept (bytes): a dashboard's views, not an export. */
const MAX_ENTRIES = 1000;
const MAX_BODY = 1 << 20;

interface Entry {
  body: string;
  type: string;
  etag: string;
}

/** The brief's standings default to today: an answer is kept for the day it was made on. */
const keyOf = (url: string): string => `${new Date().toISOString().slice(0, 10)} ${url}`;

/**
 * Keeps the JSON answers of GET /api/... for as long as the store does not change: the views
 * of the web interface ask the same questions over and over (every analyst opening the
 * overview asks for the same events, stats and brief). Any write, by this server's ingest or
 * by another process, changes the store version and empties the cache. Responses carry an
 * ETag, so a browser that has the answer gets a 304 without a body.
 */
export function registerResponseCache(app: FastifyInstance, db: Database.Database): void {
  let version = '';
  const entries = new Map<string, Entry>();
  let counter = 0;

  const current = (): Map<string, Entry> => {
    const v = storeVersion(db);
    if (v !== version) {
      version = v;
      entries.clear();
    }
    return entries;
  };

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.url.startsWith('/api/')) return;
    const key = keyOf(req.url);
    const hit = current().get(key);
    if (!hit) return;
    // Re-inserting keeps the Map in least-recently-used order.
    entries.delete(key);
    entries.set(key, hit);
    void reply.header('ETag', hit.etag).header('X-Cache', 'hit');
    if (req.headers['if-none-match'] === hit.etag) return reply.status(304).send();
    return reply.type(hit.type).send(hit.body);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method !== 'GET' || !req.url.startsWith('/api/') || reply.statusCode !== 200) return payload;
    if (reply.getHeader('X-Cache') === 'hit' || typeof payload !== 'string' || payload.length > MAX_BODY) return payload;
    const cache = current();
    const entry: Entry = { body: payload, type: String(reply.getHeader('content-type') ?? 'application/json'), etag: `"${version.replace(':', '-')}-${++counter}"` };
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(keyOf(req.url), entry);
    void reply.header('ETag', entry.etag).header('X-Cache', 'miss');
    return payload;
  });
}
