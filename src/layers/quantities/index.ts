import type { Annotator } from '../../pipeline.js';

// Placeholder until the quantities layer lands.
export function createQuantitiesAnnotator(): Annotator {
  return { name: 'quantities', requires: ['times'], annotate() {} };
}
