import { Command, CommanderError } from 'commander';
import { registerExtract } from './extract-command.js';
import { registerEval } from './eval-command.js';
import { registerIngest } from './ingest-command.js';
import { registerQueries } from './query-commands.js';
import { registerExport } from './export-command.js';
import { registerServe } from './serve-command.js';
import { registerBrief } from './brief-command.js';
import { describeError } from './io.js';
import { VERSION } from '../version.js';

const program = new Command();
program
  .name('sitrep')
  .description('Turns news reports into a sourced, structured picture of a security situation.')
  .version(VERSION)
  .showHelpAfterError('(run "sitrep --help" for usage)')
  .exitOverride();

registerExtract(program);
registerEval(program);
registerIngest(program);
registerQueries(program);
registerExport(program);
registerServe(program);
registerBrief(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    console.error(`sitrep: ${describeError(e)}`);
    process.exitCode = 1;
  }
}
