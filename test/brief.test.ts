import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type Database from 'better-sqlite3';
import { readArticleFile } from '../src/article/read.js';
import { BriefError, buildBrief, parseBriefOptions, renderHtml, renderMarkdown, type Brief, type Citation, type CommitmentItem } from '../src/brief/index.js';
import { openStore } from '../src/corpus/store.js';
import { CorpusWriter } from '../src/corpus/writer.js';
import { createPipeline } from '../src/extract.js';
import { toExtraction } from '../src/output/json.js';
import { runCli } from './support/cli.js';
import { repoRoot, sharedDir, skipWithoutShared } from './support/shared.js';

const FIXTURES = path.join(repoRoot, 'test/fixtures/brief');

/** A store holding the given article files, extracted and saved the way ingest does it. */
function buildStore(dir: string, files: string[]): string {
  const file = path.join(dir, 'brief.db');
  const db = openStore(file);
  const writer = new CorpusWriter(db);
  const pipeline = createPipeline();
  for (const f of files) writer.save(toExtraction(pipeline.run(readArticleFile(f))), f);
  db.close();
  return file;
}

function commitment(brief: Brief, type: string, place: string): CommitmentItem {
  const found = brief.commitments.filter((c) => c.event.type === type && c.event.place?.name === place);
  assert.equal(found.length, 1, `one ${type} commitment in ${place}: ${JSON.stringify(brief.commitments.map((c) => [c.event.type, c.event.place?.name]))}`);
  return found[0]!;
}

function allCitations(brief: Brief): Citation[] {
  const out: Citation[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o['sentenceId'] === 'number' && typeof o['sentence'] === 'string') out.push(o as unknown as Citation);
      else Object.values(o).forEach(walk);
    }
  };
  walk(brief);
  return out;
}

describe('brief over a corpus of our own', () => {
  let dir: string;
  let dbFile: string;
  let db: Database.Database;
  const brief = (asOf: string, more: { about?: string; from?: string; to?: string } = {}) => buildBrief(db, { asOf, ...more });

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitrep-brief-'));
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(FIXTURES, f));
    dbFile = buildStore(dir, files);
    db = openStore(dbFile, { readonly: true });
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the fixture sentences are extracted as the plans, reports and denials the brief needs', () => {
    const rows = db
      .prepare<[], { type: string; status_class: string; place: string | null; date: string | null }>(
        'SELECT ev.type, ev.status_class, p.name AS place, ev.date FROM events ev LEFT JOIN places p ON p.id = ev.place_id')
      .all();
    const has = (type: string, cls: string, place: string, date?: string) =>
      assert.ok(rows.some((r) => r.type === type && r.status_class === cls && r.place === place && (date === undefined || r.date === date)), `${type} ${cls} ${place} ${date ?? ''}`);
    has('RETREAT', 'planned', 'Niger', '2023');
    has('RETREAT', 'happened', 'Niger', '2023-12-22');
    has('MOBILIZE', 'planned', 'Lithuania', '2027');
    has('RETREAT', 'planned', 'Chad', '2024-06');
    has('RETREAT', 'negated', 'Chad');
    has('MOBILIZE', 'planned', 'Estonia', '2024-03');
    has('MOBILIZE', 'happened', 'Estonia', '2024-05-20');
  });

  test('before the withdrawal is reported, the Niger plan is upcoming; plans announced later are not listed yet', () => {
    const b = brief('2023-12-01');
    const niger = commitment(b, 'RETREAT', 'Niger');
    assert.equal(niger.standing, 'upcoming');
    assert.equal(niger.deadline, '2023-12-31');
    assert.equal(commitment(b, 'MOBILIZE', 'Estonia').standing, 'upcoming');
    assert.ok(!b.commitments.some((c) => c.event.place?.name === 'Lithuania' || c.event.place?.name === 'Chad'));
  });

  test('a later report of the withdrawal fulfils the plan, citing the report', () => {
    const niger = commitment(brief('2024-01-10'), 'RETREAT', 'Niger');
    assert.equal(niger.standing, 'fulfilled');
    assert.equal(niger.late, false);
    assert.equal(niger.evidence.length, 1);
    assert.equal(niger.evidence[0]!.reported, '2023-12-22');
    assert.match(niger.evidence[0]!.citations[0]!.sentence, /^The last French soldiers withdrew from Niger on Friday/);
    assert.match(niger.citations[0]!.sentence, /^France will withdraw its troops from Niger/);
  });

  test('past its deadline with no report the Estonia deployment is overdue; the Chad plan is upcoming before its denial', () => {
    const b = brief('2024-04-30');
    const estonia = commitment(b, 'MOBILIZE', 'Estonia');
    assert.equal(estonia.standing, 'overdue-unconfirmed');
    assert.equal(estonia.deadline, '2024-03-31');
    assert.deepEqual(estonia.evidence, []);
    assert.equal(commitment(b, 'RETREAT', 'Chad').standing, 'upcoming');
    assert.equal(commitment(b, 'MOBILIZE', 'Lithuania').standing, 'upcoming');
  });

  test('a denial in another, later article contradicts the Chad plan; a deployment reported after its deadline fulfils late', () => {
    const b = brief('2024-07-15');
    const chad = commitment(b, 'RETREAT', 'Chad');
    assert.equal(chad.standing, 'contradicted');
    assert.equal(chad.evidence.length, 1, 'the spokesman coded as a Chadian official is not the U.S.');
    assert.equal(chad.evidence[0]!.event.statusClass, 'negated');
    assert.equal(chad.evidence[0]!.citations[0]!.sentence, 'The Pentagon said U.S. forces are not withdrawing from Chad.');
    const estonia = commitment(b, 'MOBILIZE', 'Estonia');
    assert.equal(estonia.standing, 'fulfilled');
    assert.equal(estonia.late, true);
  });

  test('years on, the Lithuania deployment is overdue-unconfirmed; plans without a date have no deadline', () => {
    const b = brief('2028-01-01');
    assert.equal(commitment(b, 'MOBILIZE', 'Lithuania').standing, 'overdue-unconfirmed');
    const undated = b.commitments.filter((c) => c.deadline === null);
    assert.ok(undated.length > 0);
    assert.ok(undated.every((c) => c.standing === 'no-deadline'));
    assert.ok(undated.some((c) => c.event.type === 'AGREE' && c.citations[0]!.sentence.includes('plan to sign a new defence cooperation agreement')));
  });

  test('force posture: troop numbers with the actor and place of their sentence, dated by the sentence or the article', () => {
    const rows = brief('2024-07-15').forcePosture.map((p) => [p.actor?.name, p.place?.name, p.value, p.date, p.dateBasis]);
    assert.deepEqual(rows, [
      ['French armed forces', 'Niger', 1500, '2023-09-25', 'published'],
      ['Germany', 'Lithuania', 4800, '2027', 'text'],
      ['United Kingdom', 'Estonia', 500, '2024-03', 'text'],
      ['United Kingdom', 'Estonia', 500, '2024-05-20', 'text'],
      ['United States', 'Chad', 100, '2024-04-25', 'published'],
    ]);
    // "Two French soldiers were injured" counts losses, not a posture.
    assert.ok(!rows.some((r) => r[2] === 2));
    const lithuania = brief('2024-07-15').forcePosture.find((p) => p.place?.name === 'Lithuania')!;
    assert.deepEqual(lithuania.context, { type: 'MOBILIZE', statusClass: 'planned', trigger: 'deploy' });
    assert.equal(lithuania.approx, true);
  });

  test('contradictions pair the plan with the denial from another outlet, not the same article', () => {
    const c = brief('2024-07-15').contradictions;
    assert.equal(c.length, 1);
    assert.equal(c[0]!.asserted.type, 'RETREAT');
    assert.equal(c[0]!.asserted.place?.name, 'Chad');
    assert.equal(c[0]!.asserted.statusClass, 'planned');
    assert.equal(c[0]!.sameArticle, false);
    assert.deepEqual(c[0]!.negations.map((n) => n.event.triggers[0]), ['withdrawing']);
    assert.equal(brief('2024-04-30').contradictions.length, 0, 'the denial is not published yet');
  });

  test('every citation is a stored sentence of its article, and the article text holds it', () => {
    const b = brief('2028-01-01');
    const cites = allCitations(b);
    assert.ok(cites.length > 20);
    const sentence = db.prepare<[number], { article_id: number; text: string }>('SELECT article_id, text FROM sentences WHERE id = ?');
    const article = db.prepare<[number], { extraction: string; published: string }>('SELECT extraction, published FROM articles WHERE id = ?');
    for (const c of cites) {
      const row = sentence.get(c.sentenceId);
      assert.ok(row, `sentence ${c.sentenceId}`);
      assert.equal(row.article_id, c.articleId);
      assert.equal(row.text, c.sentence);
      const a = article.get(c.articleId)!;
      assert.equal(a.published, c.published);
      assert.ok((JSON.parse(a.extraction) as { text: string }).text.includes(c.sentence));
    }
  });

  test('the summary counts events by type and status, the timeline orders what happened', () => {
    const b = brief('2024-07-15');
    const retreat = b.summary.byType.find((r) => r.type === 'RETREAT')!;
    assert.deepEqual([retreat.planned, retreat.happened, retreat.negated], [2, 1, 2]);
    assert.equal(b.summary.articles, 7);
    assert.equal(b.summary.places[0]!.label, 'Chad');
    const days = b.timeline.map((t) => t.event.dateStart ?? t.event.firstReported);
    assert.deepEqual(days, [...days].sort());
    assert.ok(b.timeline.every((t) => t.event.statusClass === 'happened' && t.citations.length > 0));
    assert.ok(b.timeline.some((t) => t.date === '2023-12-22' && t.event.type === 'RETREAT' && t.event.numSources === 1));
  });

  test('--about narrows every section to an actor or a place', () => {
    const chad = brief('2024-07-15', { about: 'Chad' });
    assert.deepEqual(chad.commitments.map((c) => c.event.place?.name), ['Chad']);
    assert.deepEqual(chad.forcePosture.map((p) => p.place?.name), ['Chad']);
    assert.equal(chad.contradictions.length, 1);
    const france = brief('2024-07-15', { about: 'FRA' });
    assert.ok(france.commitments.length > 0 && france.commitments.every((c) => c.event.place?.name === 'Niger'));
    assert.deepEqual(france.quotes.map((q) => q.speaker), ['Emmanuel Macron']);
    assert.throws(() => brief('2024-07-15', { about: 'Atlantis' }), (e: unknown) => e instanceof BriefError && /--about "Atlantis": nothing/.test(e.message));
  });

  test('--from and --to keep what falls in the window', () => {
    const b = brief('2028-01-01', { from: '2024-01-01', to: '2024-12-31' });
    assert.ok(b.timeline.every((t) => (t.event.dateStart ?? t.event.firstReported) >= '2024-01-01'));
    assert.ok(!b.commitments.some((c) => c.event.place?.name === 'Niger'));
    assert.ok(b.commitments.some((c) => c.event.place?.name === 'Chad'));
    assert.deepEqual(b.forcePosture.map((p) => p.date), ['2024-03', '2024-05-20', '2024-04-25']);
  });

  test('options are checked: real days, a window in order', () => {
    assert.throws(() => parseBriefOptions({ asOf: '2024-02-30' }), /--as-of must be a date written YYYY-MM-DD, not "2024-02-30"/);
    assert.throws(() => parseBriefOptions({ asOf: '2024-01-01', from: '24-01-01' }), /--from must be a date/);
    assert.throws(() => parseBriefOptions({ asOf: '2024-01-01', from: '2024-05-01', to: '2024-01-01' }), /--from 2024-05-01 is after --to 2024-01-01/);
    assert.deepEqual(parseBriefOptions({ 'as-of': '2024-01-01', about: ' Chad ' }), { asOf: '2024-01-01', about: 'Chad' });
    assert.equal(parseBriefOptions({}, '2026-11-25').asOf, '2026-11-25');
  });

  test('HTML and Markdown keep article text as text', () => {
    const b = brief('2024-07-15');
    const html = renderHtml(b);
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.match(html, /<style>/);
    assert.ok(!/<script/i.test(html), 'no script element');
    assert.ok(html.includes('British troops reach Estonia &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!html.includes('javascript:'), 'a javascript: URL is not made a link');
    assert.ok(html.includes('<a href="https://example.test/chad-denial">'));
    const md = renderMarkdown(b);
    assert.ok(md.includes('British troops reach Estonia \\<script\\>alert(1)\\</script\\>'));
    assert.ok(!md.includes('javascript:'));
    // Every reference number used in the text is listed under Sources.
    const used = new Set([...md.split('## Sources')[0]!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const listed = md.split('## Sources')[1]!.trim().split('\n').length;
    assert.equal(Math.max(...used), listed);
  });

  test('the CLI prints the brief, and refuses bad dates and unknown names with one line and exit 2', () => {
    const ok = runCli(['brief', '--db', dbFile, '--as-of', '2024-07-15']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /^# Situation report/);
    assert.match(ok.stdout, /## Commitments and deadlines[\s\S]*\*\*contradicted\*\*/);
    const html = runCli(['brief', '--db', dbFile, '--as-of', '2024-07-15', '--format', 'html', '--about', 'Niger']);
    assert.equal(html.status, 0, html.stderr);
    assert.match(html.stdout, /<title>Situation report: Niger/);
    for (const args of [['--as-of', '2024-7-15'], ['--about', 'Atlantis', '--as-of', '2024-07-15'], ['--format', 'pdf']]) {
      const bad = runCli(['brief', '--db', dbFile, ...args]);
      assert.equal(bad.status, 2, args.join(' '));
      assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
      assert.match(bad.stderr, /^sitrep: /);
    }
    const missing = runCli(['brief', '--db', path.join(dir, 'none.db')]);
    assert.equal(missing.status, 2);
  });
});

describe('brief over the seed', { skip: skipWithoutShared }, () => {
  let dir: string;
  let db: Database.Database;
  let b: Brief;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitrep-brief-seed-'));
    db = openStore(buildStore(dir, [path.join(sharedDir, 'corpus/seed.json')]), { readonly: true });
    b = buildBrief(db, { asOf: '2026-11-25' });
  });
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the end of the Iraq mission (September 2025, over the next year) is overdue-unconfirmed', () => {
    const iraq = b.commitments.filter((c) => c.event.type === 'RETREAT' && c.event.place?.name === 'Iraq');
    const conclude = iraq.find((c) => c.event.triggers.includes('conclude'));
    assert.ok(conclude, JSON.stringify(iraq.map((c) => c.event.triggers)));
    assert.equal(conclude.deadline, '2025-09-30');
    assert.equal(conclude.standing, 'overdue-unconfirmed');
    const windDown = iraq.find((c) => c.event.triggers.includes('wind down'))!;
    assert.equal(windDown.standing, 'overdue-unconfirmed', 'the denials are in the same article: no later report');
    const sentence = readFileSync(path.join(sharedDir, 'corpus/seed.json'), 'utf8');
    assert.ok(sentence.includes(conclude.citations[0]!.sentence));
  });

  test('the Syria operations until September 2026 are a commitment', () => {
    const syria = b.commitments.find((c) => c.deadline === '2026-09-30');
    assert.ok(syria);
    assert.equal(syria.standing, 'overdue-unconfirmed');
  });

  test('force posture has the 2,500 U.S. troops in Iraq in September 2024', () => {
    const row = b.forcePosture.find((p) => p.value === 2500);
    assert.ok(row);
    assert.equal(row.actor?.code, 'USA');
    assert.equal(row.place?.name, 'Iraq');
    assert.equal(row.date, '2024-09-27');
    assert.match(row.citations[0]!.sentence, /about 2,500 troops in Iraq/);
  });

  test('"will wind down" is contradicted by "is not withdrawing", within the one article', () => {
    const windDown = b.contradictions.find((c) => c.asserted.triggers.includes('wind down'));
    assert.ok(windDown);
    assert.ok(windDown.negations.some((n) => n.event.triggers.includes('withdrawing')));
    assert.equal(windDown.sameArticle, true);
  });
});
