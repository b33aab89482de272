import type { Command } from 'commander';
import { evaluate, formatByArticle, formatFigures, formatJson, GoldError } from '../eval/index.js';
import { describeError } from './io.js';

interface EvalFlags {
  corpus?: string;
  gold?: string;
  pred?: string;
  json?: boolean;
  byArticle?: boolean;
}

const HELP_AFTER = `
Measure sitrep on articles of your own region:
  1. put the articles in a folder, one <id>.json each: {"id", "published", "title", "text"}
  2. write one gold file per article in another folder, e.g. my-gold/<id>.json:
       { "article": "<id>", "layers": ["times", "actors"],
         "times": [ { "text": "Friday", "nth": 1, "type": "DATE", "value": "2024-09-27" } ],
         "actors": ["IRQGOV", "ISIS"] }
     spans are named by their words ("nth": which occurrence, 1 by default); only the
     layers listed are scored (times, quantities, places, actors, quotes, events)
  3. sitrep eval --corpus my-articles --gold my-gold --by-article

The figures (times_span_f1 ... events_fatalities_acc) are micro-averaged over all articles
by the scoring rules of the extraction spec (§4), equal to the reference scorer's. A broken
gold file (bad JSON, a wrong field, a snippet that is not in its article, an article missing
from the corpus) stops with one line naming it and exit code 2: fix it and run again.`;

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score sitrep (or ready predictions) against hand-made gold annotations')
    .requiredOption('--corpus <dir>', 'folder of article JSON files named <article id>.json')
    .requiredOption('--gold <dir>', 'folder of gold files (<article id>.json); every *.json in it is scored')
    .option('--pred <dir>', 'score these predictions (<article id>.json, as "extract --out" writes them) instead of running sitrep')
    .option('--json', 'print one JSON object (figures, problem_list, and the findings with --by-article)')
    .option('--by-article', 'for each article and layer: misses, false alarms and wrong fields, then the figures')
    .addHelpText('after', HELP_AFTER)
    .action((flags: EvalFlags) => {
      process.exitCode = runEval(flags);
    });
}

function runEval(flags: EvalFlags): number {
  try {
    const result = evaluate({ corpusDir: flags.corpus!, goldDir: flags.gold!, ...(flags.pred !== undefined ? { predDir: flags.pred } : {}) });
    if (flags.json) process.stdout.write(formatJson(result, flags.byArticle === true));
    else process.stdout.write((flags.byArticle ? formatByArticle(result) + '\n' : '') + formatFigures(result));
    return 0;
  } catch (e) {
    if (e instanceof GoldError) {
      console.error(`sitrep: ${e.message}`);
      return 2;
    }
    console.error(`sitrep: ${describeError(e)}`);
    return 1;
  }
}
