import type { LayerName } from '../doc/layers.js';
import { createPipeline } from '../extract.js';
import type { Pipeline } from '../pipeline.js';
import type { LayerFindings } from './findings.js';
import { loadGoldFolder, type GoldArticle } from './gold.js';
import { figuresOf, newTally, type Figures, type Tally } from './metrics.js';
import { extractForGold, readPrediction, type SystemOutput } from './system.js';
import { scoreTimes } from './layers/times.js';
import { scoreQuantities } from './layers/quantities.js';
import { scorePlaces } from './layers/places.js';
import { scoreActors } from './layers/actors.js';
import { scoreQuotes } from './layers/quotes.js';
import { scoreEvents } from './layers/events.js';

export interface EvalOptions {
  /** Folder of article JSON files named <article id>.json. */
  corpusDir: string;
  /** Folder of gold files (spec §3). */
  goldDir: string;
  /** Folder of ready predictions (<article id>.json); without it sitrep extracts the articles itself. */
  predDir?: string;
  /** The pipeline to measure; the default one when absent. */
  pipeline?: Pipeline;
}

export interface ArticleResult {
  article: string;
  goldFile: string;
  problems: string[];
  /** The annotated layers of this article, in contract order. */
  layers: LayerFindings[];
}

export interface EvalResult {
  figures: Figures;
  problems: string[];
  articles: ArticleResult[];
}

type LayerScorer = (gold: GoldArticle, system: SystemOutput, tally: Tally) => LayerFindings;

const SCORERS: readonly [LayerName, LayerScorer][] = [
  ['times', scoreTimes],
  ['quantities', scoreQuantities],
  ['places', scorePlaces],
  ['actors', scoreActors],
  ['quotes', scoreQuotes],
  ['events', scoreEvents],
];

/**
 * Scores a system against a gold folder by the rules of spec §4, micro-averaged over all
 * articles. Throws GoldError, before scoring anything, when a gold file is broken.
 */
export function evaluate(options: EvalOptions): EvalResult {
  const golds = loadGoldFolder(options.goldDir, options.corpusDir);
  const pipeline = options.predDir === undefined ? (options.pipeline ?? createPipeline()) : undefined;
  const tally = newTally();
  const articles = golds.map((gold): ArticleResult => {
    const { output, problems } = pipeline ? extractForGold(pipeline, gold) : readPrediction(options.predDir!, gold);
    const layers = SCORERS.filter(([layer]) => gold.layers.has(layer)).map(([, score]) => score(gold, output, tally));
    return { article: gold.article, goldFile: gold.file, problems, layers };
  });
  const problems = articles.flatMap((a) => a.problems);
  return { figures: figuresOf(tally, problems.length), problems, articles };
}
