import { createHash } from 'node:crypto';
import { type Article } from '../article/article.js';
import { InputError } from '../article/errors.js';
import { parseArticle, type InputFormat } from '../article/read.js';
import { HttpError } from './errors.js';

const BODY = 'the body';

/** Reads a POSTed article: article JSON, an HTML page or plain text, by its content type. */
export function articleFromBody(body: unknown, contentType: string | undefined): Article {
  if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(400, 'the body is empty: send an article as JSON ({"text": ...}) or an HTML page');
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const format: InputFormat | undefined = type.endsWith('json') ? 'json' : type === 'text/html' || type === 'application/xhtml+xml' ? 'html' : type === 'text/plain' ? 'text' : undefined;
  try {
    const article = parseArticle(body, BODY, format ? { format } : {});
    // An article without an id of its own would take the name of the input ("the body"): give it one from its text, as stdin gets.
    return article.id === BODY ? { ...article, id: `http-${createHash('sha1').update(article.text).digest('hex').slice(0, 10)}` } : article;
  } catch (e) {
    if (e instanceof InputError) throw new HttpError(400, e.message);
    throw e;
  }
}
