import type { Article } from './article/article.js';
import { Pipeline } from './pipeline.js';
import { createTimesAnnotator } from './layers/times/index.js';
import { createQuantitiesAnnotator } from './layers/quantities/index.js';
import { createPlacesAnnotator } from './layers/places/index.js';
import { createActorsAnnotator } from './layers/actors/index.js';
import { createQuotesAnnotator } from './layers/quotes/index.js';
import { createEventsAnnotator } from './layers/events/index.js';
import { toExtraction, type Extraction } from './output/json.js';

export interface PipelineOptions {
  /** Leave layers out (their arrays stay empty); later layers that need them must go too. */
  skip?: readonly string[];
  /** User actor lexicon files (format of knowledge/actors/*.json), read after the shipped ones. */
  lexicons?: string[];
  /** User event trigger files (format of knowledge/events/triggers.json), tried before the shipped lexicon. */
  eventLexicons?: string[];
}

/** The default pipeline: every layer sitrep has, in dependency order. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const all = [createTimesAnnotator(), createQuantitiesAnnotator(), createPlacesAnnotator(), createActorsAnnotator({ lexicons: options.lexicons ?? [] }), createQuotesAnnotator(), createEventsAnnotator({ lexicons: options.eventLexicons ?? [] })];
  return new Pipeline(all.filter((a) => !options.skip?.includes(a.name)));
}

let shared: Pipeline | undefined;

/** Extracts one article with the default pipeline (built once, reused). */
export function extract(article: Article): Extraction {
  shared ??= createPipeline();
  return toExtraction(shared.run(article));
}
