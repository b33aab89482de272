import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import { isRealDate, normalizePublished } from '../article/article.js';

export interface FeedItem {
  title: string | null;
  /** The item's page as written in the feed (may be relative, or not http at all). */
  link: string | null;
  /** The item's date as YYYY-MM-DD (pubDate, dc:date, published or updated). */
  published: string | null;
  /** Full content carried by the feed itself (content:encoded, Atom <content>), as HTML. */
  content: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

// Prefixes are dropped so content:encoded, dc:date and rdf:RDF read as encoded, date and RDF,
// whatever prefix a feed binds to their namespaces.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  htmlEntities: true,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * Reads RSS 2.0, RSS 1.0 (RDF) and Atom. Returns null when the document is not a feed;
 * throws when it is not XML at all.
 */
export function parseFeed(xml: string): Feed | null {
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    throw new Error(`malformed feed XML (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
  }
  const rss = asNode(doc['rss']);
  if (rss) {
    const channel = asNode(rss['channel']);
    return { title: plain(channel?.['title']), items: nodes(channel?.['item']).map(rssItem) };
  }
  const rdf = asNode(doc['RDF']);
  if (rdf) return { title: plain(asNode(rdf['channel'])?.['title']), items: nodes(rdf['item']).map(rssItem) };
  const atom = asNode(doc['feed']);
  if (atom) return { title: plain(atom['title']), items: nodes(atom['entry']).map(atomEntry) };
  return null;
}

function rssItem(item: Node): FeedItem {
  return {
    title: plain(item['title']),
    link: rssLink(item),
    published: feedDate(text(item['pubDate']) ?? text(item['date']) ?? text(item['published']) ?? text(item['updated'])),
    content: text(item['encoded']),
  };
}

function rssLink(item: Node): string | null {
  for (const link of asArray(item['link'])) {
    // An atom:link inside an RSS item carries its URL in href.
    const href = typeof link === 'string' ? link.trim() : text(asNode(link)?.['@_href']);
    if (href) return href;
  }
  const guid = item['guid'];
  const permaLink = asNode(guid)?.['@_isPermaLink'];
  const id = text(guid);
  return id && permaLink !== 'false' && /^https?:\/\//i.test(id) ? id : null;
}

function atomEntry(entry: Node): FeedItem {
  return {
    title: plain(entry['title']),
    link: atomLink(entry),
    published: feedDate(text(entry['published']) ?? text(entry['updated'])),
    content: atomContent(entry['content']),
  };
}

/** The "alternate" link (rel absent means alternate), an HTML one first. */
function atomLink(entry: Node): string | null {
  const links = asArray(entry['link']).map(asNode).filter((l): l is Node => l !== null);
  const alternates = links.filter((l) => (text(l['@_rel']) ?? 'alternate') === 'alternate');
  const best = alternates.find((l) => /html/i.test(text(l['@_type']) ?? 'html')) ?? alternates[0];
  return best ? text(best['@_href']) : null;
}

function atomContent(value: unknown): string | null {
  const node = asNode(value);
  if (node?.['@_src'] !== undefined) return null; // content kept elsewhere, not in the feed
  const type = (text(node?.['@_type']) ?? 'text').toLowerCase();
  const body = typeof value === 'string' ? value : typeof node?.['#text'] === 'string' ? node['#text'] : null;
  if (!body?.trim()) return null; // xhtml arrives as parsed elements; it is not worth rebuilding
  return type === 'text' ? `<p>${escapeHtml(body)}</p>` : body;
}

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };
const RFC822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/i;

/**
 * RSS dates are RFC 822 ("Tue, 04 Jun 2024 23:30:00 -0500"): the day is read as the publisher
 * wrote it, not shifted to UTC, like the date part of an ISO timestamp.
 */
export function feedDate(raw: string | null): string | null {
  if (!raw) return null;
  const m = RFC822.exec(raw.trim());
  if (m) {
    const year = m[3]!.length === 2 ? String(2000 + Number(m[3])) : m[3]!;
    const month = MONTHS[m[2]!.toLowerCase()];
    const date = `${year}-${month}-${m[1]!.padStart(2, '0')}`;
    if (month && isRealDate(date)) return date;
  }
  return normalizePublished(raw);
}

function asNode(value: unknown): Node | null {
  if (Array.isArray(value)) return asNode(value[0]);
  return value !== null && typeof value === 'object' ? (value as Node) : null;
}

function asArray(value: unknown): unknown[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

function nodes(value: unknown): Node[] {
  return asArray(value).map(asNode).filter((n): n is Node => n !== null);
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const node = asNode(value);
  return node && '#text' in node ? text(node['#text']) : null;
}

/** Titles may be typed html: tags dropped, the entities that survive parsing decoded. */
function plain(value: unknown): string | null {
  const raw = text(value);
  if (raw === null) return null;
  const stripped = raw.includes('<') || raw.includes('&') ? decodeHTML(raw.replace(/<[^>]*>/g, ' ')) : raw;
  return stripped.replace(/\s+/g, ' ').trim() || null;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
