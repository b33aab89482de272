// The HTTP API over real sockets: a store filled by the real pipeline from articles we wrote
// (test/fixtures/corpus), every route read back and checked against the article texts, bad
// input refused with a 400 and never a 500, and ingest guarded by the token.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { readArticleFile } from '../src/article/read.js';
import { openStore } from '../src/corpus/store.js';
import { CorpusWriter } from '../src/corpus/writer.js';
import { createPipeline } from '../src/extract.js';
import { toExtraction } from '../src/output/json.js';
import { buildServer } from '../src/server/app.js';
import { repoRoot } from './support/shared.js';

const TOKEN = 't0ken';
const BODY_LIMIT = 10_000;

interface Reply<T = unknown> {
  status: number;
  type: string;
  headers: Headers;
  body: T;
  text: string;
}

interface Entity { id: number; name: string; code: string | null; kind: string; country: string | null }
interface Place { id: number; name: string; kind: string; country: string | null; lat: number | null; lon: number | null }
interface Event {
  id: number; type: string; cameo: string; quadClass: number; status: string; statusClass: string;
  date: string | null; dateStart: string | null; dateEnd: string | null;
  source: Entity | null; target: Entity | null; place: Place | null;
  numArticles: number; evidence: { articleId: number; sentence: string; trigger: string };
}
interface Span { start: number; end: number; text: string }
interface MentionOut {
  id: number;
  article: { id: number; title: string | null };
  sentence: { id: number | null; text: string; start: number; end: number };
  trigger: Span;
  status: string;
}
interface EventPage { total: number; limit: number; offset: number; events: Event[] }
interface ArticleDetail {
  id: number; docId: string; title: string | null; url: string | null; source: string | null; published: string | null; origin: string | null;
  extraction: {
    text: string;
    sentences: { start: number; end: number }[];
    times: Span[]; quantities: Span[]; quotes: Span[];
    places: { mentions: Span[] }[]; actors: { mentions: Span[] }[];
    events: { trigger: Span; sentence: { start: number; end: number } }[];
  };
}

class Client {
  constructor(readonly base: string) {}

  async call<T = unknown>(url: string, init: RequestInit = {}): Promise<Reply<T>> {
    const res = await fetch(this.base + url, init);
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const body = (type.startsWith('application/json') ? JSON.parse(text) : text) as T;
    return { status: res.status, type, headers: res.headers, body, text };
  }

  /** GET that must answer 200 with JSON. */
  async ok<T>(url: string): Promise<T> {
    const r = await this.call<T>(url);
    assert.equal(r.status, 200, `${url} -> ${r.status} ${r.text}`);
    assert.match(r.type, /^application\/json/, url);
    return r.body;
  }

  post(body: string, headers: Record<string, string>): Promise<Reply<{ status?: string; articleId?: number; events?: number; error?: string }>> {
    return this.call('/api/articles', { method: 'POST', body, headers });
  }
}

const q = (params: Record<string, string | number>) => '?' + new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
const ids = (events: readonly { id: number }[]) => events.map((e) => e.id);

/** A 4xx with a one-line JSON error: what every refused request must look like. */
function assertRefused(r: Reply, status: number, url: string): void {
  assert.equal(r.status, status, `${url} -> ${r.status} ${r.text}`);
  assert.match(r.type, /^application\/json/, url);
  const { error } = r.body as { error?: unknown };
  assert.equal(typeof error, 'string', url);
  assert.ok((error as string).length > 0 && !(error as string).includes('\n'), `${url}: one-line error, got ${JSON.stringify(error)}`);
  assert.doesNotMatch(error as string, /\bat .+:\d+:\d+/, `${url}: no stack trace`);
}

async function serve(db: Database.Database, token: string | null): Promise<{ app: FastifyInstance; client: Client }> {
  const app = await buildServer({ db, token, webRoot: null, bodyLimit: BODY_LIMIT });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, client: new Client(address) };
}

function fixtureFiles(): string[] {
  const root = path.join(repoRoot, 'test/fixtures/corpus');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(root, d.name)).filter((f) => f.endsWith('.json')).map((f) => path.join(root, d.name, f)))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// The read-only API over a store of the fixture articles

describe('read API over a store of our fixture articles', () => {
  let dir: string;
  let db: Database.Database;
  let app: FastifyInstance;
  let api: Client;
  let all: Event[];
  let stats: { articles: number; events: number; actors: number; places: number; firstDate: string | null; lastDate: string | null; byType: Record<string, number>; byStatus: Record<string, number> };
  const articleCache = new Map<number, ArticleDetail>();
  const article = async (id: number): Promise<ArticleDetail> => {
    let a = articleCache.get(id);
    if (!a) articleCache.set(id, (a = await api.ok<ArticleDetail>(`/api/articles/${id}`)));
    return a;
  };
  const events = (params: Record<string, string | number>) => api.ok<EventPage>(`/api/events${q({ limit: 1000, ...params })}`);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitrep-server-test-'));
    db = openStore(path.join(dir, 'store.db'));
    const writer = new CorpusWriter(db);
    const pipeline = createPipeline();
    for (const file of fixtureFiles()) writer.save(toExtraction(pipeline.run(readArticleFile(file))), file);
    ({ app, client: api } = await serve(db, TOKEN));
    stats = await api.ok('/api/stats');
    all = (await events({})).events;
  });

  after(async () => {
    await app?.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/api/stats counts what the store holds', async () => {
    const files = fixtureFiles().length;
    assert.equal(stats.articles, files);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    assert.equal(stats.events, count('events'));
    assert.equal(stats.actors, count('entities'));
    assert.equal(stats.places, count('places'));
    assert.ok(stats.events >= 10, `the fixtures hold events (${stats.events})`);
    assert.equal(Object.values(stats.byType).reduce((a, b) => a + b, 0), stats.events);
    assert.equal(Object.values(stats.byStatus).reduce((a, b) => a + b, 0), stats.events);
    assert.ok(stats.byType['ASSAULT']! > 0, 'the raids are ASSAULT events');
    assert.match(stats.firstDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(stats.firstDate! <= stats.lastDate!);
  });

  test('/api/events without filters: every event, dated ones by first day, paging echoed', async () => {
    const page = await api.ok<EventPage>('/api/events');
    assert.equal(page.total, stats.events);
    assert.equal(page.limit, 100);
    assert.equal(page.offset, 0);
    assert.deepEqual(ids(page.events), ids(all));
    const dated = all.filter((e) => e.dateStart !== null);
    assert.deepEqual(dated.map((e) => e.dateStart), dated.map((e) => e.dateStart).sort(), 'dated events in date order');
    assert.ok(all.findIndex((e) => e.dateStart === null) === -1 || all.slice(all.findIndex((e) => e.dateStart === null)).every((e) => e.dateStart === null), 'undated last');
    for (const e of all) {
      // CAMEO's quad classes: roots 01-05 verbal cooperation, 06-09 material, 10-14 verbal conflict, 15-20 material.
      const root = Number(e.cameo.slice(0, 2));
      assert.equal(e.quadClass, root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4, `quad class of CAMEO ${e.cameo}`);
      assert.ok(['happened', 'planned', 'negated', 'hypothetical'].includes(e.statusClass));
      const a = await article(e.evidence.articleId);
      assert.ok(a.extraction.text.includes(e.evidence.sentence), `evidence sentence of event ${e.id} is in its article`);
      assert.ok(e.evidence.sentence.includes(e.evidence.trigger), `evidence trigger of event ${e.id} is in its sentence`);
    }
  });

  test('/api/events?type= and ?status= select exactly the events of that type or status', async () => {
    for (const [type, n] of Object.entries(stats.byType)) {
      for (const spelled of [type, type.toLowerCase()]) {
        const page = await events({ type: spelled });
        assert.equal(page.total, n, `type=${spelled}`);
        assert.deepEqual(ids(page.events), ids(all.filter((e) => e.type === type)), `type=${spelled}`);
      }
    }
    for (const [status, n] of Object.entries(stats.byStatus)) {
      const page = await events({ status });
      assert.equal(page.total, n, `status=${status}`);
      assert.deepEqual(ids(page.events), ids(all.filter((e) => e.status === status)), `status=${status}`);
    }
  });

  test('/api/events?from=&to= keep the events whose days overlap the window', async () => {
    const overlaps = (e: Event, from?: string, to?: string) =>
      e.dateStart !== null && e.dateEnd !== null && (to === undefined || e.dateStart <= to) && (from === undefined || e.dateEnd >= from);
    const windows: [string | undefined, string | undefined][] = [
      ['2024-08-26', '2024-08-28'],
      ['2024-08-27', '2024-08-27'],
      ['2024-01-01', undefined],
      [undefined, '2024-06-30'],
      ['2030-01-01', '2030-12-31'],
    ];
    let nonEmpty = 0;
    for (const [from, to] of windows) {
      const page = await events({ ...(from && { from }), ...(to && { to }) });
      const expected = all.filter((e) => overlaps(e, from, to));
      assert.deepEqual(ids(page.events), ids(expected), `from=${from} to=${to}`);
      assert.equal(page.total, expected.length);
      if (expected.length > 0 && expected.length < all.length) nonEmpty++;
    }
    assert.ok(nonEmpty >= 2, 'the windows select some events and leave others out');
  });

  test('/api/events?actor= finds an actor by name, by code and by code prefix', async () => {
    const touches = (e: Event, pred: (x: Entity) => boolean) => [e.source, e.target].some((x) => x !== null && pred(x));
    const isis = await events({ actor: 'ISIS' });
    assert.ok(isis.total > 0, 'the Islamic State is a side of the raids');
    assert.deepEqual(ids(isis.events), ids(all.filter((e) => touches(e, (x) => x.code === 'ISIS'))));
    const byName = await events({ actor: 'islamic state' });
    assert.deepEqual(ids(byName.events), ids(isis.events), 'name, any case, and code give the same events');
    const usa = await events({ actor: 'USA' });
    assert.ok(usa.total > 0);
    assert.deepEqual(ids(usa.events), ids(all.filter((e) => touches(e, (x) => x.code?.startsWith('USA') ?? false))), 'USA takes in USAMIL');
    assert.equal((await events({ actor: 'Nobody Atall' })).total, 0);
  });

  test('/api/events?place= by country code and by place name', async () => {
    const syr = await events({ place: 'SYR' });
    assert.ok(syr.total > 0);
    assert.deepEqual(ids(syr.events), ids(all.filter((e) => e.place?.country === 'SYR')));
    const named = all.find((e) => e.place !== null && e.place.kind !== 'country')!.place!;
    const byName = await events({ place: named.name.toUpperCase() });
    assert.ok(byName.events.some((e) => e.place?.id === named.id));
    assert.ok(byName.events.every((e) => e.place?.name.toLowerCase() === named.name.toLowerCase()), `place=${named.name}`);
  });

  test('/api/events?text= keeps exactly the events reported in a sentence with the word', async () => {
    const details = await Promise.all(all.map((e) => api.ok<Event & { mentions: MentionOut[] }>(`/api/events/${e.id}`)));
    for (const word of ['raid', 'killed', 'Sudani']) {
      const re = new RegExp(`\\b${word}\\b`, 'i');
      const expected = details.filter((d) => d.mentions.some((m) => m.sentence.id !== null && re.test(m.sentence.text)));
      const page = await events({ text: word });
      assert.ok(expected.length > 0, `some sentence says "${word}"`);
      assert.deepEqual(ids(page.events), ids(expected), `text=${word}`);
    }
    const two = await events({ text: 'Deir province' });
    const bothWords = details.filter((d) => d.mentions.some((m) => m.sentence.id !== null && /\bdeir\b/i.test(m.sentence.text) && /\bprovince\b/i.test(m.sentence.text)));
    assert.deepEqual(ids(two.events), ids(bothWords), 'all words must be in one sentence');
  });

  test('/api/events filters combine as AND', async () => {
    const page = await events({ type: 'ASSAULT', place: 'SYR', from: '2024-01-01' });
    const expected = all.filter((e) => e.type === 'ASSAULT' && e.place?.country === 'SYR' && e.dateEnd !== null && e.dateEnd >= '2024-01-01');
    assert.ok(expected.length > 0);
    assert.deepEqual(ids(page.events), ids(expected));
  });

  test('/api/events pages with limit and offset; total counts every match', async () => {
    const seen: number[] = [];
    for (let offset = 0; offset < all.length; offset += 4) {
      const page = await api.ok<EventPage>(`/api/events${q({ limit: 4, offset })}`);
      assert.equal(page.total, all.length);
      assert.equal(page.limit, 4);
      assert.equal(page.offset, offset);
      assert.equal(page.events.length, Math.min(4, all.length - offset));
      seen.push(...ids(page.events));
    }
    assert.deepEqual(seen, ids(all), 'the pages put together are the whole list, in order, once');
    const past = await api.ok<EventPage>(`/api/events${q({ offset: all.length + 10 })}`);
    assert.equal(past.total, all.length);
    assert.deepEqual(past.events, []);
    const blank = await api.ok<EventPage>('/api/events?limit=&offset=&type=&actor=');
    assert.equal(blank.total, all.length, 'blank parameters are not filters');
    assert.equal((await api.ok<EventPage>('/api/events?limit=1000')).events.length, all.length);
  });

  test('/api/events/:id: every report, its sentence and trigger slice the article text', async () => {
    let mentions = 0;
    for (const e of all) {
      const d = await api.ok<Event & { mentions: MentionOut[] }>(`/api/events/${e.id}`);
      assert.equal(d.id, e.id);
      assert.equal(d.type, e.type);
      assert.ok(d.mentions.length >= 1, `event ${e.id} has a report`);
      assert.equal(new Set(d.mentions.map((m) => m.article.id)).size, d.numArticles, `numArticles of event ${e.id}`);
      assert.ok(d.mentions.some((m) => m.article.id === e.evidence.articleId), 'the evidence is one of the reports');
      for (const m of d.mentions) {
        const text = (await article(m.article.id)).extraction.text;
        assert.equal(text.slice(m.trigger.start, m.trigger.end), m.trigger.text, `trigger of mention ${m.id}`);
        assert.equal(text.slice(m.sentence.start, m.sentence.end), m.sentence.text, `sentence of mention ${m.id}`);
        assert.ok(m.sentence.start <= m.trigger.start && m.trigger.end <= m.sentence.end, `trigger inside its sentence (mention ${m.id})`);
        assert.equal(m.article.title, (await article(m.article.id)).title);
        mentions++;
      }
    }
    assert.ok(mentions >= all.length);
  });

  test('/api/actors lists actors by activity; q searches names and codes; /api/actors/:id', async () => {
    const list = await api.ok<{ total: number; actors: (Entity & { names: string[]; articles: number; asSource: number; asTarget: number })[] }>('/api/actors?limit=1000');
    assert.equal(list.total, stats.actors);
    assert.equal(list.actors.length, stats.actors);
    const activity = list.actors.map((a) => a.articles + a.asSource + a.asTarget);
    assert.deepEqual(activity, [...activity].sort((a, b) => b - a), 'most active first');
    for (const a of list.actors) {
      assert.equal(a.asSource, all.filter((e) => e.source?.id === a.id).length, `asSource of ${a.name}`);
      assert.equal(a.asTarget, all.filter((e) => e.target?.id === a.id).length, `asTarget of ${a.name}`);
    }
    const found = await api.ok<{ total: number; actors: Entity[] }>('/api/actors?q=islamic');
    assert.ok(found.actors.some((a) => a.code === 'ISIS'));
    assert.ok(found.total < list.total);
    const byCode = await api.ok<{ actors: Entity[] }>('/api/actors?q=USA');
    assert.ok(byCode.actors.length > 0 && byCode.actors.every((a) => a.code?.startsWith('USA') || a.country === 'USA' || /americ|u\.s\.|united states|usa/i.test(a.name)));
    const paged = await api.ok<{ total: number; actors: Entity[] }>('/api/actors?limit=2&offset=2');
    assert.deepEqual(ids(paged.actors), ids(list.actors.slice(2, 4)));

    const top = list.actors[0]!;
    const one = await api.ok<Entity & { names: string[]; articles: number; events: Event[]; timeline: { month: string; asSource: number; asTarget: number }[] }>(`/api/actors/${top.id}`);
    assert.equal(one.id, top.id);
    assert.equal(one.name, top.name);
    assert.deepEqual(one.names, top.names);
    assert.equal(one.events.length, all.filter((e) => e.source?.id === top.id || e.target?.id === top.id).length);
    assert.ok(one.events.every((e) => e.source?.id === top.id || e.target?.id === top.id));
    for (const t of one.timeline) assert.match(t.month, /^\d{4}-\d{2}$/);
    assert.ok(one.timeline.reduce((n, t) => n + t.asSource, 0) <= top.asSource);
    assert.ok(one.timeline.reduce((n, t) => n + t.asTarget, 0) <= top.asTarget);
  });

  test('/api/places lists places with their events', async () => {
    const list = await api.ok<{ total: number; places: (Place & { events: number; articles: number })[] }>('/api/places?limit=1000');
    assert.equal(list.total, stats.places);
    for (const p of list.places) assert.equal(p.events, all.filter((e) => e.place?.id === p.id).length, `events at ${p.name}`);
    const counts = list.places.map((p) => p.events);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most events first');
    assert.ok(list.places.some((p) => p.country === 'SYR'));
    const syria = await api.ok<{ places: Place[] }>('/api/places?q=SYR');
    assert.ok(syria.places.length > 0 && syria.places.every((p) => p.country === 'SYR' || p.name.toLowerCase().includes('syr')));
  });

  test('/api/network: one weighted edge per source -> target pair over the matching events', async () => {
    type Net = { nodes: { id: number; name: string; events: number }[]; edges: { source: number; target: number; events: number; cooperation: number; conflict: number }[] };
    const check = async (params: Record<string, string>, subset: Event[]) => {
      const net = await api.ok<Net>(`/api/network${q(params)}`);
      const pairs = subset.filter((e) => e.source && e.target && e.source.id !== e.target.id);
      const nodeIds = new Set(net.nodes.map((n) => n.id));
      for (const edge of net.edges) {
        assert.ok(nodeIds.has(edge.source) && nodeIds.has(edge.target), 'edge ends are nodes');
        const these = pairs.filter((e) => e.source!.id === edge.source && e.target!.id === edge.target);
        assert.equal(edge.events, these.length, `edge ${edge.source}->${edge.target}`);
        assert.equal(edge.conflict, these.filter((e) => e.quadClass >= 3).length);
        assert.equal(edge.cooperation + edge.conflict, edge.events);
      }
      assert.equal(net.edges.reduce((n, e) => n + e.events, 0), pairs.length, JSON.stringify(params));
      return net;
    };
    const whole = await check({}, all);
    assert.ok(whole.edges.length > 0);
    await check({ type: 'ASSAULT' }, all.filter((e) => e.type === 'ASSAULT'));
    await check({ place: 'SYR', status: 'reported' }, all.filter((e) => e.place?.country === 'SYR' && e.status === 'reported'));
    assert.deepEqual(await api.ok('/api/network?actor=Nobody%20Atall'), { nodes: [], edges: [] });
  });

  test('/api/articles lists the articles, latest first; q finds by outlet', async () => {
    const list = await api.ok<{ total: number; articles: { id: number; docId: string; title: string; source: string; published: string; events: number; ingestedAt: string }[] }>('/api/articles?limit=1000');
    assert.equal(list.total, stats.articles);
    const days = list.articles.map((a) => a.published);
    assert.deepEqual(days, [...days].sort().reverse(), 'latest published first');
    for (const a of list.articles) assert.match(a.ingestedAt, /^\d{4}-\d{2}-\d{2}/);
    assert.ok(list.articles.some((a) => a.docId === 'levant-wire-raid' && a.source === 'Levant Wire'));
    const levant = await api.ok<{ total: number; articles: { source: string }[] }>('/api/articles?q=levant');
    assert.equal(levant.total, 1);
    assert.equal(levant.articles[0]!.source, 'Levant Wire');
    const two = await api.ok<{ articles: { id: number }[] }>('/api/articles?limit=2&offset=1');
    assert.deepEqual(ids(two.articles), ids(list.articles.slice(1, 3)));
  });

  test('/api/articles/:id: the extraction, every span slicing the text', async () => {
    const list = await api.ok<{ articles: { id: number }[] }>('/api/articles?limit=1000');
    let spans = 0;
    for (const { id } of list.articles) {
      const a = await article(id);
      const x = a.extraction;
      assert.equal(a.id, id);
      assert.ok(x.text.length > 0);
      const check = (s: Span, what: string) => {
        assert.equal(x.text.slice(s.start, s.end), s.text, `${what} in article ${id}`);
        spans++;
      };
      for (const s of x.sentences) assert.ok(s.start < s.end && s.end <= x.text.length);
      for (const t of x.times) check(t, 'time');
      for (const n of x.quantities) check(n, 'quantity');
      for (const quote of x.quotes) check(quote, 'quote');
      for (const p of x.places) for (const m of p.mentions) check(m, 'place mention');
      for (const ac of x.actors) for (const m of ac.mentions) check(m, 'actor mention');
      for (const e of x.events) {
        check(e.trigger, 'event trigger');
        assert.ok(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
      }
    }
    assert.ok(spans > 50, `spans checked: ${spans}`);
    const levant = (await api.ok<{ articles: { id: number }[] }>('/api/articles?q=levant')).articles[0]!;
    const a = await article(levant.id);
    assert.equal(a.title, 'U.S. and partner forces kill six Islamic State militants in eastern Syria');
    assert.equal(a.published, '2024-08-28');
    assert.match(a.origin ?? '', /levant-wire\.json$/);
    assert.match(a.extraction.text, /^U\.S\. forces and the Syrian Democratic Forces killed six/);
  });

  test('/api/brief as JSON, Markdown and HTML; citations quote stored sentences', async () => {
    const brief = await api.ok<{ schema: string; options: { asOf: string }; summary: { articles: number; events: number }; timeline: { citations: { articleId: number; sentence: string }[] }[] }>('/api/brief?asOf=2024-12-31');
    assert.equal(brief.schema, 'sitrep.brief/1');
    assert.equal(brief.options.asOf, '2024-12-31');
    assert.ok(brief.summary.articles > 0 && brief.summary.events > 0);
    assert.ok(brief.timeline.length > 0);
    for (const item of brief.timeline) {
      for (const c of item.citations) assert.ok((await article(c.articleId)).extraction.text.includes(c.sentence), 'cited sentence is in its article');
    }
    const scoped = await api.ok<{ scope: { actors: Entity[] } }>('/api/brief?about=ISIS&asOf=2024-12-31');
    assert.ok(scoped.scope.actors.some((a) => a.code === 'ISIS'));
    const early = await api.ok<{ summary: { articles: number } }>('/api/brief?asOf=2024-01-01');
    assert.ok(early.summary.articles < brief.summary.articles, 'articles published after the as-of day are not read');

    const md = await api.call('/api/brief?format=md&asOf=2024-12-31');
    assert.equal(md.status, 200);
    assert.match(md.type, /^text\/markdown/);
    assert.match(md.text, /^#/m);
    const html = await api.call('/api/brief?format=html&asOf=2024-12-31');
    assert.equal(html.status, 200);
    assert.match(html.type, /^text\/html/);
    assert.match(html.text, /<(!doctype html|html|section|h1)/i);
    assert.doesNotMatch(html.text, /<script(?![^>]*src=)[^>]*>[^<]*(Islamic|Syria)/i, 'article text is not script');
    const json = await api.call('/api/brief?format=json&asOf=2024-12-31');
    assert.equal(json.status, 200);
    assert.match(json.type, /^application\/json/);
  });

  test('/api/openapi.json is an OpenAPI 3.1 document naming every route, and each named route answers', async () => {
    const doc = await api.ok<{ openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, { responses: Record<string, unknown>; parameters?: { name: string; in: string }[] }>> }>('/api/openapi.json');
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.ok(doc.info.title && doc.info.version);
    const routes = ['/api/stats', '/api/events', '/api/events/{id}', '/api/actors', '/api/actors/{id}', '/api/places', '/api/network', '/api/articles', '/api/articles/{id}', '/api/brief', '/api/openapi.json'];
    for (const r of routes) assert.ok(doc.paths[r]?.['get'], `GET ${r} documented`);
    assert.ok(doc.paths['/api/articles']!['post'], 'POST /api/articles documented');
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(Object.keys(op.responses).length > 0, `${method} ${p} has responses`);
        for (const param of p.match(/\{(\w+)\}/g) ?? []) assert.ok(op.parameters?.some((x) => x.in === 'path' && `{${x.name}}` === param), `${method} ${p} declares ${param}`);
      }
      if (ops['get']) {
        const url = p
          .replace('/api/events/{id}', `/api/events/${all[0]!.id}`)
          .replace('/api/actors/{id}', `/api/actors/${all.find((e) => e.source)!.source!.id}`)
          .replace('/api/articles/{id}', `/api/articles/${all[0]!.evidence.articleId}`);
        const r = await api.call(url + (p === '/api/brief' ? '?asOf=2024-12-31' : ''));
        assert.equal(r.status, 200, `GET ${url} answers`);
      }
    }
    const eventParams = doc.paths['/api/events']!['get']!.parameters!.map((x) => x.name);
    for (const name of ['actor', 'type', 'status', 'from', 'to', 'place', 'text', 'limit', 'offset']) assert.ok(eventParams.includes(name), `/api/events documents ${name}`);
  });

  describe('bad input is a 400 (or a 404 for an unknown id), never a 500', () => {
    const badEventFilters = [
      'type=BOMBARD', 'type=7', 'type=ASSAULT&type=AID', 'status=done', 'status=Reported!', 'from=2024-02-30', 'from=yesterday', 'to=2024-13-01',
      'to=24-01-01', 'from=2024-06-02&to=2024-06-01', 'limit=0', 'limit=5000', 'limit=1001', 'limit=abc', 'limit=1.5', 'limit=-3', 'limit=1e2',
      'offset=-1', 'offset=abc', 'offset=2.5',
    ];
    const badPaging = ['limit=0', 'limit=5000', 'limit=abc', 'limit=1e2', 'offset=-1', 'offset=x', 'q=a&q=b'];

    test('/api/events and /api/network refuse bad filters', async () => {
      for (const bad of badEventFilters) {
        for (const route of ['/api/events', '/api/network']) {
          if (route === '/api/network' && /limit|offset/.test(bad)) continue;
          const url = `${route}?${bad}`;
          assertRefused(await api.call(url), 400, url);
        }
      }
      const named = await api.call('/api/events?from=2024-02-30');
      assert.match((named.body as { error: string }).error, /from/, 'the message names the field');
    });

    test('/api/actors, /api/places and /api/articles refuse bad paging', async () => {
      for (const route of ['/api/actors', '/api/places', '/api/articles']) {
        for (const bad of badPaging) assertRefused(await api.call(`${route}?${bad}`), 400, `${route}?${bad}`);
        const blank = await api.call(`${route}?limit=&offset=`);
        assert.equal(blank.status, 200, `${route}: blank paging takes the defaults`);
      }
    });

    test('/api/brief refuses bad days, an upside-down window, a bad format and an unknown subject', async () => {
      for (const bad of ['from=2024-02-30', 'to=yesterday', 'asOf=2024-02-30', 'asOf=today', 'from=2024-06-02&to=2024-06-01', 'format=pdf', 'format=md&format=html', 'about=Nobody%20Atall', 'from=2024-01-01&from=2024-02-01']) {
        assertRefused(await api.call(`/api/brief?${bad}`), 400, `/api/brief?${bad}`);
      }
    });

    test('ids: non-numeric, zero, negative, fractional or huge ids are 400; unknown ids are 404', async () => {
      for (const route of ['events', 'actors', 'articles']) {
        for (const bad of ['abc', '0', '-1', '1.5', '1e3', '0x10', '99999999999999999999', '%20']) {
          assertRefused(await api.call(`/api/${route}/${bad}`), 400, `/api/${route}/${bad}`);
        }
        assertRefused(await api.call(`/api/${route}/999999`), 404, `/api/${route}/999999`);
      }
    });

    test('SQL and FTS5 metacharacters in every text filter are just text', async () => {
      const nasty = [`'; DROP TABLE events; --`, `" OR 1=1 --`, 'NEAR(', 'NEAR(raid killed, 2)', '*', 'raid*', '%_', '%', '_', '"', '\\', '(', ')', '^raid', 'text:raid', 'raid OR killed', 'raid AND NOT x', '-raid', '\u0000', '\u{1F4A3}', 'é'.repeat(300)];
      const before = stats.events;
      for (const value of nasty) {
        for (const field of ['actor', 'place', 'text']) {
          for (const route of ['/api/events', '/api/network']) {
            const url = `${route}${q({ [field]: value })}`;
            const r = await api.call(url);
            assert.equal(r.status, 200, `${url} -> ${r.status} ${r.text}`);
          }
        }
        for (const route of ['/api/actors', '/api/places', '/api/articles']) {
          const url = `${route}${q({ q: value })}`;
          const r = await api.call(url);
          // q is limited to 200 characters; anything else must be answered.
          assert.equal(r.status, value.length > 200 ? 400 : 200, `${url} -> ${r.status} ${r.text}`);
        }
        const brief = await api.call(`/api/brief${q({ about: value })}`);
        assert.ok(brief.status === 200 || brief.status === 400, `/api/brief?about=${value} -> ${brief.status}`);
      }
      // LIKE wildcards are taken literally: no name contains "%_", so nothing is found.
      for (const route of ['/api/actors', '/api/places', '/api/articles']) {
        assert.equal((await api.ok<{ total: number }>(`${route}${q({ q: '%_' })}`)).total, 0, `${route}?q=%_`);
        assert.equal((await api.ok<{ total: number }>(`${route}${q({ q: '_' })}`)).total, 0, `${route}?q=_`);
      }
      // Operators are words: "raid*" is the word raid, not a prefix; "OR" must itself be in the sentence.
      assert.deepEqual(ids((await events({ text: 'raid*' })).events), ids((await events({ text: 'raid' })).events));
      assert.deepEqual((await events({ text: '*' })).total, 0);
      assert.ok((await events({ text: 'raid OR killed' })).total <= (await events({ text: 'raid killed' })).total);
      assert.equal((await events({ actor: `" OR 1=1 --` })).total, 0, 'no injected condition matches every event');
      assert.equal((await events({ actor: `'; DROP TABLE events; --` })).total, 0);
      // The store is whole afterwards.
      assert.equal((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n, before);
      assert.equal((await api.ok<{ events: number }>('/api/stats')).events, before);
      assert.equal((await events({})).total, before);
    });

    test('an unknown route or method is a 404 in JSON', async () => {
      for (const [method, url] of [['GET', '/api/nope'], ['GET', '/api/events/1/extra'], ['GET', '/nope.html'], ['DELETE', '/api/events'], ['PUT', '/api/articles']] as const) {
        assertRefused(await api.call(url, { method }), 404, `${method} ${url}`);
      }
    });
  });

  test('security headers on every answer: CSP, nosniff, no referrer', async () => {
    for (const url of ['/api/stats', '/api/events?limit=abc', '/api/nope', '/', '/api/brief?format=html&asOf=2024-12-31']) {
      const r = await api.call(url);
      const csp = r.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/, `${url}: CSP`);
      assert.match(csp, /object-src 'none'/, `${url}: CSP`);
      assert.match(csp, /frame-ancestors 'none'/, `${url}: CSP`);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, `${url}: no inline script`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${url}: nosniff`);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', url);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Ingest over HTTP, on a store of its own

describe('POST /api/articles', () => {
  let dir: string;
  let db: Database.Database;
  let withToken: { app: FastifyInstance; client: Client };
  let withoutToken: { app: FastifyInstance; client: Client };
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${TOKEN}` };
  const article = {
    id: 'kirkuk-checkpoint-test',
    url: 'https://north-desk.example/2024/03/12/kirkuk-checkpoint',
    source: 'North Desk',
    published: '2024-03-12',
    title: 'Gunmen attack army checkpoint near Kirkuk',
    text: 'Gunmen attacked an Iraqi army checkpoint near Kirkuk on Monday, killing two soldiers, the Iraqi defense ministry said.\n\nSecurity forces arrested three suspects in a village south of the city on Tuesday.',
  };
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitrep-server-post-'));
    db = openStore(path.join(dir, 'store.db'));
    withToken = await serve(db, TOKEN);
    withoutToken = await serve(db, null);
  });

  after(async () => {
    await withToken?.app.close();
    await withoutToken?.app.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('without the token, or with a wrong one, nothing is stored: 401', async () => {
    const body = JSON.stringify(article);
    const wrong: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { authorization: `Basic ${TOKEN}` },
      { authorization: TOKEN },
      { authorization: 'Bearer ' },
      { 'x-sitrep-token': 'nope' },
    ];
    for (const headers of wrong) assertRefused(await withToken.client.post(body, { ...json, ...headers }), 401, JSON.stringify(headers));
    assert.equal(count('articles'), 0);
  });

  test('a server started without a token refuses every ingest: 401', async () => {
    const r = await withoutToken.client.post(JSON.stringify(article), { ...json, ...auth });
    assertRefused(r, 401, 'no server token');
    assert.match((r.body as { error: string }).error, /token/);
    assert.equal(count('articles'), 0);
  });

  test('with the token: 201 new, then 200 unchanged for the same body, 200 updated for new text at the same URL', async () => {
    const first = await withToken.client.post(JSON.stringify(article), { ...json, ...auth });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.body.status, 'new');
    assert.ok(first.body.events! >= 1, 'the attack is an event');
    const id = first.body.articleId!;
    const api = withToken.client;
    const stored = await api.ok<ArticleDetail>(`/api/articles/${id}`);
    assert.equal(stored.docId, article.id);
    assert.equal(stored.title, article.title);
    assert.equal(stored.published, article.published);
    assert.equal(stored.origin, 'http');
    assert.equal(stored.extraction.text, article.text);
    const found = await api.ok<EventPage>('/api/events?text=checkpoint');
    assert.ok(found.total >= 1, 'the new article is searchable at once');

    const again = await withToken.client.post(JSON.stringify(article), { ...json, ...auth });
    assert.equal(again.status, 200, again.text);
    assert.deepEqual(again.body, { status: 'unchanged', articleId: id, events: again.body.events });
    assert.equal(count('articles'), 1);

    const edited = { ...article, text: article.text.replace('two soldiers', 'three soldiers') };
    const updated = await withToken.client.post(JSON.stringify(edited), { ...json, 'x-sitrep-token': TOKEN });
    assert.equal(updated.status, 200, updated.text);
    assert.equal(updated.body.status, 'updated');
    assert.equal(count('articles'), 1);
    assert.equal((await api.ok<ArticleDetail>(`/api/articles/${updated.body.articleId}`)).extraction.text, edited.text);
  });

  test('an HTML page and plain text are accepted too', async () => {
    const page = `<!doctype html><html><head><title>Drone strike hits depot in Idlib</title>
      <meta property="og:site_name" content="Orontes Post"><meta property="article:published_time" content="2024-05-04T08:00:00Z">
      <link rel="canonical" href="https://orontes-post.example/idlib-depot"></head>
      <body><article><h1>Drone strike hits depot in Idlib</h1>
      <p>A drone struck a fuel depot on the edge of Idlib city on Friday, local officials said.</p>
      <p>Rescue workers said nobody was hurt in the strike.</p></article></body></html>`;
    const r = await withToken.client.post(page, { 'content-type': 'text/html; charset=utf-8', ...auth });
    assert.equal(r.status, 201, r.text);
    const stored = await withToken.client.ok<ArticleDetail>(`/api/articles/${r.body.articleId}`);
    assert.equal(stored.title, 'Drone strike hits depot in Idlib');
    assert.equal(stored.source, 'Orontes Post');
    assert.equal(stored.published, '2024-05-04');
    assert.equal(stored.url, 'https://orontes-post.example/idlib-depot');
    assert.match(stored.extraction.text, /A drone struck a fuel depot/);
    assert.doesNotMatch(stored.extraction.text, /<p>|<\/article>/);
    assert.match(stored.docId, /^http-[0-9a-f]{10}$/, 'an article without an id gets one from its text');

    const text = await withToken.client.post('Police detained four men at a market in Mosul on Sunday.', { 'content-type': 'text/plain', ...auth });
    assert.equal(text.status, 201, text.text);
  });

  test('a body over the limit is 413 with the token, 401 without it', async () => {
    const big = JSON.stringify({ ...article, url: 'https://north-desk.example/big', text: 'Troops patrolled the border. '.repeat(Math.ceil(BODY_LIMIT / 20)) });
    assert.ok(Buffer.byteLength(big) > BODY_LIMIT);
    const before = count('articles');
    const r = await withToken.client.post(big, { ...json, ...auth });
    assertRefused(r, 413, 'over the limit');
    assert.match((r.body as { error: string }).error, /9\.8 kB/, 'the message gives the limit this server has');
    assertRefused(await withToken.client.post(big, json), 401, 'over the limit, no token: refused before the body is read');
    assert.equal(count('articles'), before);
  });

  test('malformed JSON, an empty body, JSON without text: 400', async () => {
    const before = count('articles');
    const bad: [string, Record<string, string>][] = [
      ['{"text": "Troops', json],
      ['', json],
      ['', {}],
      ['{"title": "no text here"}', json],
      ['{"text": 42}', json],
      ['[]', json],
      ['"just a string"', json],
      ['null', json],
      ['{"text": "A raid.", "published": "last Tuesday"}', json],
      ['\u0000\u0001binary', { 'content-type': 'application/octet-stream' }],
    ];
    for (const [body, headers] of bad) assertRefused(await withToken.client.post(body, { ...headers, ...auth }), 400, JSON.stringify(body));
    assert.equal(count('articles'), before);
  });
});

describe('answers kept while the store does not change', () => {
  let dir: string;
  let db: Database.Database;
  let server: { app: FastifyInstance; client: Client };
  const pipeline = createPipeline();
  const store = (other: Database.Database, id: string, text: string) =>
    new CorpusWriter(other).save(toExtraction(pipeline.run({ id, url: null, source: 'Cache Desk', published: '2024-05-02', title: id, text })), id);

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitrep-server-cache-'));
    db = openStore(path.join(dir, 'store.db'));
    store(db, 'first', 'Rebels shelled a government position near Aleppo on Wednesday, killing three soldiers, the Syrian army said.');
    server = await serve(db, TOKEN);
  });

  after(async () => {
    await server?.app.close();
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the same question twice is answered from memory, with an ETag a browser can revalidate', async () => {
    const first = await server.client.call<{ articles: number }>('/api/stats');
    const second = await server.client.call<{ articles: number }>('/api/stats');
    assert.equal(first.headers.get('x-cache'), 'miss');
    assert.equal(second.headers.get('x-cache'), 'hit');
    assert.equal(second.text, first.text);
    const etag = second.headers.get('etag')!;
    assert.ok(etag);
    const revalidated = await server.client.call('/api/stats', { headers: { 'if-none-match': etag } });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.text, '');
  });

  test('a write by this server or by another process makes the next answer fresh', async () => {
    const before = (await server.client.ok<{ articles: number }>('/api/stats')).articles;
    const posted = await server.client.post(
      JSON.stringify({ id: 'second', published: '2024-05-03', text: 'Government aircraft bombed a rebel depot in Idlib province on Thursday.' }),
      { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    );
    assert.equal(posted.status, 201, posted.text);
    const afterPost = await server.client.call<{ articles: number }>('/api/stats');
    assert.equal(afterPost.headers.get('x-cache'), 'miss');
    assert.equal(afterPost.body.articles, before + 1);

    const other = openStore(path.join(dir, 'store.db'));
    try {
      store(other, 'third', 'Turkish drones struck a convoy near Qamishli on Friday, the Syrian Democratic Forces said.');
    } finally {
      other.close();
    }
    const afterOther = await server.client.call<{ articles: number }>('/api/stats');
    assert.equal(afterOther.headers.get('x-cache'), 'miss');
    assert.equal(afterOther.body.articles, before + 2);
  });
});
