import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readArticleFile } from '../article/read.js';
import type { Pipeline } from '../pipeline.js';
import { toExtraction } from '../output/json.js';
import type { GoldArticle } from './gold.js';

/**
 * A system's output for one article as the scorer sees it: parsed JSON that may come from
 * any program, so every record is read defensively (a missing field is a wrong answer, not a crash).
 */
export type SystemRecord = Readonly<Record<string, unknown>>;

export interface SystemOutput {
  text: unknown;
  times: SystemRecord[];
  quantities: SystemRecord[];
  places: SystemRecord[];
  actors: SystemRecord[];
  quotes: SystemRecord[];
  events: SystemRecord[];
  /** Later records with the same id win, as a JSON reader building a lookup would have it. */
  actorsById: ReadonlyMap<unknown, SystemRecord>;
  placesById: ReadonlyMap<unknown, SystemRecord>;
}

const isRecord = (x: unknown): x is SystemRecord => x !== null && typeof x === 'object' && !Array.isArray(x);
const records = (x: unknown): SystemRecord[] => (Array.isArray(x) ? x.filter(isRecord) : []);

export function systemOutputOf(data: unknown): SystemOutput {
  const o: SystemRecord = isRecord(data) ? data : {};
  const actors = records(o.actors);
  const places = records(o.places);
  return {
    text: o.text,
    times: records(o.times),
    quantities: records(o.quantities),
    places,
    actors,
    quotes: records(o.quotes),
    events: records(o.events),
    actorsById: new Map(actors.map((a) => [a.id, a])),
    placesById: new Map(places.map((p) => [p.id, p])),
  };
}

export interface SystemRead {
  output: SystemOutput;
  problems: string[];
}

/** Reads `<predDir>/<article>.json` as `sitrep extract --out` writes it. */
export function readPrediction(predDir: string, gold: GoldArticle): SystemRead {
  const file = path.join(predDir, `${gold.article}.json`);
  const problems: string[] = [];
  // A missing file is reported, then its failed read too: two lines, as the reference scorer counts them.
  if (!existsSync(file)) problems.push(`${gold.article}: no prediction`);
  let data: unknown = {};
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${gold.article}: unreadable prediction (${(e as Error).message})`);
  }
  if (!isRecord(data)) {
    problems.push(`${gold.article}: unreadable prediction (not a JSON object)`);
    data = {};
  }
  const output = systemOutputOf(data);
  return { output, problems: [...problems, ...checkOutput(gold, output)] };
}

/** Runs the pipeline on the corpus article, through the same JSON a prediction file would hold. */
export function extractForGold(pipeline: Pipeline, gold: GoldArticle): SystemRead {
  let data: unknown;
  try {
    data = JSON.parse(JSON.stringify(toExtraction(pipeline.run(readArticleFile(gold.corpusFile)))));
  } catch (e) {
    return { output: systemOutputOf({}), problems: [`${gold.article}: extraction failed (${(e as Error).message.split('\n')[0]})`] };
  }
  const output = systemOutputOf(data);
  return { output, problems: checkOutput(gold, output) };
}

/** Output that does not index the article text would be scored against the wrong words: say so. */
function checkOutput(gold: GoldArticle, output: SystemOutput): string[] {
  const problems: string[] = [];
  if (output.text !== undefined && output.text !== gold.text) problems.push(`${gold.article}: output text differs from article text`);
  const spans: [string, SystemRecord[], (r: SystemRecord) => unknown][] = [
    ['times', output.times, (r) => r],
    ['quantities', output.quantities, (r) => r],
    ['quotes', output.quotes, (r) => r],
    ['events', output.events, (r) => r.trigger],
  ];
  for (const [layer, items, spanOf] of spans) {
    for (const item of items) {
      const span = spanOf(item);
      if (!isRecord(span) || typeof span.start !== 'number' || span.text === undefined) continue;
      const end = typeof span.end === 'number' ? span.end : undefined;
      if (gold.text.slice(span.start, end) !== span.text) problems.push(`${gold.article}: ${layer} span text mismatch at ${span.start}`);
    }
  }
  return problems;
}
