import type { Doc } from '../doc/document.js';
import type { Layers } from '../doc/layers.js';
import type { Article } from '../article/article.js';

export const SCHEMA = 'sitrep.extraction/1';

export interface Extraction extends Layers {
  schema: typeof SCHEMA;
  article: Omit<Article, 'text'>;
  text: string;
  sentences: { start: number; end: number }[];
}

/** The document as the contract of spec §2: layers not run yet are empty arrays. */
export function toExtraction(doc: Doc): Extraction {
  const { id, title, published, source, url } = doc.article;
  return {
    schema: SCHEMA,
    article: { id, title, published, source, url },
    text: doc.text,
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end })),
    ...doc.layers,
  };
}
