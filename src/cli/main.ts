import { Command, CommanderError } from 'commander';
import { registerExtract } from './extract-command.js';
import { registerEval } from './eval-command.js';
import { describeError } from './io.js';

const program = new Command();
program
  .name('sitrep')
  .description('Turns news reports into a sourced, structured picture of a security situation.')
  .version('0.1.0')
  .showHelpAfterError('(run "sitrep --help" for usage)')
  .exitOverride();

registerExtract(program);
registerEval(program);

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
