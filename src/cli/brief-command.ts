import type { Command } from 'commander';
import { BriefError, buildBrief, parseBriefOptions, renderHtml, renderMarkdown } from '../brief/index.js';
import { StoreError, storePath } from '../corpus/store.js';
import { openStoreForCommand } from './open-store.js';
import { describeError } from './io.js';

interface BriefFlags {
  about?: string;
  from?: string;
  to?: string;
  asOf?: string;
  format?: string;
  db?: string;
}

export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description('situation report over the store: summary, timeline, commitments and deadlines, force posture, quotes, contradictions; every line cites its sentences')
    .option('--about <name>', 'an actor (name, alias, surname or CAMEO code) or a place (name or ISO3 country)')
    .option('--from <date>', 'first day of the window (YYYY-MM-DD)')
    .option('--to <date>', 'last day of the window (YYYY-MM-DD)')
    .option('--as-of <date>', 'the day the report is written: later articles are not read, deadlines are judged on it (default today)')
    .option('--format <format>', 'md or html', 'md')
    .option('--db <file>', 'the store (default $SITREP_DB or ./sitrep.db)')
    .action((flags: BriefFlags) => {
      process.exitCode = runBrief(flags);
    });
}

function runBrief(flags: BriefFlags): number {
  if (flags.format !== 'md' && flags.format !== 'html') {
    console.error(`sitrep: --format must be md or html, not "${flags.format}"`);
    return 2;
  }
  let options;
  try {
    options = parseBriefOptions({ about: flags.about, from: flags.from, to: flags.to, asOf: flags.asOf });
  } catch (e) {
    console.error(`sitrep: ${describeError(e)}`);
    return 2;
  }
  const db = openStoreForCommand(storePath(flags.db), { readonly: true });
  if (!db) return 2;
  try {
    const brief = buildBrief(db, options);
    process.stdout.write(flags.format === 'html' ? renderHtml(brief) : renderMarkdown(brief));
    return 0;
  } catch (e) {
    console.error(`sitrep: ${describeError(e)}`);
    return e instanceof BriefError || e instanceof StoreError ? 2 : 1;
  } finally {
    db.close();
  }
}
