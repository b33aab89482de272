import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isRealDate, type Article } from '../article/article.js';
import { InputError } from '../article/errors.js';
import { MAX_INPUT_BYTES, parseArticle, readArticleFile, type InputFormat, type ReadOptions } from '../article/read.js';
import { createPipeline } from '../extract.js';
import { toExtraction } from '../output/json.js';
import { formatReport } from '../output/report.js';
import { describeError, Progress, readStdin } from './io.js';
import { MemoryKeeper } from './memory.js';

interface ExtractFlags {
  published?: string;
  title?: string;
  id?: string;
  format?: InputFormat;
  json?: boolean;
  out?: string;
  lexicon?: string[];
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract times, quantities, places, actors, quotes and events from articles')
    .argument('<files...>', 'article files: .json (article object), .txt, .html; "-" reads standard input')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for inputs that carry none')
    .option('--title <title>', 'title for plain-text inputs')
    .option('--id <id>', 'article id (only with a single input)')
    .option('--format <format>', 'read every input as json, text or html instead of guessing')
    .option('--json', 'print the extraction JSON (spec sitrep.extraction/1) instead of the report')
    .option('--out <dir>', 'write <dir>/<article id>.json for each input, one process for a whole corpus')
    .option('--lexicon <file>', 'extra actor lexicon (JSON, format of knowledge/actors/*.json); repeatable', (file: string, files: string[] = []) => [...files, file])
    .action(async (files: string[], flags: ExtractFlags) => {
      process.exitCode = await runExtract(files, flags);
    });
}

async function runExtract(files: string[], flags: ExtractFlags): Promise<number> {
  if (flags.published !== undefined && !isRealDate(flags.published)) {
    console.error(`sitrep: --published must be a date written YYYY-MM-DD, not "${flags.published}"`);
    return 2;
  }
  if (flags.format !== undefined && !['json', 'text', 'html'].includes(flags.format)) {
    console.error(`sitrep: --format must be json, text or html, not "${flags.format}"`);
    return 2;
  }
  if (flags.id !== undefined && files.length > 1) {
    console.error('sitrep: --id names one article; give a single input with it');
    return 2;
  }
  if (flags.out) {
    try {
      mkdirSync(flags.out, { recursive: true });
    } catch (e) {
      console.error(`sitrep: cannot create output folder ${flags.out}: ${describeError(e)}`);
      return 2;
    }
  }
  const options: ReadOptions = { published: flags.published ?? null, title: flags.title ?? null, id: flags.id ?? null, ...(flags.format ? { format: flags.format } : {}) };
  let pipeline: ReturnType<typeof createPipeline>;
  try {
    pipeline = createPipeline({ lexicons: flags.lexicon ?? [] });
  } catch (e) {
    console.error(`sitrep: ${describeError(e)}`);
    return 2;
  }
  const progress = new Progress('extract', files.length);
  const memory = new MemoryKeeper();
  const written = new Map<string, string>();
  let failed = 0;
  let done = 0;
  const jsonLines = files.length > 1;
  for (const file of files) {
    try {
      const article: Article = file === '-' ? parseArticle(await readStdin(MAX_INPUT_BYTES), '-', options) : readArticleFile(file, options);
      const extraction = toExtraction(pipeline.run(article));
      if (flags.out) {
        const target = path.join(flags.out, `${safeFileName(article.id)}.json`);
        const earlier = written.get(target);
        if (earlier) console.error(`sitrep: ${file}: article id "${article.id}" was also given by ${earlier}; its output replaces that one`);
        written.set(target, file);
        writeFileSync(target, JSON.stringify(extraction, null, 1) + '\n');
      } else if (flags.json) {
        process.stdout.write(jsonLines ? JSON.stringify(extraction) + '\n' : JSON.stringify(extraction, null, 2) + '\n');
      } else {
        process.stdout.write((done > 0 ? '\n' : '') + formatReport(extraction));
      }
    } catch (e) {
      failed++;
      const message = describeError(e);
      console.error(`sitrep: ${e instanceof InputError ? message : `${file}: ${message}`}`);
    }
    progress.tick(++done);
    memory.tick();
  }
  if (flags.out && files.length > 1) console.error(`sitrep: ${files.length - failed} of ${files.length} articles extracted into ${flags.out}${failed ? `, ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}

/** Ids come from the input; keep them from escaping the output folder or breaking the file system. */
function safeFileName(id: string): string {
  return id.replace(/[\/\\\0:*?"<>|]/g, '_').replace(/^\.+/, '_').slice(0, 200) || '_';
}
