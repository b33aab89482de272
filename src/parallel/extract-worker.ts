// A pool worker that extracts batches of articles with the default pipeline, built once per thread.
import type { Article } from '../article/article.js';
import { createPipeline } from '../extract.js';
import { toExtraction } from '../output/json.js';
import { serveTasks } from './serve.js';

const pipeline = createPipeline();

// Extractions travel back as JSON text: a string is cheaper to pass between threads than the
// object graph, and it is what the caller writes out anyway.
serveTasks((articles: Article[]) => articles.map((article) => JSON.stringify(toExtraction(pipeline.run(article)))));
