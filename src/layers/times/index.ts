import type { Annotator } from '../../pipeline.js';

// Placeholder until the times layer lands.
export function createTimesAnnotator(): Annotator {
  return { name: 'times', requires: [], annotate() {} };
}
