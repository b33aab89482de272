import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Article } from '../article/article.js';
import { readHtml } from '../article/html.js';
import { parseFeed, type Feed, type FeedItem } from './feed.js';
import { ACCEPT_ANY, ACCEPT_PAGE, bodyText, type HttpResponse } from './fetch.js';
import { reasonOf, type SourceContext, type SourceItem } from './item.js';
import type { Outcome } from './ordered.js';
import { contentKind, isFeedRoot, rootElement } from './sniff.js';

/** An http(s) URL given as a source: a feed (by Content-Type or root element) or an article page. */
export async function urlOutcome(url: string, ctx: SourceContext): Promise<Outcome<SourceItem>> {
  const response = await ctx.http.get(url, ACCEPT_ANY);
  const text = bodyText(response);
  const kind = contentKind(response.contentType);
  const root = rootElement(text);
  if (kind === 'feed' || isFeedRoot(root)) return feedOutcome(text, url, response.url, ctx);
  if (kind === 'html' || root === 'html') return { items: [{ origin: url, article: pageArticle(text, url, {}) }] };
  throw new Error(`not a feed or article page (content-type ${describeType(response.contentType)})`);
}

/**
 * A feed's items, each followed to its page. `baseUrl` resolves relative links (null for a
 * feed read from a file, whose links must then be absolute).
 */
export function feedOutcome(xml: string, origin: string, baseUrl: string | null, ctx: SourceContext): Outcome<SourceItem> {
  const feed = parseFeed(xml);
  if (!feed) throw new Error('not a feed or article page');
  return { tasks: feed.items.map((item, index) => () => feedItem(feed, item, index, origin, baseUrl, ctx).then((one) => ({ items: [one] }))) };
}

/**
 * The page an item links to, read like any article page; the item lends its title and date
 * when the page has none. When the page cannot be had and the feed carries the full content,
 * that content is used instead, with a warning: the text is the publisher's either way.
 */
async function feedItem(feed: Feed, item: FeedItem, index: number, feedOrigin: string, baseUrl: string | null, ctx: SourceContext): Promise<SourceItem> {
  const link = httpLink(item.link, baseUrl);
  const origin = `${feedOrigin} > ${link ?? item.link ?? `item ${index + 1}`}`;
  const lend = { title: item.title, published: item.published, source: feed.title };
  let reason: string;
  try {
    if (!link) throw new Error(item.link ? 'item link is not an absolute http(s) URL' : 'item has no link');
    const response = await ctx.http.get(link, ACCEPT_PAGE);
    return { origin, article: pageArticle(pageHtml(response), link, lend) };
  } catch (e) {
    reason = reasonOf(e);
  }
  try {
    const fallback = item.content ? contentArticle(item.content, link, `${idFromOrigin(feedOrigin)}-${index + 1}`, lend) : null;
    if (fallback) return { origin, article: fallback, warning: `${reason}; used the content the feed carries` };
  } catch {
    // the feed's content is unreadable too: the page's failure is the one to report
  }
  return { origin, error: reason };
}

interface Lent {
  title?: string | null;
  published?: string | null;
  source?: string | null;
}

function pageArticle(html: string, url: string, lend: Lent): Article {
  const page = readHtml(html);
  if (!page.text.trim()) throw new Error('no article text on the page');
  return {
    id: idFromUrl(url),
    url,
    source: lend.source ?? page.source ?? hostOf(url),
    published: page.published ?? lend.published ?? null,
    title: page.title ?? lend.title ?? null,
    text: page.text,
  };
}

function contentArticle(content: string, url: string | null, fallbackId: string, lend: Lent): Article | null {
  const page = readHtml(`<!doctype html><html><body><article>${content}</article></body></html>`);
  if (!page.text.trim()) return null;
  return {
    id: url ? idFromUrl(url) : fallbackId,
    url,
    source: lend.source ?? (url ? hostOf(url) : null),
    published: lend.published ?? page.published,
    title: lend.title ?? page.title,
    text: page.text,
  };
}

/** An item's page must be HTML; a server that names no type is believed when the body says <html>. */
function pageHtml(response: HttpResponse): string {
  const kind = contentKind(response.contentType);
  const text = bodyText(response);
  if (kind === 'html' || ((kind === 'unknown' || kind === 'xml') && rootElement(text) === 'html')) return text;
  throw new Error(`not an article page (content-type ${describeType(response.contentType)})`);
}

function httpLink(link: string | null, baseUrl: string | null): string | null {
  if (!link) return null;
  try {
    const url = baseUrl ? new URL(link, baseUrl) : new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A readable id that stays the same for the same URL: host and path as a slug, plus a short
 * hash of the whole URL so that URLs differing only in query or punctuation stay apart.
 */
export function idFromUrl(url: string): string {
  let slug = url;
  try {
    const u = new URL(url);
    slug = u.hostname.replace(/^www\./, '') + u.pathname;
  } catch {
    // not a URL after all: the slug of the string itself
  }
  slug = slug.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 80).replace(/-+$/, '');
  return `${slug}-${createHash('sha1').update(url).digest('hex').slice(0, 8)}`;
}

function idFromOrigin(origin: string): string {
  return /^https?:\/\//i.test(origin) ? idFromUrl(origin) : path.basename(origin).replace(/\.[^.]+$/, '');
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

const describeType = (contentType: string) => contentType.split(';')[0]!.trim() || 'none';
