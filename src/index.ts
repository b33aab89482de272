// The library entry point: everything the CLI does is reachable from here.
export { extract, createPipeline, type PipelineOptions } from './extract.js';
export { Pipeline, type Annotator } from './pipeline.js';
export { Doc, type Sentence } from './doc/document.js';
export type { Token } from './doc/tokens.js';
export type { Span, Offsets } from './doc/span.js';
export type * from './doc/layers.js';
export { type Article, articleSchema, normalizePublished, isRealDate } from './article/article.js';
export { readArticleFile, parseArticle, MAX_INPUT_BYTES, type ReadOptions } from './article/read.js';
export { readHtml } from './article/html.js';
export { InputError } from './article/errors.js';
export { toExtraction, SCHEMA, type Extraction } from './output/json.js';
export { formatReport } from './output/report.js';
