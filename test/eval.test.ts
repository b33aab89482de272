import { after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { evaluate, formatByArticle, GoldError, type EvalResult } from '../src/eval/index.js';
import { readArticleFile } from '../src/article/read.js';
import { createPipeline } from '../src/extract.js';
import { toExtraction } from '../src/output/json.js';
import { runCli } from './support/cli.js';
import { hasShared, sharedDir, skipWithoutShared } from './support/shared.js';
import { seededRandom } from './support/random.js';

const scorer = path.join(sharedDir, 'eval/score.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'sitrep-eval-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The reference scorer's figures (all of them, `problems` included) for a prediction folder. */
function referenceFigures(corpus: string, gold: string, pred: string): Record<string, number> {
  const r = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { problem_list: _list, ...figures } = JSON.parse(r.stdout) as Record<string, number> & { problem_list: unknown };
  return figures;
}

function assertSameFigures(ours: EvalResult, reference: Record<string, number>): void {
  assert.deepEqual(Object.keys(ours.figures), Object.keys(reference), 'the same figure names in the same order');
  for (const [name, value] of Object.entries(reference)) assert.equal(ours.figures[name as keyof typeof ours.figures], value, name);
}

// ---------------------------------------------------------------------------------------------
// (a) equal to the reference scorer on the shared gold sets

const goldSets = [
  { name: 'dev gold', corpus: 'corpus', gold: 'gold' },
  { name: 'MEANTIME (times)', corpus: 'meantime/corpus', gold: 'meantime/gold' },
  { name: 'PLOVER GSR (events)', corpus: 'plover-gsr/corpus', gold: 'plover-gsr/gold' },
  { name: 'GeoWebNews (places)', corpus: 'geowebnews/corpus', gold: 'geowebnews/gold' },
];

describe('the same figures as ../shared/eval/score.mjs', { skip: skipWithoutShared }, () => {
  for (const set of goldSets) {
    const corpus = path.join(sharedDir, set.corpus);
    const gold = path.join(sharedDir, set.gold);

    test(`${set.name}: sitrep's own output, extracted by eval and written as "extract --out" does`, () => {
      // One pipeline, in this process, for both: the sources may change while the tests run.
      const pipeline = createPipeline();
      const pred = path.join(work, `sitrep-${set.corpus.replace(/\W/g, '_')}`);
      mkdirSync(pred, { recursive: true });
      for (const file of readdirSync(gold).filter((f) => f.endsWith('.json'))) {
        const id = (JSON.parse(readFileSync(path.join(gold, file), 'utf8')) as { article: string }).article;
        const extraction = toExtraction(pipeline.run(readArticleFile(path.join(corpus, `${id}.json`))));
        writeFileSync(path.join(pred, `${id}.json`), JSON.stringify(extraction, null, 1));
      }
      const reference = referenceFigures(corpus, gold, pred);
      assertSameFigures(evaluate({ corpusDir: corpus, goldDir: gold, pipeline }), reference);
      assertSameFigures(evaluate({ corpusDir: corpus, goldDir: gold, predDir: pred }), reference);
    });

    // sitrep's layers are still being written, so its output alone may leave rules unexercised:
    // predictions made from the gold with seeded noise hit every rule, hit and miss.
    for (const seed of [1, 2, 3]) {
      test(`${set.name}: noisy predictions, seed ${seed}`, () => {
        const pred = path.join(work, `noisy-${set.corpus.replace(/\W/g, '_')}-${seed}`);
        writeNoisyPredictions(corpus, gold, pred, seed);
        assertSameFigures(evaluate({ corpusDir: corpus, goldDir: gold, predDir: pred }), referenceFigures(corpus, gold, pred));
      });
    }
  }

  test('the CLI prints the reference figures, one "name value" line each', () => {
    const corpus = path.join(sharedDir, 'corpus');
    const gold = path.join(sharedDir, 'gold');
    const pred = path.join(work, 'noisy-cli');
    writeNoisyPredictions(corpus, gold, pred, 7);
    const ours = runCli(['eval', '--corpus', corpus, '--gold', gold, '--pred', pred]);
    const ref = spawnSync(process.execPath, [scorer, '--corpus', corpus, '--gold', gold, '--pred', pred], { encoding: 'utf8' });
    assert.equal(ours.status, 0, ours.stderr);
    assert.equal(ours.stdout, ref.stdout);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) the matching rules on texts of our own

const TEXT =
  'On Monday, rebels shelled the town of Kafr Halab in Idlib province, killing 12 civilians, a council member said. ' +
  '"We buried them before dawn," said the head of the local council, Ahmad Saleh. ' +
  'Aid workers said hundreds of families could leave the area over the coming decade, and Syria said on Tuesday it would respond.';

interface Case {
  gold: Record<string, unknown>;
  pred: Record<string, unknown>;
}

let caseCount = 0;
/** Scores one article: our gold and prediction against TEXT; the reference must agree when present. */
function scoreCase({ gold, pred }: Case): EvalResult {
  const dir = path.join(work, `case-${++caseCount}`);
  for (const sub of ['corpus', 'gold', 'pred']) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'corpus/t.json'), JSON.stringify({ id: 't', published: '2024-03-06', title: null, text: TEXT }));
  writeFileSync(path.join(dir, 'gold/t.json'), JSON.stringify({ article: 't', ...gold }));
  writeFileSync(path.join(dir, 'pred/t.json'), JSON.stringify({ schema: 'sitrep.extraction/1', text: TEXT, ...pred }));
  const [corpusDir, goldDir, predDir] = ['corpus', 'gold', 'pred'].map((s) => path.join(dir, s)) as [string, string, string];
  const result = evaluate({ corpusDir, goldDir, predDir });
  if (hasShared) assertSameFigures(result, referenceFigures(corpusDir, goldDir, predDir));
  return result;
}

/** A span record for the `nth` occurrence of some words of TEXT. */
function at(words: string, extra: Record<string, unknown> = {}, nth = 1): Record<string, unknown> {
  let start = -1;
  for (let i = 0; i < nth; i++) start = TEXT.indexOf(words, start + 1);
  assert.ok(start >= 0, `fixture words "${words}" are in TEXT`);
  return { start, end: start + words.length, text: words, ...extra };
}

describe('matching rules', () => {
  test('times match by overlap, one to one; touching spans do not overlap', () => {
    const r = scoreCase({
      gold: { layers: ['times'], times: [
        { text: 'Monday', type: 'DATE', value: '2024-03-04' },
        { text: 'Tuesday', type: 'DATE', value: '2024-03-05' },
      ] },
      pred: { times: [
        at('On Monday', { id: 't1', type: 'DATE', value: '2024-03-04' }), // wider than gold: overlaps
        at('On Monday', { id: 't2', type: 'DATE', value: '2024-03-04' }), // same span again: gold is taken
        at('said on ', { id: 't3', type: 'DATE', value: 'x' }), // ends where "Tuesday" starts
      ] },
    });
    const f = r.articles[0]!.layers[0]!;
    assert.equal(f.matched, 1);
    assert.deepEqual(f.misses.map((m) => m.text), ['Tuesday']);
    assert.deepEqual(f.falseAlarms.map((m) => m.text), ['On Monday', 'said on ']);
    assert.equal(r.figures.times_span_f1, 0.4); // P 1/3, R 1/2
  });

  test('time values compare upper-cased, P1DE = P10Y; a wrong value costs value F1, not span F1', () => {
    const r = scoreCase({
      gold: { layers: ['times'], times: [
        { text: 'the coming decade', type: 'DURATION', value: 'P10Y' },
        { text: 'Monday', type: 'DATE', value: '2024-03-04' },
        { text: 'Tuesday', type: 'DATE', value: '2024-03-05' },
      ] },
      pred: { times: [
        at('coming decade', { id: 't1', type: 'DURATION', value: 'P1DE' }),
        at('Monday', { id: 't2', type: 'DATE', value: '2024-03-11' }),
        at('Tuesday', { id: 't3', type: 'DURATION', value: '2024-03-05' }),
      ] },
    });
    assert.equal(r.figures.times_span_f1, 1);
    assert.equal(r.figures.times_value_f1, 0.667);
    assert.equal(r.figures.times_type_acc, 0.667);
    const wrong = r.articles[0]!.layers[0]!.wrong.map((w) => `${w.text}: ${w.field} got ${w.got}, want ${w.want}`);
    assert.deepEqual(wrong, ['Monday: value got 2024-03-11, want 2024-03-04', 'Tuesday: type got DURATION, want DATE']);
  });

  test('quantities need overlap and an equal value; null values are left out; units compare singular', () => {
    const r = scoreCase({
      gold: { layers: ['quantities'], quantities: [{ text: '12 civilians', value: 12, unit: 'civilian' }] },
      pred: { quantities: [
        at('12', { id: 'q1', value: 12, approx: false, unit: 'Civilians' }),
        at('hundreds of families', { id: 'q2', value: null, approx: true, unit: 'family', min: 200 }),
      ] },
    });
    assert.equal(r.figures.quantities_f1, 1);
    assert.equal(r.figures.quantities_unit_acc, 1);

    const wrongValue = scoreCase({
      gold: { layers: ['quantities'], quantities: [{ text: '12 civilians', value: 12, unit: 'civilian' }] },
      pred: { quantities: [at('12 civilians', { id: 'q1', value: 21, approx: false, unit: 'civilian' })] },
    });
    assert.equal(wrongValue.figures.quantities_f1, 0);
    assert.match(wrongValue.articles[0]!.layers[0]!.misses[0]!.detail, /system read "12 civilians" as 21/);
  });

  test('places: same country, and both countries or one name inside the other', () => {
    const r = scoreCase({
      gold: { layers: ['places'], places: [
        { name: 'Idlib', country: 'SYR', kind: 'admin1' },
        { name: 'Syria', country: 'SYR', kind: 'country' },
        { name: 'Kafr Halab', country: 'SYR', kind: 'city' },
      ] },
      pred: { places: [
        { id: 'p1', name: 'The Idlib Governorate', country: 'SYR', kind: 'admin1', mentions: [] },
        { id: 'p2', name: 'Syrian Arab Republic', country: 'SYR', kind: 'country', mentions: [] },
        { id: 'p3', name: 'Syrian Arab Republic', country: 'SYR', kind: 'country', mentions: [] }, // the same place twice
        { id: 'p4', name: 'Kafr Halab', country: 'TUR', kind: 'city', mentions: [] }, // wrong country
      ] },
    });
    assert.equal(r.figures.places_p, 0.667); // p3 folds into p2; p4 is a false alarm
    assert.equal(r.figures.places_r, 0.667);
    const f = r.articles[0]!.layers[0]!;
    assert.deepEqual(f.misses.map((m) => m.text), ['Kafr Halab']);
    assert.deepEqual(f.falseAlarms.map((m) => `${m.text} ${m.detail}`), ['Kafr Halab city TUR']);
  });

  test('actors: sets of codes per article', () => {
    const r = scoreCase({
      gold: { layers: ['actors'], actors: ['SYRREB', 'SYRCVL', 'SYRGOV'] },
      pred: { actors: [
        { id: 'a1', name: 'rebels', code: 'SYRREB', kind: 'armed_group', country: 'SYR', mentions: [] },
        { id: 'a2', name: 'insurgents', code: 'SYRREB', kind: 'armed_group', country: 'SYR', mentions: [] },
        { id: 'a3', name: 'Aid workers', code: 'NGO', kind: 'other', country: null, mentions: [] },
        { id: 'a4', name: 'a council member', code: null, kind: 'person', country: null, mentions: [] },
      ] },
    });
    assert.equal(r.figures.actors_p, 0.5);
    assert.equal(r.figures.actors_r, 0.333);
  });

  test('quotes: the system span holds the first words; the speaker contains or is contained, or its code is right', () => {
    const quote = at('We buried them before dawn,', {}, 1);
    const gold = { layers: ['quotes'], quotes: [{ text: 'We buried them', speaker: 'head of the local council', code: 'SYRGOV' }] };
    const actors = [{ id: 'a1', name: 'Ahmad Saleh', code: 'SYRGOV', kind: 'person', country: 'SYR', mentions: [] }];
    const speakerRight = (speaker: Record<string, unknown>) =>
      scoreCase({ gold, pred: { actors, quotes: [{ ...quote, id: 'u1', direct: true, speaker: { text: null, name: null, role: null, anonymous: false, actor: null, ...speaker } }] } }).figures.quotes_speaker_acc;
    assert.equal(speakerRight({ text: 'the head of the local council, Ahmad Saleh' }), 1); // contains the gold speaker
    assert.equal(speakerRight({ role: 'council' }), 1); // contained in it
    assert.equal(speakerRight({ text: 'Ahmad Saleh', actor: 'a1' }), 1); // the code is right
    assert.equal(speakerRight({ text: 'a council member' }), 0);

    const indirect = scoreCase({ gold, pred: { quotes: [{ ...quote, id: 'u1', direct: false, speaker: null }] } });
    assert.equal(indirect.figures.quotes_f1, 0, 'indirect speech does not count');
    const late = scoreCase({ gold, pred: { quotes: [{ ...at('buried them before dawn,'), id: 'u1', direct: true, speaker: null }] } });
    assert.equal(late.figures.quotes_f1, 0, 'a span that starts after the first word misses');
  });

  test('events: sentence holds the snippet start and the type is equal; optional gold absorbs', () => {
    const sentence = { start: 0, end: TEXT.indexOf('"We') - 1 };
    const actors = [
      { id: 'a1', name: 'rebels', code: 'SYRREB', kind: 'armed_group', country: 'SYR', mentions: [] },
      { id: 'a2', name: 'civilians', code: 'SYRCVL', kind: 'civilians', country: 'SYR', mentions: [] },
    ];
    const places = [{ id: 'p1', name: 'Idlib', country: 'SYR', kind: 'admin1', lat: 35.9, lon: 36.6, mentions: [] }];
    const event = (type: string, extra: Record<string, unknown> = {}) => ({
      id: `e-${type}`, type, mode: null, cameo: '19', status: 'reported', source: 'a1', target: 'a2', time: null, date: '2024-03-04',
      place: 'p1', fatalities: 12, trigger: at('shelled'), sentence, confidence: 0.9, ...extra,
    });
    const gold = (optional: boolean) => ({ layers: ['events'], events: [
      { sentence: 'rebels shelled the town', type: 'ASSAULT', source: ['SYRREB', 'ISIS'], target: 'SYRCVL', status: 'reported', date: '2024-03', place: 'SYR', fatalities: 12 },
      ...(optional ? [{ sentence: 'rebels shelled the town', type: 'COERCE', optional: true }] : []),
      { sentence: 'Syria said on Tuesday', type: 'THREATEN', optional: true },
    ] });
    const pred = { actors, places, events: [event('ASSAULT'), event('COERCE')] };
    const absorbed = scoreCase({ gold: gold(true), pred });
    assert.deepEqual([absorbed.figures.events_p, absorbed.figures.events_r], [1, 1]);
    const notAbsorbed = scoreCase({ gold: gold(false), pred });
    assert.deepEqual([notAbsorbed.figures.events_p, notAbsorbed.figures.events_r], [0.5, 1]);
    for (const field of ['source', 'target', 'status', 'date', 'place', 'fatalities'] as const) assert.equal(absorbed.figures[`events_${field}_acc`], 1, field);

    const wrongFields = scoreCase({ gold: gold(false), pred: { actors, places: [{ ...places[0], country: 'TUR' }], events: [event('ASSAULT', { source: 'a2', date: '2023-03-04', fatalities: 2 })] } });
    assert.deepEqual([wrongFields.figures.events_source_acc, wrongFields.figures.events_date_acc, wrongFields.figures.events_place_acc], [0, 0, 0]);
    const lines = formatByArticle(wrongFields);
    assert.match(lines, /ASSAULT source got SYRCVL, want SYRREB\|ISIS/);
    assert.match(lines, /ASSAULT fatalities got 2, want 12/);

    const wrongType = scoreCase({ gold: gold(false), pred: { actors, places, events: [event('COERCE')] } });
    assert.equal(wrongType.figures.events_r, 0);
    assert.match(wrongType.articles[0]!.layers[0]!.misses[0]!.detail, /system has COERCE in this sentence/);
  });

  test('a missing prediction is a problem, and its gold items are misses', () => {
    const dir = path.join(work, 'missing-pred');
    for (const sub of ['corpus', 'gold', 'pred']) mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, 'corpus/t.json'), JSON.stringify({ id: 't', text: TEXT }));
    writeFileSync(path.join(dir, 'gold/t.json'), JSON.stringify({ article: 't', layers: ['actors'], actors: ['SYRREB'] }));
    const r = evaluate({ corpusDir: path.join(dir, 'corpus'), goldDir: path.join(dir, 'gold'), predDir: path.join(dir, 'pred') });
    assert.match(r.problems[0]!, /^t: no prediction$/);
    assert.equal(r.figures.actors_r, 0);
    if (hasShared) assertSameFigures(r, referenceFigures(path.join(dir, 'corpus'), path.join(dir, 'gold'), path.join(dir, 'pred')));
  });
});

// ---------------------------------------------------------------------------------------------
// (c) a broken gold file is an error, not a miss

describe('broken gold', () => {
  function goldCase(name: string, goldFile: string, withArticle = true) {
    const dir = path.join(work, `broken-${name}`);
    mkdirSync(path.join(dir, 'corpus'), { recursive: true });
    mkdirSync(path.join(dir, 'gold'), { recursive: true });
    if (withArticle) writeFileSync(path.join(dir, 'corpus/t.json'), JSON.stringify({ id: 't', text: TEXT }));
    writeFileSync(path.join(dir, 'gold/t.json'), goldFile);
    return { corpus: path.join(dir, 'corpus'), gold: path.join(dir, 'gold') };
  }

  const cases: [string, string, RegExp, boolean?][] = [
    ['snippet', JSON.stringify({ article: 't', layers: ['times'], times: [{ text: 'on Wednesday', type: 'DATE', value: '2024-03-06' }] }), /gold\/t\.json: time "on Wednesday" is not in the text \(.*corpus\/t\.json\)$/m],
    ['nth', JSON.stringify({ article: 't', layers: ['times'], times: [{ text: 'Monday', nth: 2 }] }), /gold\/t\.json: time "Monday" #2 occurs only 1 time/],
    ['quotes', JSON.stringify({ article: 't', layers: [], quotes: [{ text: 'We buried them before sunrise' }] }), /quote "We buried them before sunrise" is not in the text/],
    ['json', '{"article": "t", "layers": [', /gold\/t\.json: malformed JSON/],
    ['article', JSON.stringify({ article: 't', layers: ['actors'], actors: [] }), /gold\/t\.json: article "t" is not in the corpus/, false],
    ['field', JSON.stringify({ article: 't', layers: ['events'], events: [{ sentence: 'rebels shelled', type: 'ASSAULT', source: 7 }] }), /gold\/t\.json: events\[0\] \("rebels shelled"\) field "source"/],
    ['layer', JSON.stringify({ article: 't', layers: ['place'], places: [] }), /gold\/t\.json: layers\[0\]/],
    ['unlisted', JSON.stringify({ article: 't', layers: ['times'] }), /lists the layer "times" but has no "times" list/],
  ];

  for (const [name, goldFile, message, withArticle] of cases) {
    test(`${name}: one line on stderr naming the file, exit code 2`, () => {
      const dirs = goldCase(name, goldFile, withArticle);
      const r = runCli(['eval', '--corpus', dirs.corpus, '--gold', dirs.gold]);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, message);
      assert.throws(() => evaluate({ corpusDir: dirs.corpus, goldDir: dirs.gold }), GoldError);
    });
  }

  test('the snippet is found when its quotes and dashes are the text’s own; a hint says so when they are not', () => {
    const dirs = goldCase('curly', JSON.stringify({ article: 't', layers: ['quotes'], quotes: [{ text: '“We buried them' }] }));
    const r = runCli(['eval', '--corpus', dirs.corpus, '--gold', dirs.gold]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /other quotes, dashes, spacing or case/);
  });
});

test('--by-article groups misses, false alarms and wrong fields by article and layer', () => {
  const dir = path.join(work, 'by-article');
  for (const sub of ['corpus', 'gold', 'pred']) mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(path.join(dir, 'corpus/t.json'), JSON.stringify({ id: 't', text: TEXT }));
  writeFileSync(path.join(dir, 'gold/t.json'), JSON.stringify({ article: 't', layers: ['times', 'actors'], times: [
    { text: 'Monday', type: 'DATE', value: '2024-03-04' }, { text: 'Tuesday', type: 'DATE', value: '2024-03-05' }], actors: ['SYRREB'] }));
  writeFileSync(path.join(dir, 'pred/t.json'), JSON.stringify({ text: TEXT, times: [at('Monday', { type: 'DATE', value: '2024-03-11' }), at('dawn', { type: 'TIME', value: 'XXXX-XX-XXTMO' })], actors: [] }));
  const r = runCli(['eval', '--corpus', path.join(dir, 'corpus'), '--gold', path.join(dir, 'gold'), '--pred', path.join(dir, 'pred'), '--by-article']);
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout;
  assert.match(out, /^== t /m);
  assert.match(out, /times +gold 2, system 2, matched 1 — 1 missed, 1 false alarm, 1 wrong field/);
  assert.match(out, /missed +@\d+ +"Tuesday" +DATE 2024-03-05/);
  assert.match(out, /false +@\d+ +"dawn" +TIME XXXX-XX-XXTMO/);
  assert.match(out, /wrong +@\d+ +"Monday" +value got 2024-03-11, want 2024-03-04/);
  assert.match(out, /actors +gold 1, system 0, matched 0 — 1 missed\n +missed +SYRREB\n/);
  assert.match(out, /\ntimes_span_f1 0\.5\n/, 'the figures follow');
  assert.ok(out.indexOf('== t') < out.indexOf('times_span_f1'));
});

// ---------------------------------------------------------------------------------------------
// Noisy predictions: what a flawed system would output, derived from gold with a seeded generator.

type Json = Record<string, unknown>;


function writeNoisyPredictions(corpusDir: string, goldDir: string, predDir: string, seed: number): void {
  mkdirSync(predDir, { recursive: true });
  const rand = seededRandom(seed);
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  files.forEach((file, i) => {
    const gold = JSON.parse(readFileSync(path.join(goldDir, file), 'utf8')) as Json;
    const article = JSON.parse(readFileSync(path.join(corpusDir, `${String(gold.article)}.json`), 'utf8')) as { text: string };
    if (i === 3) return; // one article without a prediction
    const pred = noisyPrediction(gold, article.text, rand);
    if (i === 5) (pred.times as Json[]).push({ id: 'tx', start: 0, end: 3, text: 'not the text', type: 'DATE', value: null }); // a span mismatch problem
    writeFileSync(path.join(predDir, `${String(gold.article)}.json`), JSON.stringify(pred));
  });
}

function noisyPrediction(gold: Json, text: string, rand: () => number): Json {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const find = (snippet: string, nth = 1) => {
    let at = -1;
    for (let k = 0; k < nth; k++) at = text.indexOf(snippet, at + 1);
    return { start: at, end: at + snippet.length };
  };
  const span = (start: number, end: number) => {
    const s = Math.max(0, Math.min(start, text.length));
    const e = Math.max(s, Math.min(end, text.length));
    return { start: s, end: e, text: text.slice(s, e) };
  };
  const jitter = (g: { start: number; end: number }) =>
    chance(0.6) ? span(g.start, g.end) : pick([span(g.start - 4, g.end), span(g.start + 1, g.end + 3), span(g.end, g.end + 5), span(g.start - 6, g.start)]);
  const randomSpan = () => {
    const s = Math.floor(rand() * Math.max(1, text.length - 12));
    return span(s, s + 3 + Math.floor(rand() * 9));
  };
  const shuffle = <T>(xs: T[]): T[] => (chance(0.3) ? xs.reverse() : xs);
  const items = (key: string) => (Array.isArray(gold[key]) ? (gold[key] as Json[]) : []);

  const times: Json[] = [];
  for (const g of items('times')) {
    if (chance(0.15)) continue;
    let value = g.value as string | null;
    if (chance(0.15)) value = pick(['2099', 'PXY', null, 'present_ref']);
    else if (value === 'P10Y' && chance(0.7)) value = 'P1DE';
    else if (value && chance(0.1)) value = value.toLowerCase();
    const type = chance(0.15) ? pick(['DATE', 'DURATION', 'TIME', 'SET', 'date']) : g.type;
    times.push({ id: `t${times.length + 1}`, ...jitter(find(String(g.text), Number(g.nth ?? 1))), type, value });
  }
  for (let k = 0; k < 2; k++) times.push({ id: `tf${k}`, ...randomSpan(), type: 'DATE', value: pick(['2024', null, 'PAST_REF']) });

  const quantities: Json[] = [];
  for (const g of items('quantities')) {
    if (chance(0.15)) continue;
    const value = chance(0.15) ? pick([null, Number(g.value) + 1, String(g.value)]) : g.value;
    const unit = chance(0.3) ? pick([`${String(g.unit)}s`, String(g.unit).toUpperCase(), null, 'person', 'the ' + String(g.unit)]) : g.unit;
    quantities.push({ id: `q${quantities.length + 1}`, ...jitter(find(String(g.text), Number(g.nth ?? 1))), value, approx: false, unit });
  }
  quantities.push({ id: 'qf', ...randomSpan(), value: null, approx: true, unit: 'troop', min: 200 }, { id: 'qf2', ...randomSpan(), value: 3, approx: false, unit: 'day' });

  const places: Json[] = [];
  for (const g of items('places')) {
    if (chance(0.15)) continue;
    const name = String(g.name);
    const variant = pick([name, `the ${name}`, name.toUpperCase(), `${name} Province`, name.slice(0, Math.max(3, name.length - 3)), 'Elsewhere']);
    const country = chance(0.1) ? pick(['XXX', null, undefined]) : g.country;
    const kind = chance(0.15) ? pick(['country', 'city', 'admin1', 'region']) : g.kind;
    const place = { id: `p${places.length + 1}`, name: variant, kind, country, lat: null, lon: null, mentions: [] };
    places.push(place);
    if (chance(0.2)) places.push({ ...place, id: `p${places.length + 1}` });
  }
  places.push({ id: 'pf', name: 'Atlantis', kind: 'city', country: 'ATL', lat: 0, lon: 0, mentions: [] });

  const codes = new Set<string>(items('actors') as unknown as string[]);
  for (const e of items('events')) for (const k of ['source', 'target']) for (const c of ([] as unknown[]).concat(e[k] ?? [])) codes.add(String(c));
  for (const q of items('quotes')) if (q.code) codes.add(String(q.code));
  const actors: Json[] = [];
  for (const code of codes) if (!chance(0.15)) actors.push({ id: `a${actors.length + 1}`, name: code.toLowerCase(), code, kind: 'other', country: null, mentions: [] });
  actors.push({ id: 'af', name: 'someone', code: pick(['ZZZGOV', null, 'NATO']), kind: 'other', country: null, mentions: [] });
  const actorWith = (code: unknown) => actors.find((a) => a.code === code)?.id ?? null;

  const quotes: Json[] = [];
  for (const g of items('quotes')) {
    if (chance(0.15)) continue;
    const s = find(String(g.text), Number(g.nth ?? 1));
    const where = chance(0.7) ? span(s.start - 1, s.end + 40) : pick([span(s.start + 2, s.end + 10), span(s.start, s.start + 1)]);
    const speakerText = String(g.speaker ?? '');
    const speaker = pick([
      { text: speakerText, name: null, role: null, anonymous: false, actor: null },
      { text: `the ${speakerText}, who spoke to reporters`, name: null, role: null, anonymous: false, actor: null },
      { text: 'a witness', name: null, role: speakerText.split(' ').slice(-1)[0] ?? null, anonymous: true, actor: null },
      { text: 'a witness', name: null, role: null, anonymous: true, actor: actorWith(g.code) },
      { text: 'a witness', name: null, role: null, anonymous: true, actor: null },
      null,
    ]);
    quotes.push({ id: `u${quotes.length + 1}`, ...where, direct: chance(0.9), speaker });
  }
  quotes.push({ id: 'uf', ...randomSpan(), direct: true, speaker: { text: 'officials', name: null, role: null, anonymous: true, actor: null } });

  const sentenceAround = (offset: number) => {
    const start = Math.max(0, text.lastIndexOf('. ', offset) + 1);
    const next = text.indexOf('. ', offset);
    return { start, end: next < 0 ? text.length : next + 1 };
  };
  const types = ['ASSAULT', 'COERCE', 'AGREE', 'CONSULT', 'RETREAT', 'AID', 'THREATEN'];
  const events: Json[] = [];
  for (const g of items('events')) {
    if (chance(0.2)) continue;
    const s = find(String(g.sentence), Number(g.nth ?? 1));
    const codesOf = (v: unknown) => ([] as unknown[]).concat(v ?? []);
    const source = chance(0.7) ? actorWith(pick(codesOf(g.source).length ? codesOf(g.source) : [null])) : pick(actors).id;
    const target = chance(0.7) ? actorWith(pick(codesOf(g.target).length ? codesOf(g.target) : [null])) : pick(actors).id;
    const place = chance(0.7) ? (places.find((p) => p.country === g.place)?.id ?? null) : pick([...places.map((p) => p.id), null]);
    const date = g.date && chance(0.7) ? pick([g.date, `${String(g.date)}-15`, String(g.date).slice(0, 4)]) : pick([null, '2019-01']);
    const sentence = chance(0.85) ? sentenceAround(s.start) : { start: s.start + 1, end: s.end + 10 };
    events.push({
      id: `e${events.length + 1}`, type: chance(0.8) ? g.type : pick(types), mode: null, cameo: '19',
      status: chance(0.7) ? (g.status ?? 'reported') : pick(['reported', 'planned', 'negated', 'ongoing']),
      source, target, time: null, date, place,
      fatalities: g.fatalities !== undefined && chance(0.7) ? g.fatalities : pick([null, 1, '3']),
      trigger: span(s.start, s.start + 4), sentence, confidence: 0.5,
    });
  }
  for (let k = 0; k < 2; k++) {
    const sp = randomSpan();
    events.push({ id: `ef${k}`, type: pick(types), mode: null, cameo: '01', status: 'reported', source: pick(actors).id, target: null, time: null, date: null, place: null, fatalities: null, trigger: sp, sentence: sentenceAround(sp.start), confidence: 0.1 });
  }

  return { schema: 'sitrep.extraction/1', text, times: shuffle(times), quantities: shuffle(quantities), places: shuffle(places), actors, quotes: shuffle(quotes), events: shuffle(events) };
}
