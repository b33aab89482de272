// Measuring sitrep (or any system writing the extraction contract) against gold files: spec §3-4.
export { evaluate, type EvalOptions, type EvalResult, type ArticleResult } from './evaluate.js';
export { GoldError, loadGoldFolder, loadGoldFile, type GoldArticle } from './gold.js';
export { formatFigures, formatJson, formatByArticle } from './format.js';
export type { Figures } from './metrics.js';
export type { Finding, WrongField, LayerFindings } from './findings.js';
