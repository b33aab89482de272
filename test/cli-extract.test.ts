import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './support/cli.js';
import { repoRoot } from './support/shared.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const good = file('good.json', JSON.stringify({ id: 'good', published: '2024-03-01', title: 'A', text: 'Officials met in Baghdad on Friday.' }));

test('--json prints the contract with every layer present', () => {
  const r = runCli(['extract', good, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const x = JSON.parse(r.stdout);
  assert.equal(x.schema, 'sitrep.extraction/1');
  assert.deepEqual(x.article, { id: 'good', title: 'A', published: '2024-03-01', source: null, url: null });
  assert.equal(x.text, 'Officials met in Baghdad on Friday.');
  assert.deepEqual(x.sentences, [{ start: 0, end: 35 }]);
  for (const layer of ['times', 'quantities', 'places', 'actors', 'quotes', 'events']) assert.ok(Array.isArray(x[layer]), layer);
});

test('each bad input gives one line naming the file and a non-zero exit, the others are still extracted', () => {
  const cases: [string, RegExp][] = [
    [path.join(dir, 'missing.json'), /missing\.json: no such file/],
    [dir, /: is a directory, not a file/],
    [file('blob.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3])), /blob\.bin: is a binary file/],
    [file('broken.json', '{"id": "b", "text": '), /broken\.json: malformed JSON/],
    [file('notext.json', '{"id": "n", "title": "no body"}'), /notext\.json: not an article/],
  ];
  const out = path.join(dir, 'out-mixed');
  const r = runCli(['extract', ...cases.map(([f]) => f), good, '--out', out]);
  assert.equal(r.status, 1);
  const errors = r.stderr.trim().split('\n').filter((l) => !/articles extracted into/.test(l));
  assert.equal(errors.length, cases.length, r.stderr);
  cases.forEach(([, pattern], i) => assert.match(errors[i]!, pattern));
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.deepEqual(readdirSync(out), ['good.json']);
});

test('an invalid --published is refused before any work', () => {
  for (const bad of ['2024-13-01', 'yesterday', '2024-02-30']) {
    const r = runCli(['extract', good, '--published', bad]);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /--published must be a date/);
  }
});

test('empty text gives an empty extraction', () => {
  const r = runCli(['extract', file('empty.json', '{"id": "e", "text": ""}'), '--json']);
  assert.equal(r.status, 0, r.stderr);
  const x = JSON.parse(r.stdout);
  assert.deepEqual([x.sentences, x.times, x.quantities], [[], [], []]);
});

test('a file over the size limit is refused with the limit named, without reading it', () => {
  const big = path.join(dir, 'big.txt');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 20 * 1024 * 1024);
  closeSync(fd);
  const r = runCli(['extract', big, good, '--out', path.join(dir, 'out-big')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /big\.txt: is 20\.0 MB, over the 8 MB limit for one article/);
});

test('standard input is read with "-", and plain text takes --published', () => {
  const r = runCli(['extract', '-', '--published', '2024-05-10', '--id', 'piped', '--json'], { input: 'Troops arrived in Mosul.' });
  assert.equal(r.status, 0, r.stderr);
  const x = JSON.parse(r.stdout);
  assert.equal(x.article.id, 'piped');
  assert.equal(x.article.published, '2024-05-10');
});

test('--out writes one file per article, named by id', () => {
  const out = path.join(dir, 'out-samples');
  const samples = readdirSync(path.join(repoRoot, 'samples/articles')).map((f) => path.join(repoRoot, 'samples/articles', f));
  const r = runCli(['extract', ...samples, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const written = readdirSync(out).sort();
  assert.equal(written.length, samples.length);
  for (const f of written) {
    const x = JSON.parse(readFileSync(path.join(out, f), 'utf8'));
    assert.equal(`${x.article.id}.json`, f);
  }
});

test('the readable report names the article and lists the layers', () => {
  const r = runCli(['extract', path.join(repoRoot, 'samples/articles/syria-raid.json')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^== sample-syria-raid — Joint raid in eastern Syria/);
  assert.match(r.stdout, /published 2024-09-14/);
  assert.match(r.stdout, /\nTimes \(\d+\)/);
  assert.match(r.stdout, /\nQuantities \(\d+\)/);
});
