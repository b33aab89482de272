import { createHash } from 'node:crypto';

/** A hash of the article's text: what tells an unchanged article from an edited one. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * How the store identifies an article: its URL when it has one (so an edited page replaces its
 * old version), else its text (so the same text from two files is one article).
 */
export function articleKey(url: string | null | undefined, text: string): string {
  const u = url?.trim();
  if (u) return `url:${normalizeUrl(u)}`;
  return `sha256:${textHash(text)}`;
}

/** The same page under trivially different URLs: no fragment, no trailing slash, lower-case host. */
function normalizeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    const s = parsed.toString();
    return s.endsWith('/') && parsed.pathname !== '/' ? s.slice(0, -1) : s;
  } catch {
    return url;
  }
}
