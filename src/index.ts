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
export { createTimesAnnotator } from './layers/times/index.js';
export { createQuantitiesAnnotator } from './layers/quantities/index.js';
export { createPlacesAnnotator } from './layers/places/index.js';
export { createActorsAnnotator, LexiconError } from './layers/actors/index.js';
export { createQuotesAnnotator } from './layers/quotes/index.js';
export { createEventsAnnotator, EventLexiconError, PLOVER_TYPES } from './layers/events/index.js';
export { evaluate, loadGoldFolder, GoldError, formatFigures, formatByArticle, type EvalOptions, type EvalResult, type Figures } from './eval/index.js';
export { ExtractPool } from './parallel/extract-pool.js';

// The corpus: store, ingest, queries, export, and the situation brief over it. The HTTP server
// is a subpath of its own (`sitrep/server`), so that importing the extraction core never loads
// the HTTP framework.
export { openStore, storePath, StoreError, DEFAULT_DB } from './corpus/store.js';
export { ingest, type IngestOptions, type IngestSummary, type IngestProgress } from './corpus/ingest.js';
export { readSources, countSources, type SourceItem, type SourceOptions } from './corpus/sources.js';
export { CorpusWriter, type SaveResult, type SaveStatus } from './corpus/writer.js';
export {
  queryEvents, countEvents, getEvent, listActors, getActor, listPlaces, listArticles, getArticle,
  parseEventFilter, eventFilterSchema, QueryError,
  type EventFilter, type EventCriteria, type EntityRef, type PlaceRef, type EventRow,
  type Mention as EventMention, type ActorSummary, type PlaceSummary, type ArticleSummary, type ArticleDetail, type ListOptions,
} from './corpus/query.js';
export { corpusStats, actorNetwork } from './corpus/overview.js';
export { exportRows, formatExport, parseExportFilter, EXPORT_COLUMNS, type ExportRow, type ExportFormat } from './corpus/export.js';
export { buildBrief, renderMarkdown, renderHtml, parseBriefOptions, BriefError, type Brief } from './brief/index.js';
