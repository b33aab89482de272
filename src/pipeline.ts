import type { Article } from './article/article.js';
import { Doc } from './doc/document.js';
import type { LayerName } from './doc/layers.js';

/**
 * One extraction layer. It reads the document and the layers it `requires`, and fills
 * `doc.layers[name]`. Annotators hold their knowledge (lexicons, gazetteers) themselves,
 * loaded once, so annotating many documents costs only the per-document work.
 */
export interface Annotator {
  readonly name: LayerName;
  readonly requires: readonly LayerName[];
  annotate(doc: Doc): void;
}

export class Pipeline {
  readonly annotators: readonly Annotator[];

  constructor(annotators: readonly Annotator[]) {
    const seen = new Set<LayerName>();
    for (const a of annotators) {
      const missing = a.requires.filter((r) => !seen.has(r));
      if (missing.length) throw new Error(`annotator "${a.name}" needs ${missing.join(', ')} to run before it`);
      seen.add(a.name);
    }
    this.annotators = annotators;
  }

  run(article: Article): Doc {
    const doc = new Doc(article);
    for (const a of this.annotators) {
      a.annotate(doc);
      doc.done.add(a.name);
    }
    return doc;
  }
}
