import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArticle } from '../src/article/read.js';
import { readHtml } from '../src/article/html.js';
import { InputError } from '../src/article/errors.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

test('article JSON is read with its fields; a timestamp is reduced to its date', () => {
  const a = parseArticle(bytes(JSON.stringify({ id: 'x1', url: 'https://example.org/x', source: 'Wire', published: '2023-03-04T17:20:00Z', title: 'T', text: 'Body.' })), 'x1.json');
  assert.deepEqual(a, { id: 'x1', url: 'https://example.org/x', source: 'Wire', published: '2023-03-04', title: 'T', text: 'Body.' });
});

test('article JSON without an id takes the file name; without a date takes --published', () => {
  const a = parseArticle(bytes('{"text": "Body."}'), 'dir/report-7.json', { published: '2022-01-02' });
  assert.equal(a.id, 'report-7');
  assert.equal(a.published, '2022-01-02');
});

test('plain text takes id, title and date from the options', () => {
  const a = parseArticle(bytes('Troops left.\r\nThey returned.'), 'notes.txt', { published: '2021-06-01', title: 'Notes', id: 'n1' });
  assert.equal(a.text, 'Troops left.\nThey returned.');
  assert.deepEqual([a.id, a.title, a.published], ['n1', 'Notes', '2021-06-01']);
});

test('bad JSON inputs are InputErrors that name the file', () => {
  assert.throws(() => parseArticle(bytes('{"text": '), 'broken.json'), (e: unknown) => e instanceof InputError && /^broken\.json: malformed JSON/.test(e.message));
  assert.throws(() => parseArticle(bytes('{"title": "no text"}'), 'notext.json'), /notext\.json: not an article: .*text/);
  assert.throws(() => parseArticle(bytes('[1,2]'), 'array.json'), /array\.json: not an article/);
  assert.throws(() => parseArticle(bytes('{"text": "x", "published": "someday"}'), 'date.json'), /date\.json: field "published" is not a date/);
  assert.throws(() => parseArticle(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), 'image.png'), /image\.png: is a binary file/);
});

const PAGE = `<!doctype html><html><head>
<title>Site name | Convoy attacked near Kirkuk</title>
<meta property="og:title" content="Convoy attacked near Kirkuk">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Convoy attacked near Kirkuk","datePublished":"2022-11-05T06:00:00+03:00","publisher":{"@type":"Organization","name":"Example Wire"}}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Convoy attacked near Kirkuk</h1>
<p>A roadside bomb struck a police convoy on the highway south of Kirkuk on Friday, wounding three officers, provincial officials said.</p>
<p>No group claimed the attack. Security forces closed the road for several hours while engineers searched for more devices along the route.</p>
<p>The province has seen a string of similar attacks this autumn, most of them at night and most of them aimed at checkpoints.</p>
</article></main>
<footer><p>Copyright Example Wire. All rights reserved. Contact us.</p></footer>
</body></html>`;

test('HTML: main text without navigation or footer, paragraphs kept apart, JSON-LD date', () => {
  const page = readHtml(PAGE);
  assert.equal(page.title, 'Convoy attacked near Kirkuk');
  assert.equal(page.published, '2022-11-05');
  assert.equal(page.source, 'Example Wire');
  assert.match(page.text, /^A roadside bomb struck/);
  assert.equal(page.text.split('\n\n').length, 3);
  assert.doesNotMatch(page.text, /Politics|Copyright|Home/);
});

test('HTML: published date from article:published_time or <time datetime>', () => {
  const withMeta = readHtml('<html><head><meta property="article:published_time" content="2020-02-03T10:00:00Z"></head><body><p>Text of the report goes here and is long enough to be read as the main content of the page.</p></body></html>');
  assert.equal(withMeta.published, '2020-02-03');
  const withTime = readHtml('<html><body><article><time datetime="2019-07-08">July 8</time><p>Text of the report goes here and is long enough to be read as the main content of the page.</p></article></body></html>');
  assert.equal(withTime.published, '2019-07-08');
});

test('an HTML file is recognized by its name or its first tag', () => {
  const byName = parseArticle(bytes(PAGE), 'page.html');
  const byContent = parseArticle(bytes(PAGE), '-');
  assert.equal(byName.published, '2022-11-05');
  assert.equal(byContent.text, byName.text);
  assert.match(byContent.id, /^stdin-[0-9a-f]{10}$/);
});
