import { createLimiter } from './limit.js';
import { VERSION } from '../version.js';

export interface HttpOptions {
  timeoutMs: number;
  maxBytes: number;
  concurrency: number;
  userAgent: string;
  fetch: typeof fetch;
}

export interface HttpResponse {
  /** The URL that answered, after redirects. */
  url: string;
  contentType: string;
  body: Buffer;
}

export interface HttpClient {
  get(url: string, accept: string): Promise<HttpResponse>;
}

/** A request that failed; the message is the one-line reason ("HTTP 404", "timed out after 15 s"). */
export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

export const ACCEPT_PAGE = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1';
export const ACCEPT_ANY = 'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.9, */*;q=0.1';

/**
 * GET with a deadline that covers headers and body, a body limit enforced while the body
 * streams in (a lying or absent Content-Length cannot make us buffer more), and at most
 * `concurrency` requests open at once across every caller of this client.
 */
export function createHttpClient(options: HttpOptions): HttpClient {
  const limiter = createLimiter(options.concurrency);
  return {
    get(url: string, accept: string): Promise<HttpResponse> {
      const checked = checkHttpUrl(url);
      if (checked) return Promise.reject(new FetchError(checked));
      return limiter.run(() => getOnce(url, accept, options));
    },
  };
}

/** Why a URL cannot be fetched, or null when it is an http(s) URL. */
export function checkHttpUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : `only http: and https: URLs are fetched, not ${parsed.protocol}`;
}

async function getOnce(url: string, accept: string, options: HttpOptions): Promise<HttpResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  try {
    const response = await options.fetch(url, {
      headers: { 'user-agent': options.userAgent, accept },
      redirect: 'follow',
      signal: controller.signal,
    });
    if (!response.ok) {
      controller.abort();
      throw new FetchError(`HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) {
      controller.abort();
      throw new FetchError(`is ${formatBytes(declared)}, over the ${formatBytes(options.maxBytes)} limit`);
    }
    const body = await readLimited(response, options.maxBytes, controller);
    return { url: response.url || url, contentType: response.headers.get('content-type') ?? '', body };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if (timedOut) throw new FetchError(`timed out after ${formatSeconds(options.timeoutMs)}`);
    throw new FetchError(`request failed (${networkReason(e)})`);
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(response: Response, maxBytes: number, controller: AbortController): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      controller.abort();
      throw new FetchError(`is over the ${formatBytes(maxBytes)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** undici reports "fetch failed" and puts the useful part (ECONNREFUSED, a bad redirect) in `cause`. */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message.split('\n')[0]!;
  return e instanceof Error ? e.message.split('\n')[0]! : String(e);
}

/** The body as text in the charset the server named, UTF-8 otherwise. */
export function bodyText(response: HttpResponse): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(response.contentType)?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(response.body).replace(/^\uFEFF/, '');
}

export function formatBytes(n: number): string {
  const trim = (x: number) => x.toFixed(1).replace(/\.0$/, '');
  if (n >= 1048576) return `${trim(n / 1048576)} MB`;
  if (n >= 1024) return `${trim(n / 1024)} kB`;
  return `${n} bytes`;
}

export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

let cachedUserAgent: string | undefined;

/** "sitrep/<version> (+https://github.com/sitrep)". */
export function defaultUserAgent(): string {
  cachedUserAgent ??= `sitrep/${VERSION} (+https://github.com/sitrep)`;
  return cachedUserAgent;
}
