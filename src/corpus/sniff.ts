/** How much of a document is looked at to find its root element. */
export const SNIFF_CHARS = 8192;

const NAME = /<([A-Za-z_][\w:.-]*)/y;

/**
 * The name of the first element of an XML or HTML document, lower-cased ("rss", "feed",
 * "rdf:rdf", "html"), skipping the XML declaration, processing instructions, comments and a
 * doctype; null when the text does not open with markup.
 */
export function rootElement(text: string): string | null {
  const end = Math.min(text.length, SNIFF_CHARS);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < end) {
    const c = text[i]!;
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
      continue;
    }
    if (c !== '<') return null;
    let next: number;
    if (text.startsWith('<?', i)) next = after(text, '?>', i);
    else if (text.startsWith('<!--', i)) next = after(text, '-->', i);
    else if (text.startsWith('<!', i)) {
      // A doctype may carry an internal subset in brackets, with '>' inside it.
      const close = text.indexOf('>', i);
      const open = text.indexOf('[', i);
      next = open >= 0 && (close < 0 || open < close) ? after(text, '>', text.indexOf(']', open)) : close < 0 ? -1 : close + 1;
    } else {
      NAME.lastIndex = i;
      const m = NAME.exec(text);
      return m ? m[1]!.toLowerCase() : null;
    }
    if (next < 0) return null;
    i = next;
  }
  return null;
}

function after(text: string, token: string, from: number): number {
  if (from < 0) return -1;
  const at = text.indexOf(token, from);
  return at < 0 ? -1 : at + token.length;
}

/** RSS 2.0 (<rss>), Atom (<feed>) and RSS 1.0 (<rdf:RDF>), with or without a namespace prefix. */
export function isFeedRoot(root: string | null): boolean {
  if (!root) return false;
  const local = root.slice(root.lastIndexOf(':') + 1);
  return local === 'rss' || local === 'feed' || local === 'rdf';
}

export type ContentKind = 'feed' | 'html' | 'xml' | 'unknown' | 'other';

/** What a Content-Type promises; 'xml' and 'unknown' are decided by the body's root element. */
export function contentKind(contentType: string): ContentKind {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === '' || type === 'application/octet-stream') return 'unknown';
  if (type === 'application/rss+xml' || type === 'application/atom+xml' || type === 'application/rdf+xml') return 'feed';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
  return 'other';
}
