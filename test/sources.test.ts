import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countSources, readSources, type SourceItem, type SourceOptions } from '../src/corpus/sources.js';
import { repoRoot } from './support/shared.js';

// ---------------------------------------------------------------- fixtures (our own sentences)

function articlePage(title: string, paragraphs: string[], published?: string): string {
  const meta = published ? `<meta property="article:published_time" content="${published}">` : '';
  return `<!doctype html><html><head><title>${title}</title>${meta}</head><body>
<nav><a href="/">Front page</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer><p>Harbour Gazette. All rights reserved.</p></footer></body></html>`;
}

const FERRY = articlePage('Ferry service suspended after storm', [
  'The coast guard suspended the island ferry service on Monday after a storm damaged the pier at Port Alder.',
  'About 300 passengers were stranded overnight, and the operator said repairs would take at least a week.',
]);
const BRIDGE = articlePage(
  'Protesters block the river bridge',
  [
    'Several hundred farmers blocked the main river bridge with tractors on Sunday, demanding lower fuel prices.',
    'Police diverted traffic to the northern crossing and said no arrests had been made by the evening.',
  ],
  '2024-06-02T18:00:00+02:00',
);
const HARBOUR = articlePage('Customs officers seize smuggled fuel', [
  'Customs officers seized two tankers of smuggled fuel in the harbour on Tuesday night, the port authority said.',
  'The crews of both vessels were detained for questioning and the cargo was moved to a state depot.',
]);
const WITHDRAWN_CONTENT =
  '<p>Two fishing boats collided near the lighthouse at dawn, and one crew member was taken to hospital with minor injuries.</p>' +
  '<p>The harbour master opened an inquiry into the collision.</p>';

const RSS = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette - Coast</title>
  <link>${base}/</link>
  <item><title>Ferry suspended</title><link>${base}/news/ferry</link><pubDate>Mon, 03 Jun 2024 21:15:00 -0400</pubDate></item>
  <item><title>Broken page</title><link>${base}/news/broken</link></item>
  <item><title>Bulky page</title><link>${base}/news/bulky</link></item>
  <item><title>Bridge blocked</title><link>${base}/news/bridge</link><pubDate>Tue, 04 Jun 2024 08:00:00 GMT</pubDate></item>
  <item><title>Boats collide near lighthouse</title><link>${base}/news/withdrawn</link><pubDate>Wed, 05 Jun 2024 07:00:00 GMT</pubDate>
    <content:encoded><![CDATA[${WITHDRAWN_CONTENT}]]></content:encoded></item>
  <item><title>Stalled page</title><link>${base}/news/stalled</link></item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Port Authority notices</title>
  <entry><title>Fuel seized</title><link rel="alternate" type="text/html" href="news/harbour"/><updated>2024-06-04T23:10:00Z</updated></entry>
  <entry><title>Oversized notice</title><link href="/news/declared"/></entry>
  <entry><title>Write to the desk</title><link href="mailto:desk@example.org"/></entry>
  <entry><title>Annual report</title><link href="/files/report.pdf"/></entry>
</feed>`;

// ---------------------------------------------------------------- a local server that records what it saw

interface Seen {
  agents: string[];
  paths: string[];
  inFlight: number;
  maxInFlight: number;
}
const seen: Seen = { agents: [], paths: [], inFlight: 0, maxInFlight: 0 };
const resetSeen = () => Object.assign(seen, { agents: [], paths: [], inFlight: 0, maxInFlight: 0 });
const timers = new Set<NodeJS.Timeout>();
let server: Server;
let base = '';
let dir = '';

function later(ms: number, res: ServerResponse, send: () => void): void {
  const timer = setTimeout(() => {
    timers.delete(timer);
    send();
  }, ms);
  timers.add(timer);
  res.on('close', () => {
    clearTimeout(timer);
    timers.delete(timer);
  });
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.agents.push(String(req.headers['user-agent']));
  seen.paths.push(req.url ?? '');
  seen.inFlight++;
  seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
  let counted = true;
  const done = () => {
    if (counted) seen.inFlight--;
    counted = false;
  };
  res.on('finish', done);
  res.on('close', done);
  const html = (body: string) => () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  switch (req.url) {
    case '/rss.xml':
      return void res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(RSS(base));
    case '/atom.xml':
      return void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM);
    case '/news/ferry':
      return later(100, res, html(FERRY)); // slower than the bridge page, yet it must come out first
    case '/news/bridge':
      return later(20, res, html(BRIDGE));
    case '/news/harbour':
      return later(20, res, html(HARBOUR));
    case '/news/broken':
      return void res.writeHead(500).end('database unavailable');
    case '/news/bulky':
      // No Content-Length: the limit must hold while the body streams in.
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(`<html><body><p>${'The storm went on. '.repeat(1200)}</p></body></html>`);
    case '/news/declared':
      return void res.writeHead(200, { 'content-type': 'text/html', 'content-length': 10_000 }).end(Buffer.alloc(10_000, 'x'));
    case '/news/stalled':
      return later(5000, res, html(FERRY));
    case '/files/report.pdf':
      return void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not really a report');
    case '/data.bin':
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([1, 2, 3, 4]));
    default:
      return void res.writeHead(404).end('not here');
  }
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'sitrep-sources-'));
  // The first fetch of a process loads the HTTP client; keep that out of the timed requests.
  await (await fetch(`${base}/warm-up`)).text();
});

after(async () => {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function collect(sources: string[], opts?: SourceOptions): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSources(sources, opts)) items.push(item);
  return items;
}

// Short enough to keep the test quick, long enough for a loaded machine.
const HTTP_OPTIONS: SourceOptions = { timeoutMs: 1000, maxBytes: 4096, concurrency: 2 };

// ---------------------------------------------------------------- tests

test('a folder: sorted, recursive, hidden files and other extensions skipped, JSON Lines read line by line', async () => {
  const folder = path.join(dir, 'corpus');
  mkdirSync(path.join(folder, 'nested'), { recursive: true });
  mkdirSync(path.join(folder, '.archive'));
  const write = (name: string, body: string) => writeFileSync(path.join(folder, name), body);
  write('a-report.json', JSON.stringify({ id: 'rep-1', title: 'Ceasefire talks resume', published: '2024-05-10', text: 'Negotiators met in Doha on Friday. Both delegations agreed to meet again next week.' }));
  write(
    'b-batch.jsonl',
    [
      JSON.stringify({ id: 'wire-7', text: 'Gunmen attacked a checkpoint outside Mosul on Saturday, killing two soldiers.' }),
      '{"title": "a line cut short"',
      '   ',
      JSON.stringify({ published: '2024-05-12T09:00:00Z', text: 'The army said it had retaken the village of Tall Hamra after two days of fighting.' }),
    ].join('\r\n') + '\n',
  );
  write('c-collection.json', JSON.stringify([{ id: 'col-a', text: 'Rebels shelled the airport road overnight.' }, { text: 'Aid convoys reached the northern camps on Thursday.' }]));
  write('d-notes.txt', 'Border guards reported gunfire near the crossing at dusk.\nNo casualties were reported.');
  write('e-page.html', HARBOUR);
  write('g-catalog.xml', '<?xml version="1.0"?><catalog><book>not news</book></catalog>');
  write('readme.md', 'Not an article file.');
  write('nested/f-deeper.json', JSON.stringify({ text: 'A drone struck a fuel depot near the port on Wednesday.' }));
  write('nested/.draft.json', JSON.stringify({ text: 'Hidden draft.' }));
  write('.archive/old.json', JSON.stringify({ text: 'Hidden archive.' }));

  const items = await collect([folder]);
  const rel = (origin: string) => path.relative(folder, origin);
  assert.deepEqual(
    items.map((i) => rel(i.origin)),
    ['a-report.json', 'b-batch.jsonl:1', 'b-batch.jsonl:2', 'b-batch.jsonl:4', 'c-collection.json[0]', 'c-collection.json[1]', 'd-notes.txt', 'e-page.html', 'g-catalog.xml', path.join('nested', 'f-deeper.json')],
  );
  assert.deepEqual(
    items.map((i) => i.article?.id ?? null),
    ['rep-1', 'wire-7', null, 'b-batch-4', 'col-a', 'c-collection-1', 'd-notes', 'e-page', null, 'f-deeper'],
  );
  assert.match(items[2]!.error!, /^malformed JSON/);
  assert.match(items[8]!.error!, /^not a feed or article page \(root element <catalog>\)$/);
  assert.equal(items[3]!.article!.published, '2024-05-12');
  assert.equal(items[0]!.article!.title, 'Ceasefire talks resume');
  assert.equal(items[6]!.article!.text, 'Border guards reported gunfire near the crossing at dusk.\nNo casualties were reported.');
  assert.equal(items[7]!.article!.title, 'Customs officers seize smuggled fuel');
  assert.match(items[7]!.article!.text, /^Customs officers seized two tankers/);
  assert.doesNotMatch(items[7]!.article!.text, /Front page|All rights reserved/);
  assert.equal(await countSources([folder]), items.length);

  const empty = path.join(dir, 'empty');
  mkdirSync(empty);
  const [none] = await collect([empty]);
  assert.match(none!.error!, /^no article files/);
  assert.equal(await countSources([empty]), 1);
});

test('an RSS feed URL: items in feed order whatever the timing, failing pages as errors, the rest go on', async () => {
  resetSeen();
  const feedUrl = `${base}/rss.xml`;
  const items = await collect([feedUrl], HTTP_OPTIONS);
  assert.deepEqual(
    items.map((i) => i.origin),
    ['ferry', 'broken', 'bulky', 'bridge', 'withdrawn', 'stalled'].map((p) => `${feedUrl} > ${base}/news/${p}`),
  );
  const [ferry, broken, bulky, bridge, withdrawn, stalled] = items;

  assert.equal(ferry!.error, undefined);
  assert.equal(ferry!.article!.title, 'Ferry service suspended after storm');
  assert.equal(ferry!.article!.url, `${base}/news/ferry`);
  assert.equal(ferry!.article!.source, 'Harbour Gazette - Coast');
  // The page has no date: the item's, as the publisher wrote it (21:15 at -0400 is the 3rd there).
  assert.equal(ferry!.article!.published, '2024-06-03');
  assert.match(ferry!.article!.text, /^The coast guard suspended the island ferry service/);
  assert.match(ferry!.article!.id, /^127-0-0-1-news-ferry-[0-9a-f]{8}$/);
  // The page's own date wins over the item's.
  assert.equal(bridge!.article!.published, '2024-06-02');

  assert.deepEqual([broken!.error, bulky!.error, stalled!.error], ['HTTP 500', 'is over the 4 kB limit', 'timed out after 1 s']);
  for (const failed of [broken, bulky, stalled]) assert.equal(failed!.article, undefined);

  // The page is gone, but the feed carries the full text: used, with a warning.
  assert.match(withdrawn!.warning!, /^HTTP 404; used the content the feed carries$/);
  assert.equal(withdrawn!.article!.title, 'Boats collide near lighthouse');
  assert.equal(withdrawn!.article!.published, '2024-06-05');
  assert.match(withdrawn!.article!.text, /^Two fishing boats collided near the lighthouse/);

  assert.equal(seen.paths.length, 7);
  const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  assert.deepEqual(new Set(seen.agents), new Set([`sitrep/${version} (+https://github.com/sitrep)`]));
  assert.equal(seen.maxInFlight, 2, 'two requests overlap, never more than the concurrency limit');
});

test('an Atom feed URL: relative links resolved; a declared oversize body, a mailto link and a PDF are errors', async () => {
  resetSeen();
  const feedUrl = `${base}/atom.xml`;
  const items = await collect([feedUrl], { ...HTTP_OPTIONS, concurrency: 1 });
  assert.deepEqual(
    items.map((i) => i.origin),
    [`${base}/news/harbour`, `${base}/news/declared`, 'mailto:desk@example.org', `${base}/files/report.pdf`].map((link) => `${feedUrl} > ${link}`),
  );
  const [harbour, declared, mail, pdf] = items;
  assert.equal(harbour!.article!.title, 'Customs officers seize smuggled fuel');
  assert.equal(harbour!.article!.published, '2024-06-04');
  assert.equal(harbour!.article!.source, 'Port Authority notices');
  assert.equal(declared!.error, 'is 9.8 kB, over the 4 kB limit');
  assert.equal(mail!.error, 'item link is not an absolute http(s) URL');
  assert.equal(pdf!.error, 'not an article page (content-type application/pdf)');
  assert.equal(seen.maxInFlight, 1);
  assert.ok(!seen.paths.includes('mailto:desk@example.org'));
});

test('mixed sources keep argument order; a feed file follows its links whatever its extension', async () => {
  resetSeen();
  const feedFile = path.join(dir, 'wire-digest.txt');
  writeFileSync(
    feedFile,
    `<?xml version="1.0"?>\n<!-- saved from the wire -->\n<rss version="2.0"><channel><title>Wire digest</title>
<item><title>Bridge</title><link>${base}/news/bridge</link></item>
<item><title>Relative</title><link>/news/ferry</link></item></channel></rss>`,
  );
  const missing = path.join(dir, 'no-such-file.json');
  const items = await collect([feedFile, `${base}/news/harbour`, missing, 'ftp://example.org/feed.xml', `${base}/data.bin`], HTTP_OPTIONS);
  assert.deepEqual(
    items.map((i) => [i.origin, i.error ?? i.article!.title]),
    [
      [`${feedFile} > ${base}/news/bridge`, 'Protesters block the river bridge'],
      [`${feedFile} > /news/ferry`, 'item link is not an absolute http(s) URL'],
      [`${base}/news/harbour`, 'Customs officers seize smuggled fuel'],
      [missing, 'no such file'],
      ['ftp://example.org/feed.xml', 'only http: and https: URLs are fetched, not ftp:'],
      [`${base}/data.bin`, 'not a feed or article page (content-type application/octet-stream)'],
    ],
  );
  assert.equal(items[0]!.article!.source, 'Wire digest');
  assert.equal(items[2]!.article!.url, `${base}/news/harbour`);
  assert.equal(await countSources([feedFile, missing]), 3);
  assert.equal(await countSources([feedFile, `${base}/rss.xml`]), undefined);
});

test('feed titles typed html lose their tags and have their entities decoded once', async () => {
  const { parseFeed } = await import('../src/corpus/feed.js');
  const feed = parseFeed(`<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast &amp;amp; harbour</title>
  <entry><title type="html">Pier repairs &lt;b&gt;delayed&lt;/b&gt; &amp;#8211; operator&amp;rsquo;s estimate &amp;amp; costs</title><link href="https://example.org/pier"/></entry>
</feed>`);
  assert.equal(feed?.title, 'Coast & harbour');
  assert.equal(feed?.items[0]?.title, 'Pier repairs delayed – operator’s estimate & costs');
});
