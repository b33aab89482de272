import type { Doc } from '../../doc/document.js';
import type { Annotator } from '../../pipeline.js';
import { buildRules } from './grammar/index.js';
import { shippedLexicon, type TimesLexicon } from './lexicon.js';
import { resolveAll } from './resolve-document.js';
import { Scanner } from './scanner.js';
import { compileTenseCues } from './tense.js';

/**
 * The times layer (spec §2 Times): every TIMEX3 DATE, TIME, DURATION and SET in the text with
 * its TimeML value, resolved against the publication date (the DCT). Without a DCT, relative
 * expressions are still found, with value null.
 *
 * A grammar of patterns with normalization functions (grammar/) is scanned over each
 * sentence (scanner.ts); values are then computed in text order (resolve-document.ts), so
 * that anaphoric expressions ("that day", "the previous year") point back to the last date,
 * and parts of the day or clock times take the date their sentence names.
 * Records carry `anchor` (the tense that placed a calendar name) and `bound` ("by", "until",
 * "since", "from" just before the span) for the events layer.
 */
export function createTimesAnnotator(lex: TimesLexicon = shippedLexicon()): Annotator {
  const scanner = new Scanner(buildRules(lex), lex);
  const cues = compileTenseCues(lex.knowledge.tense);
  return {
    name: 'times',
    requires: [],
    annotate(doc: Doc) {
      doc.layers.times = resolveAll(doc, scanner.scan(doc), scanner, cues, lex);
    },
  };
}
