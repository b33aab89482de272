import type { Annotator } from '../../pipeline.js';
import { findPlaces, type PlacesResources } from './find-places.js';
import { headPhrases } from './find-sites.js';
import { placesLexicon } from './lexicon.js';
import { loadGazetteer } from './load-gazetteer.js';
import { NameMemo } from './name-memo.js';
import { wordClasses } from './word-classes.js';

export { loadGazetteer } from './load-gazetteer.js';

/**
 * The places layer (spec §2 Places): every toponym used as a noun, resolved to a country,
 * first-level division, city, supranational region or named site, one record per place.
 * The gazetteer (138k cities) is loaded on the first document, once per process.
 */
export function createPlacesAnnotator(): Annotator {
  let resources: PlacesResources | undefined;
  return {
    name: 'places',
    requires: [],
    annotate(doc) {
      if (!resources) {
        const lex = placesLexicon();
        const g = loadGazetteer();
        const heads = headPhrases(lex);
        const classes = wordClasses(g.gazetteer, lex, heads);
        resources = { gazetteer: g.gazetteer, names: new NameMemo(g.gazetteer, classes), codes: { byCode: g.divisionsByCode, abbreviations: g.divisionAbbreviations }, lex, heads, classes };
      }
      doc.layers.places = findPlaces(doc, resources);
    },
  };
}
