import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readArticleFile } from '../src/article/read.js';
import { dayRange, periodStarts } from '../src/corpus/dates.js';
import { openStore } from '../src/corpus/store.js';
import { CorpusWriter } from '../src/corpus/writer.js';
import { createPipeline } from '../src/extract.js';
import type { Place } from '../src/doc/layers.js';
import { toExtraction, type Extraction } from '../src/output/json.js';
import { writeGeneratedArticles } from './support/generate.js';
import { repoRoot, sharedDir, skipWithoutShared } from './support/shared.js';

const work = mkdtempSync(path.join(tmpdir(), 'sitrep-ingest-'));
after(() => rmSync(work, { recursive: true, force: true }));
const fixtures = path.join(repoRoot, 'test/fixtures/corpus');
// tsx by its full path, so that the CLI can also run from a folder outside the repository.
const cli = ['--import', import.meta.resolve('tsx'), path.join(repoRoot, 'src/cli/main.ts')];
let stores = 0;
const newStore = () => path.join(work, `store-${++stores}.db`);

interface Run {
  status: number | null;
  stderr: string;
}

/** The environment of a user who set no store: $SITREP_DB only when a test sets it. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '', ...extra };
  if (!('SITREP_DB' in extra)) delete e['SITREP_DB'];
  return e;
}

function sitrep(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [...cli, ...args], { cwd: options.cwd ?? repoRoot, env: env(options.env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stderr: r.stderr };
}

/** Runs `sitrep ingest` in the background; resolves when it exits. */
function sitrepAsync(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<Run & { signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [...cli, ...args], { cwd: repoRoot, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stderr })));
  return { child, done };
}

const ingest = (db: string, ...sources: string[]) => sitrep(['ingest', ...sources, '--db', db, '--workers', '2']);

/** "ingested into X in 1.2 s: 3 new, 0 updated, 1 unchanged, 0 failed; ..." as numbers. */
function summary(stderr: string): { new: number; updated: number; unchanged: number; failed: number } {
  const m = /(\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed/.exec(stderr);
  assert.ok(m, `no summary line in:\n${stderr}`);
  return { new: Number(m[1]), updated: Number(m[2]), unchanged: Number(m[3]), failed: Number(m[4]) };
}

function withStore<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const TABLES = ['articles', 'sentences', 'entities', 'entity_names', 'article_actors', 'places', 'article_places', 'events', 'event_mentions', 'quotes', 'quantities'] as const;

function counts(file: string): Record<(typeof TABLES)[number], number> {
  return withStore(file, (db) => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]))) as Record<(typeof TABLES)[number], number>;
}

/**
 * The corpus independent of row ids: each event with its summary and its mentions named by
 * article key. Two stores with the same picture have the same lines.
 */
function picture(file: string): string[] {
  return withStore(file, (db) =>
    (db.prepare(`
      SELECT e.type, e.status, e.status_class, s.key AS source, t.key AS target, p.key AS place, e.date, e.fatalities,
             e.num_articles, e.num_sources, e.first_reported, e.last_reported,
             (SELECT group_concat(k, ' ') FROM (SELECT a.key || '#' || m.local_id AS k FROM event_mentions m JOIN articles a ON a.id = m.article_id
                WHERE m.event_id = e.id ORDER BY k)) AS mentions
      FROM events e LEFT JOIN entities s ON s.id = e.source_id LEFT JOIN entities t ON t.id = e.target_id LEFT JOIN places p ON p.id = e.place_id`).all())
      .map((r) => JSON.stringify(r))
      .sort(),
  );
}

/** What must hold in any store after any run: SQLite's own checks and the events' summaries. */
function assertConsistent(file: string): void {
  withStore(file, (db) => {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    const wrong = db.prepare(`
      SELECT e.id FROM events e
      LEFT JOIN (SELECT m.event_id, count(DISTINCT m.article_id) AS articles, count(DISTINCT coalesce(a.source, a.url, a.key)) AS outlets
                 FROM event_mentions m JOIN articles a ON a.id = m.article_id GROUP BY m.event_id) k ON k.event_id = e.id
      WHERE k.articles IS NULL OR k.articles <> e.num_articles OR k.outlets <> e.num_sources OR e.first_reported > e.last_reported`).all();
    assert.deepEqual(wrong, [], 'every event has mentions, and its counts are those of its mentions');
  });
}

interface EventRow {
  id: number;
  date: string | null;
  fatalities: number | null;
  num_articles: number;
  num_sources: number;
  first_reported: string;
  last_reported: string;
  place: string | null;
}

/** Events by type, status class and target name, as an analyst would ask with SQL. */
function eventsOf(file: string, type: string, statusClass: string, target: string): EventRow[] {
  return withStore(file, (db) =>
    db.prepare(`
      SELECT e.id, e.date, e.fatalities, e.num_articles, e.num_sources, e.first_reported, e.last_reported, p.name AS place
      FROM events e JOIN entities t ON t.id = e.target_id LEFT JOIN places p ON p.id = e.place_id
      WHERE e.type = ? AND e.status_class = ? AND t.name = ? ORDER BY e.date_start`).all(type, statusClass, target) as EventRow[],
  );
}

function mentionsOf(file: string, eventId: number): { source: string; trigger: string; sentence: string }[] {
  return withStore(file, (db) =>
    db.prepare(`
      SELECT a.source, m.trigger_text AS trigger, s.text AS sentence
      FROM event_mentions m JOIN articles a ON a.id = m.article_id JOIN sentences s ON s.id = m.sentence_id
      WHERE m.event_id = ? ORDER BY a.source`).all(eventId) as { source: string; trigger: string; sentence: string }[],
  );
}

test('ingesting the same input twice changes nothing the second time', () => {
  const db = newStore();
  const first = ingest(db, fixtures);
  assert.equal(first.status, 0, first.stderr);
  assert.deepEqual(summary(first.stderr), { new: 12, updated: 0, unchanged: 0, failed: 0 });
  const before = { counts: counts(db), picture: picture(db) };
  const second = ingest(db, fixtures);
  assert.equal(second.status, 0, second.stderr);
  assert.deepEqual(summary(second.stderr), { new: 0, updated: 0, unchanged: 12, failed: 0 });
  assert.deepEqual(counts(db), before.counts);
  assert.deepEqual(picture(db), before.picture);
  assertConsistent(db);
});

test('an article without a URL is identified by its text: the same text in two files is one article', () => {
  const dir = path.join(work, 'no-url');
  mkdirSync(dir);
  const article = { id: 'x', published: '2024-05-02', text: 'Nigerian troops killed five Boko Haram fighters near Bama in Borno state on Wednesday, the army said.' };
  writeFileSync(path.join(dir, 'one.json'), JSON.stringify(article));
  writeFileSync(path.join(dir, 'two.json'), JSON.stringify({ ...article, id: 'y' }));
  writeFileSync(path.join(dir, 'three.json'), JSON.stringify({ ...article, id: 'z', text: article.text.replace('five', 'six') }));
  const db = newStore();
  const r = ingest(db, dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(summary(r.stderr), { new: 2, updated: 0, unchanged: 1, failed: 0 });
  assert.equal(counts(db).articles, 2);
});

test('a changed text under the same URL replaces the old extraction', () => {
  const db = newStore();
  assert.equal(ingest(db, path.join(fixtures, 'one-raid')).status, 0);
  const old = withStore(db, (s) => s.prepare(`SELECT text_hash FROM articles WHERE url LIKE 'https://levant-wire.example/%'`).get() as { text_hash: string });
  const [raid] = eventsOf(db, 'ASSAULT', 'happened', 'Islamic State').filter((e) => e.num_articles === 3);
  assert.equal(raid?.fatalities, 6);

  // The outlet corrects its toll and trims the story; the URL stays.
  const dir = path.join(work, 'corrected');
  mkdirSync(dir);
  const original = JSON.parse(readFileSync(path.join(fixtures, 'one-raid/levant-wire.json'), 'utf8')) as Record<string, string>;
  const text =
    'U.S. forces and the Syrian Democratic Forces killed seven Islamic State militants in a raid in Deir ez-Zor province on Tuesday, the U.S. military said in an updated statement.\n\n' +
    'The operation targeted a house used by the group to plan attacks on prisons holding its fighters.\n\nAbout 900 U.S. troops remain in Syria.';
  writeFileSync(path.join(dir, 'levant-wire.json'), JSON.stringify({ ...original, text }));
  const before = counts(db);
  const r = ingest(db, dir);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(summary(r.stderr), { new: 0, updated: 1, unchanged: 0, failed: 0 });

  const after = counts(db);
  assert.equal(after.articles, before.articles);
  withStore(db, (s) => {
    const now = s.prepare(`SELECT id, text_hash, extraction FROM articles WHERE url LIKE 'https://levant-wire.example/%'`).get() as { id: number; text_hash: string; extraction: string };
    assert.notEqual(now.text_hash, old.text_hash);
    const extraction = JSON.parse(now.extraction) as { text: string; sentences: unknown[]; events: unknown[] };
    assert.equal(extraction.text, text);
    // Only the new version's sentences and mentions are stored for the article, and they point into its new text.
    const n = (sql: string) => (s.prepare(sql).get(now.id) as { n: number }).n;
    assert.equal(n('SELECT count(*) AS n FROM sentences WHERE article_id = ?'), extraction.sentences.length);
    assert.equal(n('SELECT count(*) AS n FROM event_mentions WHERE article_id = ?'), extraction.events.length);
    const mentions = s.prepare('SELECT trigger_start, trigger_end, trigger_text FROM event_mentions WHERE article_id = ?').all(now.id) as { trigger_start: number; trigger_end: number; trigger_text: string }[];
    for (const m of mentions) assert.equal(text.slice(m.trigger_start, m.trigger_end), m.trigger_text);
  });
  assert.equal(after.sentences, before.sentences - 5 + 3, 'five old sentences out, three new in');
  // The corrected report still joins the same raid, which now carries the higher toll.
  const raids = eventsOf(db, 'ASSAULT', 'happened', 'Islamic State').filter((e) => e.num_articles === 3);
  assert.equal(raids.length, 1);
  assert.equal(raids[0]!.fatalities, 7);
  assertConsistent(db);
});

test('a failing input is reported with its file and reason, the others are stored, and the exit code says so', () => {
  const dir = path.join(work, 'mixed');
  cpSync(path.join(fixtures, 'one-raid'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'broken.json'), '{"id": "broken", "text": "U.S. forces raided');
  writeFileSync(path.join(dir, 'notext.json'), JSON.stringify({ id: 'notext', title: 'A headline and nothing else' }));
  const db = newStore();
  const r = ingest(db, dir);
  assert.equal(r.status, 1);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 3, r.stderr);
  assert.match(lines[0]!, /broken\.json: malformed JSON/);
  assert.match(lines[1]!, /notext\.json: not an article/);
  assert.deepEqual(summary(r.stderr), { new: 3, updated: 0, unchanged: 0, failed: 2 });
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(counts(db).articles, 3);
});

test('an article that cannot be stored fails alone and leaves nothing behind; the rest of its batch is stored', () => {
  const pipeline = createPipeline();
  const files = ['frontline-monitor.json', 'gulf-desk.json', 'levant-wire.json'].map((f) => path.join(fixtures, 'one-raid', f));
  const [a, b, c] = files.map((f) => toExtraction(pipeline.run(readArticleFile(f))));
  // A mention without its trigger text breaks a NOT NULL column halfway through the article.
  const broken = structuredClone(b!) as Extraction;
  (broken.events[0]!.trigger as { text: string | null }).text = null;
  const file = newStore();
  const db = openStore(file);
  try {
    const results = new CorpusWriter(db).saveAll([a!, broken, c!].map((extraction, i) => ({ extraction, origin: files[i]! })));
    assert.deepEqual(results.map((r) => (r instanceof Error ? 'error' : r.status)), ['new', 'error', 'new']);
  } finally {
    db.close();
  }
  withStore(file, (s) => {
    assert.deepEqual(s.prepare('SELECT source FROM articles ORDER BY source').all(), [{ source: 'Frontline Monitor' }, { source: 'Levant Wire' }]);
    const orphans = s.prepare(`SELECT (SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT id FROM articles))
      + (SELECT count(*) FROM event_mentions WHERE article_id NOT IN (SELECT id FROM articles))
      + (SELECT count(*) FROM article_actors WHERE article_id NOT IN (SELECT id FROM articles)) AS n`).get() as { n: number };
    assert.equal(orphans.n, 0);
  });
  assertConsistent(file);
});

test('kill -9 halfway through a long ingest, then the same command again: the store is whole and the same as a clean run', async () => {
  const dir = path.join(work, 'generated');
  const total = writeGeneratedArticles(dir, { count: 2000, seed: 7 }).length;
  const clean = newStore();
  const reference = ingest(clean, dir);
  assert.equal(reference.status, 0, reference.stderr);

  const db = newStore();
  const run = sitrepAsync(['ingest', dir, '--db', db, '--workers', '2']);
  let exited = false;
  void run.done.then(() => (exited = true));
  let stored = 0;
  while (stored < total * 0.4 && !exited) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!existsSync(db)) continue;
    try {
      stored = withStore(db, (s) => (s.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n);
    } catch {
      // The schema is being created; ask again.
    }
  }
  run.child.kill('SIGKILL');
  const killed = await run.done;
  assert.equal(killed.signal, 'SIGKILL', `the first run was to be killed, but it ended by itself:\n${killed.stderr}`);
  const partial = counts(db).articles;
  assert.ok(partial >= stored && partial < total, `${partial} of ${total} articles stored when killed`);

  const again = ingest(db, dir);
  assert.equal(again.status, 0, again.stderr);
  const s = summary(again.stderr);
  assert.equal(s.unchanged, partial, 'what was stored before the kill is whole and kept');
  assert.equal(s.new, total - partial);
  assertConsistent(db);
  assert.deepEqual(counts(db), counts(clean));
  assert.deepEqual(picture(db), picture(clean));
});

test('two ingest processes on one store both succeed and make the same corpus as one process', async () => {
  // Three sets of articles twenty years apart (their background years go back fifteen): no event
  // of one can join an event of another, so the corpus does not depend on how the two processes
  // interleave the sets.
  const parts = [1980, 2000, 2020].map((year, i) => {
    const part = path.join(work, 'parts', `part${i + 1}`);
    writeGeneratedArticles(part, { count: 120, seed: 100 + i, start: `${year}-03-01`, days: 60, prefix: `p${i + 1}-` });
    return part;
  });
  const clean = newStore();
  assert.equal(ingest(clean, ...parts).status, 0);

  // Each has a set of its own, then both race over the same one.
  const db = newStore();
  const a = sitrepAsync(['ingest', parts[0]!, parts[1]!, '--db', db, '--workers', '1']);
  const b = sitrepAsync(['ingest', parts[2]!, parts[1]!, '--db', db, '--workers', '1']);
  const [ra, rb] = await Promise.all([a.done, b.done]);
  assert.equal(ra.status, 0, ra.stderr);
  assert.equal(rb.status, 0, rb.stderr);
  const [sa, sb] = [summary(ra.stderr), summary(rb.stderr)];
  assert.equal(sa.new + sb.new, 360, 'each article is stored by exactly one of them');
  assert.equal(sa.new + sa.unchanged + sb.new + sb.unchanged, 480);
  assert.ok(sa.new >= 120 && sb.new >= 120, 'each stored its own set');
  assertConsistent(db);
  assert.deepEqual(counts(db), counts(clean));
  assert.deepEqual(picture(db), picture(clean));
});

test('a file that is not a sitrep store is refused in one line, exit 2, and left as it was', () => {
  const bytes = Buffer.alloc(64 * 1024);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  const newer = path.join(work, 'newer.db');
  const n = new Database(newer);
  n.pragma('user_version = 99');
  n.exec('CREATE TABLE t (x)');
  n.close();
  const cases: [string, RegExp][] = [
    [path.join(work, 'random.db'), /is not a sitrep database/],
    [path.join(work, 'notes.db'), /is not a sitrep database/],
    [newer, /newer sitrep/],
    [work, /is a folder/],
  ];
  writeFileSync(cases[0]![0], bytes);
  writeFileSync(cases[1]![0], 'Notes on the raid in Deir ez-Zor.\n'.repeat(200));
  for (const [file, reason] of cases) {
    const before = file === work ? null : readFileSync(file);
    const r = ingest(file, path.join(fixtures, 'one-raid'));
    assert.equal(r.status, 2, `${file}: ${r.stderr}`);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /^sitrep: the store .+/);
    assert.match(lines[0]!, reason);
    if (before && file !== newer) assert.deepEqual(readFileSync(file), before, 'the file is untouched');
  }
  // A newer sitrep's store keeps its schema and data.
  withStore(newer, (db) => {
    assert.equal(db.pragma('user_version', { simple: true }), 99);
    assert.deepEqual(db.prepare('SELECT name FROM sqlite_master').all(), [{ name: 't' }]);
  });
});

test('--db chooses the store, else $SITREP_DB, else ./sitrep.db', () => {
  const dir = path.join(work, 'where');
  mkdirSync(dir);
  const input = path.join(fixtures, 'sudani');
  const fromEnv = path.join(dir, 'env.db');
  const fromFlag = path.join(dir, 'flag.db');
  assert.equal(sitrep(['ingest', input, '--workers', '1'], { env: { SITREP_DB: fromEnv } }).status, 0);
  assert.equal(counts(fromEnv).articles, 3);
  assert.equal(sitrep(['ingest', input, '--db', fromFlag, '--workers', '1'], { env: { SITREP_DB: fromEnv } }).status, 0);
  assert.equal(counts(fromFlag).articles, 3);
  const r = sitrep(['ingest', input, '--workers', '1'], { cwd: dir });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(counts(path.join(dir, 'sitrep.db')).articles, 3);
  assert.match(r.stderr, /ingested into sitrep\.db/);
});

test('one raid reported by three outlets in their own words is one event with three mentions', () => {
  const db = newStore();
  assert.equal(ingest(db, path.join(fixtures, 'one-raid')).status, 0);
  const raids = eventsOf(db, 'ASSAULT', 'happened', 'Islamic State').filter((e) => e.place === 'Deir ez-Zor province' && e.fatalities === 6);
  assert.equal(raids.length, 1, JSON.stringify(raids));
  const raid = raids[0]!;
  assert.deepEqual(
    { date: raid.date, articles: raid.num_articles, sources: raid.num_sources, first: raid.first_reported, last: raid.last_reported },
    { date: '2024-08-27', articles: 3, sources: 3, first: '2024-08-28', last: '2024-08-30' },
  );
  // "on Tuesday", "on Aug. 27" and "this week": each mention keeps its article, sentence and trigger.
  // Levant Wire's undated "The operation targeted a house used by the group" tells of its own raid again.
  const mentions = mentionsOf(db, raid.id);
  assert.deepEqual(mentions.map((m) => [m.source, m.trigger]), [['Frontline Monitor', 'raid'], ['Gulf Desk', 'raided'], ['Levant Wire', 'killed'], ['Levant Wire', 'targeted']]);
  for (const m of mentions) assert.ok(m.sentence.includes(m.trigger) && (m.sentence.includes('Deir ez-Zor') || m.sentence.startsWith('The operation')), m.sentence);
  assertConsistent(db);
});

test('two raids in the same week and province on different days stay two events', () => {
  const db = newStore();
  assert.equal(ingest(db, path.join(fixtures, 'two-raids')).status, 0);
  const raids = eventsOf(db, 'ASSAULT', 'happened', 'Islamic State').filter((e) => e.place === 'Raqqa province');
  assert.deepEqual(
    raids.map((e) => [e.date, e.fatalities, e.num_articles, e.num_sources]),
    [
      ['2024-09-02', 2, 1, 1],
      // Thursday's raid, reported by two outlets, is one event.
      ['2024-09-05', 3, 2, 2],
    ],
  );
});

test('all merge fixtures in one store: the raids of different places and days do not mix', () => {
  const db = newStore();
  assert.equal(ingest(db, fixtures).status, 0);
  const raids = eventsOf(db, 'ASSAULT', 'happened', 'Islamic State').filter((e) => e.fatalities !== null);
  assert.deepEqual(raids.map((e) => [e.place, e.date, e.num_articles]), [
    ['Deir ez-Zor province', '2024-08-27', 3],
    ['Raqqa province', '2024-09-02', 1],
    ['Raqqa province', '2024-09-05', 2],
  ]);
});

/** A one-sentence report of one ASSAULT (by an armed group named in the text, if given), as the extractor would store it. */
function attackReport(id: string, published: string, text: string, place: Place, date: string | null, attacker?: string): Extraction {
  const trigger = text.indexOf('attack');
  const by = attacker === undefined ? -1 : text.indexOf(attacker);
  return {
    schema: 'sitrep.extraction/1',
    article: { id, title: null, published, source: id, url: `https://${id}.example/${published}` },
    text,
    sentences: [{ start: 0, end: text.length }],
    times: [],
    quantities: [],
    places: [place],
    actors: attacker === undefined ? [] : [{ id: 'a1', name: attacker, code: null, kind: 'armed_group', country: null, mentions: [{ start: by, end: by + attacker.length, text: attacker }] }],
    quotes: [],
    events: [{
      id: 'e1', type: 'ASSAULT', mode: null, cameo: '19', status: 'reported', source: attacker === undefined ? null : 'a1', target: null, time: null, date,
      dateSource: date ? 'text' : null, place: place.id, fatalities: null, trigger: { start: trigger, end: trigger + 6, text: 'attack' },
      sentence: { start: 0, end: text.length }, confidence: 0.8,
    }],
  };
}

test('a country alone is no evidence that two reports tell of one event; the same province is', () => {
  const syria: Place = { id: 'p1', name: 'Syria', kind: 'country', country: 'SYR', lat: 35, lon: 38, mentions: [] };
  const deirEzZor: Place = { id: 'p1', name: 'Deir ez-Zor province', kind: 'admin1', country: 'SYR', lat: 35.3, lon: 40.1, mentions: [] };
  const file = newStore();
  const db = openStore(file);
  try {
    const writer = new CorpusWriter(db);
    const joined = (x: Extraction) => writer.save(x).merged;
    assert.equal(joined(attackReport('a', '2024-08-30', 'The group has stepped up its attacks in Syria this year.', syria, '2024')), 0);
    assert.equal(joined(attackReport('b', '2024-08-28', 'Gunmen carried out an attack on a checkpoint in Deir ez-Zor province.', deirEzZor, null)), 0);
    assert.equal(joined(attackReport('c', '2024-08-29', 'An attack on a checkpoint in Deir ez-Zor province killed two guards.', deirEzZor, null)), 1);
  } finally {
    db.close();
  }
  assert.deepEqual(withStore(file, (s) => s.prepare('SELECT num_articles AS n FROM events ORDER BY id').all()), [{ n: 1 }, { n: 2 }]);
});

test('an event dated to a month, a quarter or a year is found by a later report dated to a day inside it', () => {
  const raqqa: Place = { id: 'p1', name: 'Raqqa province', kind: 'admin1', country: 'SYR', lat: 35.9, lon: 39, mentions: [] };
  const hasakah: Place = { ...raqqa, name: 'Hasakah province', lat: 36.5, lon: 40.7 };
  for (const coarse of ['2024-08', '2024-Q3', '2024-SU', '2024-H2', '2024', '202']) {
    const file = newStore();
    const db = openStore(file);
    try {
      const writer = new CorpusWriter(db);
      // Attacks elsewhere on the days between, so that the coarse event is not the only candidate there is.
      for (let d = 1; d <= 28; d += 3) {
        const day = `2024-08-${String(d).padStart(2, '0')}`;
        writer.save(attackReport(`f${d}`, day, 'An attack on a checkpoint in Hasakah province.', hasakah, day));
      }
      writer.save(attackReport('coarse', '2024-09-02', 'Militants of the Eastern Brigade kept up their attacks in Raqqa province.', raqqa, coarse, 'Eastern Brigade'));
      const day = writer.save(attackReport('day', '2024-08-28', 'An attack by the Eastern Brigade on a checkpoint in Raqqa province killed two guards.', raqqa, '2024-08-27', 'Eastern Brigade'));
      assert.equal(day.merged, 1, coarse);
    } finally {
      db.close();
    }
  }
});

test('periodStarts lists the first day of every month, quarter, season, half, year and decade overlapping a span', () => {
  const values: string[] = ['201', '202'];
  for (let y = 2018; y <= 2026; y++) {
    values.push(String(y), `${y}-H1`, `${y}-H2`, ...['SP', 'SU', 'FA', 'WI'].map((s) => `${y}-${s}`), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`));
    for (let m = 1; m <= 12; m++) values.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  let checked = 0;
  for (let start = Date.UTC(2019, 10, 20); start < Date.UTC(2025, 2, 10); start += 11 * 86400000) {
    for (const length of [0, 2, 9, 40, 400]) {
      const from = new Date(start).toISOString().slice(0, 10);
      const to = new Date(start + length * 86400000).toISOString().slice(0, 10);
      const starts = new Set(periodStarts(from, to));
      for (const v of values) {
        const r = dayRange(v)!;
        if (r.start > to || r.end < from) continue;
        checked++;
        assert.ok(starts.has(r.start), `${v} overlaps ${from}..${to} but ${r.start} is not listed`);
      }
    }
  }
  assert.ok(checked > 10000);
});

/** The corpus entity an article's actor became, by the name the article used. */
function entitiesNamed(file: string, pattern: string): { entity: string; articles: number }[] {
  return withStore(file, (db) =>
    db.prepare(`
      SELECT e.name AS entity, count(DISTINCT aa.article_id) AS articles
      FROM article_actors aa JOIN entities e ON e.id = aa.entity_id
      WHERE aa.article_id IN (SELECT id FROM articles) AND e.id IN (SELECT entity_id FROM entity_names WHERE name LIKE ?)
      GROUP BY e.id`).all(pattern) as { entity: string; articles: number }[],
  );
}

test('"Prime Minister Mohammed Shia al-Sudani", "al-Sudani" and "Sudani" in three articles are one entity', () => {
  const db = newStore();
  assert.equal(ingest(db, path.join(fixtures, 'sudani')).status, 0);
  assert.deepEqual(entitiesNamed(db, '%sudani%'), [{ entity: 'Mohammed Shia al-Sudani', articles: 3 }]);
});

test('a person outside the lexicon is one entity whether named in full, as "al-Araji" or as "Araji", in any order', () => {
  const files = ['baghdad-times-araji.json', 'tigris-review-araji.json', 'river-news-araji.json'].map((f) => path.join(fixtures, 'araji', f));
  for (const order of [files, [...files].reverse()]) {
    const db = newStore();
    const r = ingest(db, ...order);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(entitiesNamed(db, '%araji%'), [{ entity: 'Qasim al-Araji', articles: 3 }], `order: ${order.map((f) => path.basename(f)).join(', ')}`);
  }
});

test('../shared/corpus ingested twice gives the same counts, and the seed raid and transition are found by actor, type and date', { skip: skipWithoutShared }, () => {
  const db = newStore();
  const corpus = path.join(sharedDir, 'corpus');
  const first = ingest(db, corpus);
  assert.equal(first.status, 0, first.stderr);
  const before = counts(db);
  const second = ingest(db, corpus);
  assert.equal(second.status, 0, second.stderr);
  assert.equal(summary(second.stderr).new + summary(second.stderr).updated, 0);
  assert.deepEqual(counts(db), before);
  assertConsistent(db);

  withStore(db, (s) => {
    const find = s.prepare<[string, string, string, string, string, string], { date: string; trigger: string; article: string; place: string | null }>(`
      SELECT e.date, m.trigger_text AS trigger, a.doc_id AS article, p.country AS place
      FROM events e JOIN entities src ON src.id = e.source_id JOIN event_mentions m ON m.event_id = e.id JOIN articles a ON a.id = m.article_id
      LEFT JOIN entities tgt ON tgt.id = e.target_id LEFT JOIN places p ON p.id = e.place_id
      WHERE e.type = ? AND e.status_class = ? AND src.code LIKE ? AND coalesce(tgt.code, '') LIKE ? AND e.date_start <= ? || '-31' AND e.date_end >= ? || '-01'
      ORDER BY e.date_start`);
    // "U.S. and Syrian Democratic Forces troops launched a raid into Syria earlier this month" (September 2024).
    assert.deepEqual(find.all('ASSAULT', 'happened', 'USA%', 'ISIS', '2024-09', '2024-09'), [{ date: '2024-09', trigger: 'raid', article: 'seed', place: 'SYR' }]);
    // The mission winds down by 2025 and the coalition's deployment concludes in September 2025.
    const transition = find.all('RETREAT', 'planned', '%', '%', '2025-12', '2025-01');
    assert.ok(transition.some((e) => e.article === 'seed' && e.date === '2025-09' && e.trigger === 'conclude'), JSON.stringify(transition));
    assert.ok(transition.some((e) => e.article === 'seed' && e.date === '2025' && e.trigger === 'wind down'), JSON.stringify(transition));
  });
});

test('a feed item whose page cannot be fetched is stored from the content the feed carries, and the ingest says so', () => {
  const dir = path.join(work, 'feed-fallback');
  mkdirSync(dir, { recursive: true });
  const feed = path.join(dir, 'wire.xml');
  // Port 9 (discard) has no server on loopback: the page request is refused at once.
  writeFileSync(
    feed,
    `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Border Wire</title>
<item><title>Militants ambush patrol near Tal Afar</title><link>http://127.0.0.1:9/tal-afar-ambush</link>
<pubDate>Tue, 04 Jun 2024 08:00:00 +0000</pubDate>
<content:encoded><![CDATA[<p>Militants ambushed an Iraqi army patrol near Tal Afar on Monday, killing two soldiers, the Iraqi military said.</p>]]></content:encoded></item>
</channel></rss>`,
  );
  const db = newStore();
  const r = ingest(db, feed);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(summary(r.stderr).new, 1);
  assert.match(r.stderr, /tal-afar-ambush.*used the content the feed carries/);
  const text = withStore(db, (d) => (d.prepare('SELECT extraction FROM articles').pluck().get() as string));
  assert.match(text, /ambushed an Iraqi army patrol near Tal Afar/);
});
