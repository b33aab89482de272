import type { NameHit } from './entry.js';
import type { Gazetteer } from './gazetteer.js';
import type { WordClasses } from './word-classes.js';

/**
 * One stretch of words as the gazetteer sees it: its key, whether it is a name or starts
 * one (KEY_IS_NAME, KEY_IS_PREFIX), and what the name rules worked out about it before.
 */
export interface NameNode {
  readonly key: string;
  readonly shape: number;
  /** For a stretch of one word, the word lists its key is in (word-classes.ts): one probe tells both. */
  readonly classes: number;
  /** The stretch one word longer, by that word's key. */
  next: Map<string, NameNode> | undefined;
  /** The readings of the key, fetched on first need. */
  hits: readonly NameHit[] | undefined;
  /** find-names.ts: the readings a way of writing the stretch keeps, by that way's bits. */
  written: Map<number, readonly NameHit[]> | undefined;
}

/** Past this many remembered stretches the memo starts afresh: a long-running process reads an open vocabulary. */
const MAX_NODES = 200_000;

/**
 * The gazetteer's answers for stretches of words already read, as a tree by word key. The
 * same capitalized words and names come back in every article; asking the memo costs one
 * small-map probe per word where the gazetteer costs a hash of the whole key, a probe of
 * its (large, mostly uncached) map and, for longer stretches, a new key string.
 */
export class NameMemo {
  private roots = new Map<string, NameNode>();
  private nodes = 0;

  constructor(
    private readonly gazetteer: Gazetteer,
    private readonly classes: WordClasses,
  ) {}

  /** The stretch of one word. */
  first(key: string): NameNode {
    let node = this.roots.get(key);
    if (node === undefined) {
      if (this.nodes >= MAX_NODES) this.forget();
      node = this.node(key, this.classes.get(key) ?? 0);
      this.roots.set(key, node);
    }
    return node;
  }

  /** The stretch `node` continued by one word. */
  next(node: NameNode, key: string): NameNode {
    let longer = node.next?.get(key);
    if (longer === undefined) {
      longer = this.node(`${node.key} ${key}`, 0);
      (node.next ??= new Map()).set(key, longer);
    }
    return longer;
  }

  hits(node: NameNode): readonly NameHit[] {
    return (node.hits ??= this.gazetteer.lookup(node.key));
  }

  private node(key: string, classes: number): NameNode {
    this.nodes++;
    return { key, shape: this.gazetteer.shapeOf(key), classes, next: undefined, hits: undefined, written: undefined };
  }

  private forget(): void {
    this.roots = new Map();
    this.nodes = 0;
  }
}
