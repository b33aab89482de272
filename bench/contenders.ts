import type { Article } from '../src/article/article.js';

/**
 * sitrep is measured as users run it: the compiled JavaScript in dist/ ("npm run bench" builds
 * it first), not the TypeScript sources through tsx's loader, which adds its own overhead.
 */
async function fromBuild<M>(module: string): Promise<M> {
  return (await import(new URL(`../dist/src/${module}`, import.meta.url).href)) as M;
}

/** One pass over the corpus; returns how many things it found, so no work can be skipped unseen. */
export type Pass = (articles: readonly Article[]) => number | Promise<number>;

export interface Contender {
  name: string;
  /** What it computes, for the table: read the ratio against this. */
  does: string;
  /** Least warm-up before timing; the default suits one thread (see run-one.ts). */
  warmUpMs?: number;
  /** Loads models, lexicons, threads (timed apart from the passes). */
  setup(): Promise<{ pass: Pass; close?: () => Promise<void>; breakdown?: () => Record<string, number> }>;
}

/** Kept so the serialized output is visibly used. */
export let lastOutput = '';

const refDate = (a: Article): Date | undefined => (a.published ? new Date(`${a.published}T12:00:00Z`) : undefined);

export const CONTENDERS: Record<string, Contender> = {
  idle: {
    name: 'idle',
    does: 'nothing: Node + tsx + the loaded texts (the memory floor)',
    async setup() {
      return { pass: (articles) => articles.length };
    },
  },
  sitrep: {
    name: 'sitrep',
    does: 'full extraction: createPipeline().run + toExtraction + JSON.stringify',
    async setup() {
      const { createPipeline } = await fromBuild<typeof import('../src/extract.js')>('extract.js');
      const { toExtraction } = await fromBuild<typeof import('../src/output/json.js')>('output/json.js');
      const pipeline = createPipeline();
      return {
        pass(articles) {
          let found = 0;
          for (const a of articles) {
            const x = toExtraction(pipeline.run(a));
            lastOutput = JSON.stringify(x);
            found += x.times.length + x.quantities.length + x.places.length + x.actors.length + x.quotes.length + x.events.length;
          }
          return found;
        },
      };
    },
  },
  'sitrep-layers': {
    name: 'sitrep, per stage',
    does: 'the same extraction with a clock around each stage: where the time goes',
    async setup() {
      const { createPipeline } = await fromBuild<typeof import('../src/extract.js')>('extract.js');
      const { toExtraction } = await fromBuild<typeof import('../src/output/json.js')>('output/json.js');
      const { Doc } = await fromBuild<typeof import('../src/doc/document.js')>('doc/document.js');
      const pipeline = createPipeline();
      const spent = new Map<string, number>();
      const clock = <T>(stage: string, work: () => T): T => {
        const start = performance.now();
        const result = work();
        spent.set(stage, (spent.get(stage) ?? 0) + performance.now() - start);
        return result;
      };
      return {
        pass(articles) {
          let found = 0;
          for (const a of articles) {
            // Pipeline.run, unrolled so each annotator is timed on its own.
            const doc = clock('sentences + tokens', () => new Doc(a));
            for (const annotator of pipeline.annotators) {
              clock(annotator.name, () => annotator.annotate(doc));
              doc.done.add(annotator.name);
            }
            const x = clock('toExtraction', () => toExtraction(doc));
            lastOutput = clock('JSON.stringify', () => JSON.stringify(x));
            found += x.times.length + x.quantities.length + x.places.length + x.actors.length + x.quotes.length + x.events.length;
          }
          return found;
        },
        breakdown: () => Object.fromEntries(spent),
      };
    },
  },
  'sitrep-pool': {
    name: 'sitrep-pool',
    does: 'full extraction on all cores (worker_threads pool), JSON returned to the main thread',
    // With every core busy extracting, V8's background compiler gets little time: optimized
    // code arrives seconds later than in a single thread.
    warmUpMs: 10_000,
    async setup() {
      const { ExtractPool } = await fromBuild<typeof import('../src/parallel/extract-pool.js')>('parallel/extract-pool.js');
      const pool = new ExtractPool();
      return {
        async pass(articles) {
          const outputs = await pool.extractMany(articles);
          return outputs.reduce((n, json) => n + (json.length > 0 ? 1 : 0), 0);
        },
        close: () => pool.close(),
      };
    },
  },
  chrono: {
    name: 'chrono-node',
    does: 'dates and times only: chrono.parse(text, published)',
    async setup() {
      const chrono = await import('chrono-node');
      return {
        pass(articles) {
          let found = 0;
          for (const a of articles) found += chrono.parse(a.text, refDate(a)).length;
          return found;
        },
      };
    },
  },
  compromise: {
    name: 'compromise',
    does: 'people, places, organizations: nlp(text) then .people()/.places()/.organizations()',
    async setup() {
      const nlp = (await import('compromise')).default;
      return {
        pass(articles) {
          let found = 0;
          for (const a of articles) {
            const doc = nlp(a.text);
            found += doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
          }
          return found;
        },
      };
    },
  },
  wink: {
    name: 'wink-nlp',
    does: 'reading only: tokens, sentences, POS, entities (default pipeline), outputs read',
    async setup() {
      const winkNLP = (await import('wink-nlp')).default;
      const model = (await import('wink-eng-lite-web-model')).default;
      const nlp = winkNLP(model);
      const its = nlp.its;
      return {
        pass(articles) {
          let found = 0;
          for (const a of articles) {
            const doc = nlp.readDoc(a.text);
            found += doc.entities().out(its.detail).length + doc.tokens().out(its.pos).length + doc.sentences().length();
          }
          return found;
        },
      };
    },
  },
};
