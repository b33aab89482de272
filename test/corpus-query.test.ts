import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import type { Article } from '../src/article/article.js';
import { readArticleFile } from '../src/article/read.js';
import { csvCell, EXPORT_COLUMNS, exportRows, formatExport, parseExportFilter, type ExportCounts, type ExportRow } from '../src/corpus/export.js';
import { ftsQuery } from '../src/corpus/fts.js';
import {
  getActor,
  getArticle,
  getEvent,
  listActors,
  listArticles,
  listPlaces,
  parseEventFilter,
  queryEvents,
  QueryError,
  type EventRow,
} from '../src/corpus/query.js';
import { openStore } from '../src/corpus/store.js';
import { CorpusWriter } from '../src/corpus/writer.js';
import { createPipeline } from '../src/extract.js';
import { toExtraction } from '../src/output/json.js';
import { runCli } from './support/cli.js';
import { sharedDir, skipWithoutShared } from './support/shared.js';

// Short news items we wrote: an attack, a condemnation, a planned withdrawal, a meeting, the
// same arrests told by two outlets, a protest, a cross-border strike, denials of withdrawal.
const ARTICLES: Article[] = [
  {
    id: 'q1',
    url: 'https://example.test/news/kirkuk-checkpoint',
    source: 'Test Wire',
    published: '2024-03-12',
    title: 'Checkpoint attacked near Kirkuk',
    text:
      'Islamic State fighters attacked an army checkpoint near Kirkuk on Monday, killing three soldiers, Iraqi officials said. ' +
      'Iraqi Prime Minister Mohammed Shia al-Sudani condemned the attack on Tuesday. ' +
      'The United States will withdraw its troops from Iraq by September 2025, the Pentagon said.',
  },
  {
    id: 'q2',
    url: 'https://example.test/news/baghdad-talks',
    source: 'Other Wire',
    published: '2024-03-14',
    title: 'Sudani meets Blinken; arrests in Mosul',
    text: 'Sudani met U.S. Secretary of State Antony Blinken in Baghdad on Wednesday. Iraqi security forces arrested five suspected Daesh members in Mosul on Tuesday.',
  },
  {
    id: 'q3',
    url: 'https://example.test/news/basra',
    source: 'Desk, "South"',
    published: '2024-05-03',
    title: 'Protest in Basra, strikes in the north',
    text: 'Hundreds of protesters rallied in Basra on Thursday against power cuts. Turkish warplanes struck PKK positions in Syria on May 1, killing seven fighters.',
  },
  {
    id: 'q4',
    url: null,
    source: 'Field notes',
    published: '2024-06-20',
    title: '= Commander, "not leaving"',
    text: '"We are not leaving," the commander said on Thursday, after militants shelled the U.S. base in Syria. Russian forces did not withdraw from the airport.',
  },
  {
    id: 'q5',
    url: 'https://example.test/news/mosul-arrests',
    source: 'Third Wire',
    published: '2024-03-13',
    title: 'Five held in Mosul',
    text: 'Iraqi security forces detained five Islamic State suspects in Mosul on Tuesday, police said.',
  },
];

let dir: string;
let file: string;
let db: Database.Database;

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-query-'));
  file = path.join(dir, 'store.db');
  const writable = openStore(file);
  const writer = new CorpusWriter(writable);
  const pipeline = createPipeline();
  for (const a of ARTICLES) writer.save(toExtraction(pipeline.run(a)), `test:${a.id}`);
  writable.close();
  db = openStore(file, { readonly: true });
});

after(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const events = (input: Record<string, unknown>) => queryEvents(db, parseEventFilter({ limit: 1000, ...input }));
const all = () => events({}).events;
const involves = (e: EventRow, pred: (code: string | null, name: string) => boolean) =>
  [e.source, e.target].some((side) => side !== null && pred(side.code, side.name));
const triggers = (rows: EventRow[]) => rows.map((e) => e.evidence.trigger);

describe('event filters', () => {
  test('the store holds the events of the articles, in date order with undated ones last', () => {
    const rows = all();
    assert.ok(rows.length >= 8, `only ${rows.length} events`);
    const dated = rows.filter((e) => e.dateStart !== null);
    const firstUndated = rows.findIndex((e) => e.dateStart === null);
    if (firstUndated >= 0) assert.ok(rows.slice(firstUndated).every((e) => e.dateStart === null), 'a dated event after an undated one');
    for (let i = 1; i < dated.length; i++) assert.ok(dated[i - 1]!.dateStart! <= dated[i]!.dateStart!, 'dated events out of order');
  });

  test('actor by CAMEO code: exact (ISIS) and by whole three-letter prefix (IRQ takes in IRQMIL, IRQGOV)', () => {
    const isis = events({ actor: 'ISIS' }).events;
    assert.ok(isis.length >= 2);
    assert.ok(isis.every((e) => involves(e, (code) => code === 'ISIS')));
    assert.ok(triggers(isis).includes('attacked'));
    const iraq = events({ actor: 'IRQ' }).events;
    const codes = new Set(iraq.flatMap((e) => [e.source?.code, e.target?.code]).filter((c) => c?.startsWith('IRQ')));
    assert.ok(codes.has('IRQMIL') && codes.has('IRQGOV'), [...codes].join(','));
    assert.ok(iraq.every((e) => involves(e, (code) => code?.startsWith('IRQ') === true)));
    // "IR" is not a whole code part: it does not take in IRQ or IRN.
    assert.equal(events({ actor: 'IR' }).total, 0);
  });

  test('actor by name in any case, by a lexicon alias, and by surname', () => {
    const byName = events({ actor: 'islamic state' }).events.map((e) => e.id);
    assert.deepEqual(events({ actor: 'Daesh' }).events.map((e) => e.id), byName);
    assert.deepEqual(events({ actor: 'ISIS' }).events.map((e) => e.id), byName);
    for (const name of ['Sudani', 'al-Sudani', 'mohammed shia al-sudani']) {
      const rows = events({ actor: name }).events;
      assert.ok(rows.length >= 2, `${name}: ${rows.length} events`);
      assert.ok(rows.every((e) => involves(e, (_, n) => n === 'Mohammed Shia al-Sudani')), name);
      assert.ok(rows.some((e) => e.type === 'CONSULT' && involves(e, (_, n) => n === 'Antony Blinken')), name);
    }
    assert.equal(events({ actor: 'Nobody Known' }).total, 0);
  });

  test('type is case-insensitive; status selects reported, planned and negated events', () => {
    const assaults = events({ type: 'assault' }).events;
    assert.ok(assaults.length >= 2 && assaults.every((e) => e.type === 'ASSAULT'));
    const planned = events({ status: 'planned' }).events;
    assert.ok(planned.every((e) => e.status === 'planned'));
    const withdrawal = planned.find((e) => e.type === 'RETREAT');
    assert.ok(withdrawal, 'the planned withdrawal');
    assert.equal(withdrawal.source?.code, 'USA');
    assert.equal(withdrawal.date, '2025-09');
    assert.equal(withdrawal.statusClass, 'planned');
    const negated = events({ status: 'NEGATED' }).events;
    assert.ok(negated.some((e) => e.type === 'RETREAT' && e.source?.code === 'RUSMIL'));
    assert.ok(negated.every((e) => e.status === 'negated' && e.statusClass === 'negated'));
  });

  test('from/to keep events whose days overlap the span; undated events drop out', () => {
    const day = events({ from: '2024-03-11', to: '2024-03-11' }).events;
    assert.ok(triggers(day).includes('attacked'));
    assert.ok(day.every((e) => e.dateStart! <= '2024-03-11' && e.dateEnd! >= '2024-03-11'));
    // A month-precise plan overlaps any day of its month.
    const september = events({ from: '2025-09-15', to: '2025-09-20' }).events;
    assert.deepEqual(september.map((e) => e.type), ['RETREAT']);
    const may = events({ from: '2024-05-01' }).events;
    assert.ok(may.length >= 2 && may.every((e) => e.dateEnd !== null && e.dateEnd >= '2024-05-01'));
    assert.ok(!may.some((e) => e.status === 'negated' && e.dateStart === null));
    const before = events({ to: '2024-03-12' }).events;
    assert.ok(before.every((e) => e.dateStart !== null && e.dateStart <= '2024-03-12'));
    assert.ok(!triggers(before).includes('rallied'));
  });

  test('place by name in any case, by ISO3 country code, and a country name takes in its cities', () => {
    const kirkuk = events({ place: 'kirkuk' }).events;
    assert.deepEqual(kirkuk.map((e) => e.place?.name), kirkuk.map(() => 'Kirkuk'));
    assert.ok(triggers(kirkuk).includes('attacked'));
    const byCode = events({ place: 'IRQ' }).events;
    const names = new Set(byCode.map((e) => e.place?.name));
    for (const n of ['Kirkuk', 'Baghdad', 'Mosul', 'Basra']) assert.ok(names.has(n), `${n} in IRQ`);
    assert.ok(byCode.every((e) => e.place?.country === 'IRQ'));
    assert.deepEqual(events({ place: 'Iraq' }).events.map((e) => e.id), byCode.map((e) => e.id));
    const syria = events({ place: 'syria' }).events;
    assert.ok(syria.length >= 2 && syria.every((e) => e.place?.country === 'SYR'));
    assert.equal(events({ place: 'Atlantis' }).total, 0);
  });

  test('text matches words of the reporting sentences, all of them, as plain words', () => {
    assert.deepEqual(triggers(events({ text: 'checkpoint' }).events), ['attacked']);
    assert.ok(triggers(events({ text: 'KIRKUK soldiers' }).events).includes('attacked'));
    // As FTS5 syntax this would be "either word"; as text all three words must occur.
    assert.equal(events({ text: 'protesters OR checkpoint' }).total, 0);
    assert.ok(triggers(events({ text: 'protesters' }).events).includes('rallied'));
  });

  test('SQL and FTS5 metacharacters in any filter are text: no error, no effect on the store', () => {
    const before = events({}).total;
    const hostile = ["'; DROP TABLE events; --", '"NEAR(', 'checkpoint"', 'NEAR(checkpoint soldiers)', '*', 'text:checkpoint', '^kirkuk', '" OR 1=1 --', '%', '_'];
    for (const value of hostile) {
      for (const field of ['text', 'actor', 'place']) {
        const r = events({ [field]: value });
        assert.ok(r.total >= 0 && r.events.length === r.total, `${field}=${value}`);
      }
    }
    // "NEAR(" is the word "near" ("an army checkpoint near Kirkuk"), not the FTS5 operator.
    assert.deepEqual(triggers(events({ text: '"NEAR(' }).events), triggers(events({ text: 'near' }).events));
    assert.ok(triggers(events({ text: '"NEAR(' }).events).includes('attacked'));
    assert.deepEqual(triggers(events({ text: 'checkpoint"' }).events), ['attacked']);
    assert.equal(events({}).total, before);
    assert.equal(ftsQuery('a "b" NEAR('), '"a" """b""" "NEAR("');
    assert.equal(ftsQuery(' -- ; '), null);
  });

  test('filters combine with AND', () => {
    const rows = events({ actor: 'ISIS', type: 'COERCE', place: 'Mosul', from: '2024-03-01', to: '2024-03-31', text: 'Mosul' }).events;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.target?.code, 'ISIS');
    assert.equal(events({ actor: 'ISIS', type: 'PROTEST' }).total, 0);
  });

  test('pagination: limit and offset walk the same order as one page', () => {
    const full = all().map((e) => e.id);
    const paged: number[] = [];
    for (let offset = 0; offset < full.length; offset += 3) {
      const page = events({ limit: '3', offset: String(offset) });
      assert.equal(page.total, full.length);
      paged.push(...page.events.map((e) => e.id));
    }
    assert.deepEqual(paged, full);
    assert.deepEqual(events({ offset: full.length + 5 }).events, []);
    assert.equal(parseEventFilter({}).limit, 100);
  });

  test('bad filter values are one-line QueryErrors naming the field', () => {
    const refuse = (input: Record<string, unknown>, message: RegExp) => {
      assert.throws(() => parseEventFilter(input), (e: unknown) => e instanceof QueryError && message.test(e.message) && !e.message.includes('\n'));
    };
    refuse({ type: 'bombing' }, /^type: must be a PLOVER event type: AGREE, .*ASSAULT \(got "bombing"\)$/);
    refuse({ status: 'rumoured' }, /^status: must be one of reported, ongoing, planned, negated, hypothetical/);
    refuse({ from: '2024-02-30' }, /^from: is not a real calendar date/);
    refuse({ to: '12/03/2024' }, /^to: must be a date written YYYY-MM-DD/);
    refuse({ from: '2024-05-01', to: '2024-04-01' }, /from \(2024-05-01\) is after to \(2024-04-01\)/);
    refuse({ limit: '0' }, /^limit: /);
    refuse({ limit: 1001 }, /^limit: /);
    refuse({ limit: 'ten' }, /^limit: /);
    refuse({ offset: '-1' }, /^offset: /);
    refuse({ text: 'word '.repeat(200) }, /^text: must be at most 500 characters \(got "word word/);
    const ok = parseEventFilter({ actor: '  ISIS ', type: ' Assault', status: 'Planned', limit: '20', offset: '40', place: '' });
    assert.deepEqual(ok, { actor: 'ISIS', type: 'ASSAULT', status: 'planned', limit: 20, offset: 40 });
  });
});

describe('one event, actors, places, articles', () => {
  test('getEvent gives every report with its article, sentence and trigger offsets into the article text', () => {
    const coerce = events({ type: 'COERCE', place: 'Mosul' }).events;
    assert.equal(coerce.length, 1, 'the two reports of the Mosul arrests are one event');
    const event = getEvent(db, coerce[0]!.id)!;
    assert.equal(event.numArticles, 2);
    assert.equal(event.numSources, 2);
    assert.equal(event.mentions.length, 2);
    assert.deepEqual(event.mentions.map((m) => m.article.url), ['https://example.test/news/mosul-arrests', 'https://example.test/news/baghdad-talks']);
    assert.deepEqual(event.mentions.map((m) => m.trigger.text), ['detained', 'arrested']);
    assert.equal(event.evidence.sentence, event.mentions[0]!.sentence.text);
    assert.equal(event.evidence.trigger, 'detained');
    assert.equal(event.firstReported, '2024-03-13');
    for (const m of event.mentions) {
      const text = getArticle(db, m.article.id)!.extraction.text;
      assert.equal(text.slice(m.trigger.start, m.trigger.end), m.trigger.text);
      assert.equal(text.slice(m.sentence.start, m.sentence.end), m.sentence.text);
      assert.ok(m.sentence.start <= m.trigger.start && m.trigger.end <= m.sentence.end);
    }
    assert.equal(event.quadClass, 4);
    assert.equal(event.goldstein, -7);
    assert.equal(getEvent(db, 999_999), null);
  });

  test('listActors orders by activity and finds actors by part of a name, alias or code', () => {
    const { total, actors } = listActors(db, {});
    assert.ok(total >= 8);
    const activity = actors.map((a) => a.articles + a.asSource + a.asTarget);
    for (let i = 1; i < activity.length; i++) assert.ok(activity[i - 1]! >= activity[i]!);
    const isis = actors.find((a) => a.code === 'ISIS')!;
    assert.ok(isis.articles >= 3 && isis.asSource >= 1 && isis.asTarget >= 1);
    assert.ok(listActors(db, { q: 'sudani' }).actors.some((a) => a.name === 'Mohammed Shia al-Sudani'));
    assert.ok(listActors(db, { q: 'daesh' }).actors.some((a) => a.code === 'ISIS'));
    assert.ok(listActors(db, { q: 'USA' }).actors.every((a) => a.code?.startsWith('USA')));
    assert.equal(listActors(db, { limit: 2 }).actors.length, 2);
  });

  test('getActor: names, events and a monthly timeline', () => {
    const id = listActors(db, { q: 'Islamic State' }).actors.find((a) => a.code === 'ISIS')!.id;
    const actor = getActor(db, id)!;
    assert.equal(actor.name, 'Islamic State');
    assert.ok(actor.events.length >= 2 && actor.events.every((e) => e.source?.id === id || e.target?.id === id));
    const march = actor.timeline.find((t) => t.month === '2024-03');
    assert.ok(march && march.asSource >= 1 && march.asTarget >= 1, JSON.stringify(actor.timeline));
    assert.equal(getActor(db, 999_999), null);
  });

  test('listPlaces and listArticles', () => {
    const places = listPlaces(db, {});
    const mosul = places.places.find((p) => p.name === 'Mosul')!;
    assert.equal(mosul.events, 1);
    assert.equal(mosul.articles, 2);
    assert.ok(listPlaces(db, { q: 'IRQ' }).places.every((p) => p.country === 'IRQ'));
    const articles = listArticles(db, {});
    assert.equal(articles.total, ARTICLES.length);
    assert.deepEqual(articles.articles.map((a) => a.published), ['2024-06-20', '2024-05-03', '2024-03-14', '2024-03-13', '2024-03-12']);
    const q2 = listArticles(db, { q: 'Blinken' }).articles;
    assert.deepEqual(q2.map((a) => a.docId), ['q2']);
    assert.ok(q2[0]!.events >= 2);
    assert.equal(listArticles(db, { q: '100%' }).total, 0);
    const detail = getArticle(db, q2[0]!.id)!;
    assert.equal(detail.origin, 'test:q2');
    assert.equal(detail.extraction.article.title, 'Sudani meets Blinken; arrests in Mosul');
  });
});

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  assert.equal(field, '', 'the last row ends with CRLF');
  return rows;
}

describe('export', () => {
  const exportText = (format: 'csv' | 'jsonl' | 'geojson', input: Record<string, unknown> = {}, counts?: ExportCounts) =>
    [...formatExport(format, exportRows(db, parseExportFilter(input)), counts)].join('');

  test('csv: the columns in order, RFC 4180 quoting, one row per event', () => {
    const rows = parseCsv(exportText('csv'));
    assert.deepEqual(rows[0], [...EXPORT_COLUMNS]);
    assert.equal(rows.length - 1, events({}).total);
    const at = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
    const kirkuk = rows.find((r) => r[at('location')] === 'Kirkuk' && r[at('event_type')] === 'ASSAULT')!;
    assert.ok(kirkuk, 'the Kirkuk attack');
    const expect: Record<string, string> = {
      event_date: '2024-03-11', date_precision: 'day', date_source: 'text', cameo_root: '19', quad_class: '4', goldstein: '-10',
      status: 'reported', actor1: 'Islamic State', actor1_code: 'ISIS', actor2_code: 'IRQMIL', admin1: '', country: 'IRQ',
      geo_precision: '1', fatalities: '3', num_articles: '1', first_reported: '2024-03-12', source_urls: 'https://example.test/news/kirkuk-checkpoint',
    };
    for (const [column, value] of Object.entries(expect)) assert.equal(kirkuk[at(column)], value, column);
    assert.match(kirkuk[at('evidence')]!, /^Islamic State fighters attacked an army checkpoint near Kirkuk on Monday, killing three soldiers/);
    const mosul = rows.find((r) => r[at('location')] === 'Mosul')!;
    assert.equal(mosul[at('source_urls')], 'https://example.test/news/mosul-arrests ; https://example.test/news/baghdad-talks');
    // The sentence with quotes and commas survives the round trip.
    assert.ok(rows.some((r) => r[at('evidence')]!.startsWith('"We are not leaving," the commander said')));
  });

  test('csv cells that a spreadsheet would run as formulas get an apostrophe; numbers do not', () => {
    assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell(-10), '-10');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.equal(csvCell('plain'), 'plain');
  });

  test('jsonl: one object per event with the columns as keys; filters and paging as for events', () => {
    const lines = exportText('jsonl', { actor: 'ISIS' }).trimEnd().split('\n');
    const rows = lines.map((l) => JSON.parse(l) as ExportRow);
    assert.deepEqual(rows.map((r) => r.event_id), events({ actor: 'ISIS' }).events.map((e) => e.id));
    for (const r of rows) assert.deepEqual(Object.keys(r), [...EXPORT_COLUMNS]);
    assert.ok(rows.every((r) => r.actor1_code === 'ISIS' || r.actor2_code === 'ISIS'));
    assert.equal(exportText('jsonl', { limit: '2', offset: '1' }).trimEnd().split('\n').length, 2);
    assert.throws(() => parseExportFilter({ limit: '0' }), QueryError);
    assert.equal(exportText('jsonl', { actor: 'Nobody Known' }), '');
  });

  test('geojson: Point features with the row as properties; events without coordinates left out and counted', () => {
    const counts: ExportCounts = { written: 0, skipped: 0 };
    const collection = JSON.parse(exportText('geojson', {}, counts)) as {
      type: string;
      features: { type: string; geometry: { type: string; coordinates: [number, number] }; properties: ExportRow }[];
    };
    assert.equal(collection.type, 'FeatureCollection');
    const rows = exportText('jsonl').trimEnd().split('\n').map((l) => JSON.parse(l) as ExportRow);
    const placed = rows.filter((r) => r.latitude !== null && r.longitude !== null);
    assert.equal(collection.features.length, placed.length);
    assert.equal(counts.written, placed.length);
    assert.equal(counts.skipped, rows.length - placed.length);
    for (const f of collection.features) {
      assert.equal(f.geometry.type, 'Point');
      assert.deepEqual(f.geometry.coordinates, [f.properties.longitude, f.properties.latitude]);
    }
    const empty = JSON.parse(exportText('geojson', { place: 'Atlantis' })) as { features: unknown[] };
    assert.deepEqual(empty.features, []);
  });
});

describe('CLI', () => {
  test('sitrep events: table, json and csv', () => {
    const table = runCli(['events', '--db', file, '--actor', 'ISIS', '--type', 'ASSAULT']);
    assert.equal(table.status, 0, table.stderr);
    const [head, ...rest] = table.stdout.trimEnd().split('\n');
    assert.match(head!, /^ID\s+DATE\s+TYPE\s+STATUS\s+SOURCE\s+TARGET\s+PLACE\s+EVIDENCE$/);
    assert.ok(rest.some((l) => /ASSAULT\s+reported\s+Islamic State \[ISIS\]/.test(l)));
    assert.ok(rest.every((l) => l.length <= 120), 'rows fit 120 columns');
    assert.match(rest[rest.length - 1]!, /^events 1–\d+ of \d+$/);

    const json = runCli(['events', '--db', file, '--status', 'planned', '--format', 'json', '--limit', '5']);
    assert.equal(json.status, 0, json.stderr);
    const page = JSON.parse(json.stdout) as { total: number; limit: number; events: EventRow[] };
    assert.equal(page.limit, 5);
    assert.ok(page.events.some((e) => e.type === 'RETREAT' && e.source?.code === 'USA'));

    const csv = runCli(['events', '--db', file, '--place', 'Mosul', '--format', 'csv']);
    assert.equal(csv.status, 0, csv.stderr);
    const rows = parseCsv(csv.stdout);
    assert.deepEqual(rows[0], [...EXPORT_COLUMNS]);
    assert.equal(rows.length, 2);
  });

  test('sitrep show: the event and every report, trigger marked', () => {
    const id = events({ type: 'COERCE', place: 'Mosul' }).events[0]!.id;
    const r = runCli(['show', String(id), '--db', file]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`^Event ${id}: COERCE`));
    assert.match(r.stdout, /Evidence \(2 mentions\)/);
    for (const s of ['Five held in Mosul', 'https://example.test/news/mosul-arrests', 'Sudani meets Blinken; arrests in Mosul', '**detained**', '**arrested**', 'Third Wire, 2024-03-13']) {
      assert.ok(r.stdout.includes(s), s);
    }
    const json = runCli(['show', String(id), '--db', file, '--format', 'json']);
    assert.equal((JSON.parse(json.stdout) as { mentions: unknown[] }).mentions.length, 2);
    const missing = runCli(['show', '999999', '--db', file]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^sitrep: no event 999999 in /);
  });

  test('sitrep actors and articles', () => {
    const actors = runCli(['actors', '--db', file, '--q', 'sudani']);
    assert.equal(actors.status, 0, actors.stderr);
    assert.match(actors.stdout, /Mohammed Shia al-Sudani\s+IRQGOV\s+person/);
    const articles = runCli(['articles', '--db', file, '--format', 'json']);
    const list = JSON.parse(articles.stdout) as { total: number; articles: { docId: string }[] };
    assert.equal(list.total, ARTICLES.length);
    assert.equal(list.articles[0]!.docId, 'q4');
  });

  test('sitrep export writes a file only when complete and says what it left out', () => {
    const out = path.join(dir, 'events.geojson');
    const r = runCli(['export', '--db', file, '--format', 'geojson', '--out', out, '--actor', 'ISIS']);
    assert.equal(r.status, 0, r.stderr);
    const features = (JSON.parse(readFileSync(out, 'utf8')) as { features: unknown[] }).features;
    assert.ok(features.length >= 2);
    assert.match(r.stderr, new RegExp(`^exported ${features.length} events from .* as geojson`));
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('partial')), []);
    const jsonl = runCli(['export', '--db', file, '--format', 'jsonl', '--type', 'RETREAT', '--status', 'planned']);
    assert.equal(jsonl.status, 0, jsonl.stderr);
    assert.equal((JSON.parse(jsonl.stdout.trim().split('\n')[0]!) as ExportRow).event_type, 'RETREAT');
  });

  test('a missing or corrupt store, or a bad filter, is one line on stderr and exit 2', () => {
    const garbage = path.join(dir, 'garbage.db');
    writeFileSync(garbage, 'these bytes are not an SQLite database, whatever the name says\n'.repeat(100));
    const cases: [string[], RegExp][] = [
      [['events', '--db', path.join(dir, 'none.db')], /does not exist/],
      [['events', '--db', path.join(dir, 'store.db'), '--type', 'bombing'], /^sitrep: --type: must be a PLOVER event type/],
      [['export', '--db', path.join(dir, 'store.db'), '--from', '2024-13-01'], /^sitrep: --from: /],
      [['show', 'x1', '--db', path.join(dir, 'store.db')], /an event id is a whole number/],
      [['actors', '--db', garbage], /is not a sitrep database/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    }
  });
});

describe('the dev corpus', () => {
  test('finds the seed raid by --actor ISIS --type ASSAULT and a planned U.S. withdrawal by status', { skip: skipWithoutShared }, () => {
    const corpusDir = path.join(sharedDir, 'corpus');
    const shared = openStore(path.join(dir, 'shared.db'));
    try {
      const writer = new CorpusWriter(shared);
      const pipeline = createPipeline();
      for (const f of readdirSync(corpusDir).filter((n) => n.endsWith('.json')).sort()) {
        writer.save(toExtraction(pipeline.run(readArticleFile(path.join(corpusDir, f)))), f);
      }
      const seedId = listArticles(shared, { q: 'seed', limit: 1000 }).articles.find((a) => a.docId === 'seed')?.id;
      assert.ok(seedId, 'the seed article is stored');
      const raids = queryEvents(shared, parseEventFilter({ actor: 'ISIS', type: 'ASSAULT', limit: 1000 })).events;
      const raid = raids.find((e) => getEvent(shared, e.id)!.mentions.some((m) => m.article.id === seedId && m.trigger.text === 'raid'));
      assert.ok(raid, `no seed raid among ${raids.length} ISIS assaults`);
      assert.equal(raid.target?.code, 'ISIS');
      const planned = queryEvents(shared, parseEventFilter({ status: 'planned', type: 'RETREAT', limit: 1000 })).events;
      const withdrawal = planned.filter((e) => e.source?.code?.startsWith('USA') && getEvent(shared, e.id)!.mentions.some((m) => m.article.id === seedId));
      assert.ok(withdrawal.length >= 1, JSON.stringify(planned.map((e) => [e.source?.code, e.date])));
      assert.ok(withdrawal.every((e) => e.status === 'planned'));
    } finally {
      shared.close();
    }
  });
});
