import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { runCli } from './support/cli.js';
import { repoRoot } from './support/shared.js';

// Browser tests of the web interface: a store ingested from our fixture articles, the real
// `sitrep serve` on a free port, Debian's chromium driven by playwright-core.

const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `chromium is absent (${CHROMIUM}); .ci/run installs it with apt-get install chromium`;
const FIXTURES = path.join(repoRoot, 'test/fixtures/web');
const SHOTS = path.join(repoRoot, 'test-output/screenshots');
const WEB = path.join(repoRoot, 'web');

interface EventRow {
  id: number;
  type: string;
  statusClass: string;
  dateEnd: string | null;
  dateSource: string | null;
  place: { id: number; lat: number | null; lon: number | null } | null;
}
interface EventsPage {
  total: number;
  events: EventRow[];
}
interface EventDetail extends EventRow {
  mentions: { sentence: { text: string }; trigger: { text: string }; article: { id: number } }[];
}

/** The newest modification time under a path (file or folder). */
function newest(p: string): number {
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

/** Builds web/dist with Vite when it is missing or older than its sources. */
function ensureWebBuilt(): void {
  const index = path.join(WEB, 'dist/index.html');
  const sources = Math.max(newest(path.join(WEB, 'src')), newest(path.join(WEB, 'index.html')), newest(path.join(WEB, 'vite.config.ts')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  assert.equal(r.status, 0, `vite build failed:\n${r.stdout}\n${r.stderr}`);
}

function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`sitrep serve did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!.replace(/\/$/, '') });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sitrep serve exited with ${code}:\n${out}`));
    });
  });
}

/** Polls until the locator matches `n` elements, then returns the count seen last. */
async function countWhen(locator: Locator, n: number, timeoutMs = 8000): Promise<number> {
  const end = Date.now() + timeoutMs;
  let count = await locator.count();
  while (count !== n && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    count = await locator.count();
  }
  return count;
}

describe('web interface', { skip }, () => {
  let tmp = '';
  let server: ChildProcess | null = null;
  let base = '';
  let browser: Browser | null = null;
  const consoleErrors: string[] = [];

  const api = async <T>(p: string): Promise<T> => {
    const res = await fetch(`${base}${p}`);
    assert.equal(res.status, 200, `GET ${p}`);
    return (await res.json()) as T;
  };

  /** A fresh page whose console errors and uncaught exceptions are collected. */
  const open = async (hash: string): Promise<Page> => {
    const page = await browser!.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${hash}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${hash}: uncaught ${e.message}`));
    await page.goto(`${base}/${hash}`);
    return page;
  };

  const shot = async (page: Page, name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  };

  before(async () => {
    ensureWebBuilt();
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'sitrep-web-'));
    const db = path.join(tmp, 'web.db');
    const ingest = runCli(['ingest', FIXTURES, '--db', db, '--workers', '1']);
    assert.equal(ingest.status, 0, ingest.stderr);
    const started = await startServer(db);
    server = started.child;
    base = started.url;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('the overview shows the picture at a glance', async () => {
    const all = await api<EventsPage>('/api/events?limit=1000');
    const page = await open('#/');
    const kpi = page.locator('[data-testid=kpi-events] .value');
    await kpi.waitFor();
    assert.equal(await kpi.textContent(), String(all.total));
    assert.match((await page.locator('[data-testid=stats]').textContent()) ?? '', /5\s*articles/);
    assert.ok((await page.locator('overview-view world-map g.place-point').count()) > 0, 'the overview map has points');
    await page.locator('[data-testid=commitments]').waitFor();
    await shot(page, 'overview');
    await page.close();
  });

  test('the timeline shows every event, and a click opens it with its sentence highlighted', async () => {
    const all = await api<EventsPage>('/api/events?limit=1000');
    assert.ok(all.total >= 10, `the fixtures make at least 10 events (got ${all.total})`);
    const page = await open('#/timeline');
    const marks = page.locator('timeline-chart g.event-mark');
    assert.equal(await countWhen(marks, all.total), all.total);
    assert.equal(await page.locator('[data-testid=event-count]').textContent(), String(all.total));
    assert.equal(await page.locator('event-table tbody tr').count(), all.total);
    await shot(page, 'timeline');

    const mark = marks.first();
    const id = Number(await mark.getAttribute('data-id'));
    await mark.click();
    await page.waitForURL(new RegExp(`#/events/${id}(\\?|$)`));
    const detail = await api<EventDetail>(`/api/events/${id}`);
    const report = page.locator('event-view section.report').first();
    const sentence = report.locator('annotated-text mark.sentence');
    await sentence.first().waitFor();
    const highlighted = (await sentence.allTextContents()).join('');
    assert.equal(highlighted, detail.mentions[0]!.sentence.text);
    assert.equal((await report.locator('annotated-text mark.trigger').allTextContents()).join(''), detail.mentions[0]!.trigger.text);
    assert.equal(await page.locator('event-view section.report').count(), detail.mentions.length);
    await shot(page, 'event');

    // The keyboard opens events too.
    await page.goto(`${base}/#/timeline`);
    await countWhen(marks, all.total);
    const second = marks.nth(1);
    const secondId = await second.getAttribute('data-id');
    await second.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/events/${secondId}(\\?|$)`));
    await page.close();
  });

  test('planned events past their deadline are marked overdue as of the chosen day', async () => {
    const planned = await api<EventsPage>('/api/events?status=planned&limit=1000');
    const due = planned.events.filter((e) => e.dateSource === 'text' && e.dateEnd && e.dateEnd < '2024-06-30');
    assert.ok(due.length > 0, 'the fixtures hold a commitment with a deadline before mid-2024');
    const page = await open('#/timeline?asOf=2024-06-30');
    await page.locator('timeline-chart g.event-mark').first().waitFor();
    const overdue = page.locator('timeline-chart g.event-mark.overdue');
    assert.ok((await countWhen(overdue, due.length)) >= 1, 'an overdue commitment is marked');
    await page.goto(`${base}/#/timeline?asOf=2023-06-10`);
    assert.equal(await countWhen(overdue, 0), 0, 'nothing is overdue before the deadline');
    await page.close();
  });

  test('the map draws one point per located place, and a click selects it', async () => {
    const all = await api<EventsPage>('/api/events?limit=1000');
    const places = new Set(all.events.filter((e) => e.place && e.place.lat !== null && e.place.lon !== null).map((e) => e.place!.id));
    assert.ok(places.size >= 3);
    const page = await open('#/map');
    const points = page.locator('map-view world-map g.place-point');
    assert.equal(await countWhen(points, places.size), places.size);
    await page.locator('world-map path.land').first().waitFor();
    const first = points.first();
    const placeId = await first.getAttribute('data-place-id');
    await first.click();
    await page.waitForURL(new RegExp(`sel=${placeId}`));
    await page.locator('map-view aside ul.mini-events li').first().waitFor();
    await shot(page, 'map');
    await page.close();
  });

  test('the network draws an arrow for every link between actors', async () => {
    const net = await api<{ nodes: { id: number }[]; edges: { source: number; target: number; cooperation: number; conflict: number; events: number }[] }>('/api/network');
    const edges = net.edges.filter((e) => e.source !== e.target);
    assert.ok(edges.length >= 3);
    const parts = edges.reduce((n, e) => n + (e.cooperation > 0 ? 1 : 0) + (e.conflict > 0 ? 1 : 0) + (e.events - e.cooperation - e.conflict > 0 ? 1 : 0), 0);
    const page = await open('#/network');
    const paths = page.locator('network-graph path.edge');
    assert.equal(await countWhen(paths, parts), parts);
    for (const e of edges) {
      assert.ok((await page.locator(`network-graph path.edge[data-source="${e.source}"][data-target="${e.target}"]`).count()) >= 1, `edge ${e.source}->${e.target}`);
    }
    assert.equal(await page.locator('network-graph g.node').count(), net.nodes.length);
    assert.ok((await page.locator('network-graph path.edge.conflict').count()) > 0);
    assert.ok((await page.locator('network-graph path.edge.coop').count()) > 0);
    await shot(page, 'network');
    await page.close();
  });

  test('filters in the URL reproduce a view, and the filter bar writes them there', async () => {
    const all = await api<EventsPage>('/api/events?limit=1000');
    const assaults = await api<EventsPage>('/api/events?type=ASSAULT&limit=1000');
    assert.ok(assaults.total > 0 && assaults.total < all.total);
    const hash = '#/timeline?type=ASSAULT';
    const idsOf = async (page: Page) => (await page.locator('timeline-chart g.event-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).sort();

    const first = await open(hash);
    assert.equal(await countWhen(first.locator('timeline-chart g.event-mark'), assaults.total), assaults.total);
    assert.equal(await first.locator('filter-bar select[name=type]').inputValue(), 'ASSAULT');
    assert.deepEqual(await first.locator('timeline-chart g.lane').evaluateAll((els) => els.map((e) => e.getAttribute('data-type'))), ['ASSAULT']);
    const second = await open(hash);
    await countWhen(second.locator('timeline-chart g.event-mark'), assaults.total);
    assert.deepEqual(await idsOf(second), await idsOf(first));
    assert.deepEqual(await idsOf(first), assaults.events.map((e) => String(e.id)).sort());
    await second.close();

    // Choosing a status in the bar puts it in the URL and narrows the view.
    const reported = await api<EventsPage>('/api/events?type=ASSAULT&status=reported&limit=1000');
    await first.locator('filter-bar select[name=status]').selectOption('reported');
    await first.waitForURL(/status=reported/);
    assert.match(first.url(), /type=ASSAULT/);
    assert.equal(await countWhen(first.locator('timeline-chart g.event-mark'), reported.total), reported.total);
    await first.close();
  });

  test('an article carrying <script> and <img onerror> renders as inert text', async () => {
    const list = await api<{ articles: { id: number; title: string | null }[] }>('/api/articles?limit=100');
    const article = list.articles.find((a) => a.title?.includes('<img'));
    assert.ok(article, 'the markup fixture is stored');
    const page = await open(`#/articles/${article.id}`);
    const title = page.locator('article-view [data-testid=article-title]');
    await title.waitFor();
    assert.equal(await title.textContent(), article.title);
    const body = (await page.locator('article-view annotated-text .text').textContent()) ?? '';
    assert.ok(body.includes('<script>window.__pwned=1</script>'), 'the script tag is shown as text');
    assert.ok(body.includes('<img src=x onerror="window.__pwned=1">'), 'the img tag is shown as text');
    assert.equal(await page.locator('img').count(), 0, 'no image element was made');
    assert.equal(await page.locator('article-view script').count(), 0);
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0, 'a javascript: URL is not a link');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await shot(page, 'article');

    // The same article as a report of an event, and in the articles list.
    const events = await api<EventsPage>('/api/events?limit=1000');
    for (const e of events.events) {
      const d = await api<EventDetail>(`/api/events/${e.id}`);
      if (!d.mentions.some((m) => m.article.id === article.id)) continue;
      await page.goto(`${base}/#/events/${e.id}`);
      await page.locator('event-view section.report').first().waitFor();
      break;
    }
    await page.goto(`${base}/#/articles`);
    await page.locator(`articles-view tr[data-article-id="${article.id}"]`).waitFor();
    assert.equal(await page.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.close();
  });

  test('the brief links each citation to its article with the sentence highlighted', async () => {
    const page = await open('#/brief?asOf=2024-06-30');
    const cite = page.locator('brief-view a.cite').first();
    await cite.waitFor();
    const sentence = await cite.getAttribute('title');
    assert.ok(sentence);
    await shot(page, 'brief');
    await cite.click();
    await page.waitForURL(/#\/articles\/\d+/);
    const marks = page.locator('article-view annotated-text mark.sentence');
    await marks.first().waitFor();
    assert.equal((await marks.allTextContents()).join(''), sentence);
    await page.close();
  });

  test('no page logged an error to the console', () => {
    assert.deepEqual(consoleErrors, []);
  });
});
