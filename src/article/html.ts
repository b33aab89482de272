import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normalizePublished } from './article.js';

export interface HtmlPage {
  title: string | null;
  text: string;
  published: string | null;
  url: string | null;
  source: string | null;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt';

/**
 * Reads an article page: Readability picks the main content (no navigation, ads or
 * footers); paragraphs become lines separated by a blank line, so sentence splitting sees
 * paragraph breaks. Metadata comes from <meta>, JSON-LD and <time>, before Readability
 * rewrites the document.
 */
export function readHtml(html: string): HtmlPage {
  const { document } = parseHTML(html);
  const meta = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const jsonLd = readJsonLd(document as unknown as Document);
  const publishedRaw =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="article:published_time"]') ??
    jsonLd.datePublished ??
    meta('meta[itemprop="datePublished"]') ??
    meta('meta[name="date"]') ??
    meta('meta[name="pubdate"]') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta('meta[property="og:url"]');
  const source = meta('meta[property="og:site_name"]') ?? jsonLd.publisher;
  const headTitle = meta('meta[property="og:title"]') ?? jsonLd.headline ?? (document.querySelector('title')?.textContent?.trim() || null);

  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  let text = '';
  if (article?.content) {
    const { document: body } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    text = blockText(body.body as unknown as Element);
  }
  if (!text) {
    const { document: fallback } = parseHTML(html);
    for (const el of fallback.querySelectorAll('script, style, nav, header, footer, aside, noscript, form')) el.remove();
    text = blockText(fallback.body as unknown as Element);
  }
  const title = article?.title?.trim() || headTitle;
  if (title) text = dropLeadingTitle(text, title);
  return { title, text, published: normalizePublished(publishedRaw), url: url ?? null, source: source ?? null };
}

/** The page's own headline often opens the content; the title is kept apart, as in article JSON. */
function dropLeadingTitle(text: string, title: string): string {
  const firstBreak = text.indexOf('\n\n');
  const first = firstBreak < 0 ? text : text.slice(0, firstBreak);
  return first.trim() === title.trim() && firstBreak > 0 ? text.slice(firstBreak + 2) : text;
}

function blockText(root: Element | null): string {
  if (!root) return '';
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const parts = (blocks.length ? blocks : [root]).map((el) => clean(el.textContent ?? '')).filter(Boolean);
  return parts.join('\n\n');
}

const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

function readJsonLd(document: Document): { datePublished: string | null; headline: string | null; publisher: string | null } {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = Array.isArray(data) ? data : [data, ...(((data as { '@graph'?: unknown[] })?.['@graph']) ?? [])];
    for (const item of items) {
      if (item && typeof item === 'object' && 'datePublished' in item) {
        const o = item as { datePublished?: unknown; headline?: unknown; publisher?: { name?: unknown } };
        return {
          datePublished: typeof o.datePublished === 'string' ? o.datePublished : null,
          headline: typeof o.headline === 'string' ? o.headline : null,
          publisher: typeof o.publisher?.name === 'string' ? o.publisher.name : null,
        };
      }
    }
  }
  return { datePublished: null, headline: null, publisher: null };
}
