import type { Annotator } from '../../pipeline.js';
import { articleContext, PublisherCache } from './article-context.js';
import { compileLexicon, type CompiledLexicon } from './compile.js';
import { loadLexicons } from './lexicon-load.js';
import { parseDocument } from './parse.js';
import { PlaceMentions } from './place-mentions.js';
import { ActorResolver } from './resolve.js';
import { TokenFacts } from './token-facts.js';

export { LexiconError } from './lexicon-load.js';

export interface ActorsOptions {
  /** User lexicon files (same format as knowledge/actors/*.json), read after the shipped ones. */
  lexicons?: readonly string[];
}

let shipped: CompiledLexicon | undefined;

/**
 * The actors layer (spec §2 Actors): every mention of a state, government, force, armed
 * group, IGO, person, civilian group or news organization, grouped into one actor per
 * article with a CAMEO-style code. The lexicon is compiled once per annotator; a bad user
 * lexicon throws a LexiconError naming the file and the field.
 */
export function createActorsAnnotator(options: ActorsOptions = {}): Annotator {
  const user = options.lexicons ?? [];
  const lex = user.length === 0 ? (shipped ??= compileLexicon(loadLexicons())) : compileLexicon(loadLexicons(user));
  // Per-token buffers reused across documents: annotate runs one document at a time.
  const scratch = new TokenFacts(lex);
  const publishers = new PublisherCache(lex);
  const placeMentions = new PlaceMentions();
  return {
    name: 'actors',
    requires: [],
    annotate(doc) {
      const parsed = parseDocument(doc, lex, scratch, placeMentions);
      // The places layer, when it ran, knows every toponym; the parser only the countries.
      const context = articleContext(doc.article.source, parsed.candidates, parsed.places, parsed.countries, lex, { places: doc.layers.places, datelineEnd: parsed.datelineEnd }, publishers);
      doc.layers.actors = new ActorResolver(lex, context, doc.text).resolve(parsed.candidates);
    },
  };
}
