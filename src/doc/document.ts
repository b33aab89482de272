import type { Article } from '../article/article.js';
import type { Layers, LayerName } from './layers.js';
import type { Offsets, Span } from './span.js';
import { splitSentences } from './sentences.js';
import { tokenizeInto, type Token } from './tokens.js';

export interface Sentence extends Offsets {
  index: number;
  /** Index of the sentence's first token in `doc.tokens`, and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

/**
 * One article under analysis: its text cut into sentences and tokens, and the layers the
 * annotators have added so far. Every offset indexes `text` (UTF-16 code units).
 */
export class Doc {
  readonly text: string;
  readonly sentences: Sentence[];
  readonly tokens: Token[];
  readonly layers: Layers = { times: [], quantities: [], places: [], actors: [], quotes: [], events: [] };
  /** Layers that an annotator has run for, so later ones can tell "none found" from "not run". */
  readonly done = new Set<LayerName>();

  constructor(readonly article: Article) {
    this.text = article.text;
    this.tokens = [];
    this.sentences = [];
    for (const s of splitSentences(this.text)) {
      const tokenStart = this.tokens.length;
      tokenizeInto(this.tokens, this.text, s.start, s.end);
      this.sentences.push({ start: s.start, end: s.end, index: this.sentences.length, tokenStart, tokenEnd: this.tokens.length });
    }
  }

  span(start: number, end: number): Span {
    return { start, end, text: this.text.slice(start, end) };
  }

  sentenceTokens(sentence: Sentence): Token[] {
    return this.tokens.slice(sentence.tokenStart, sentence.tokenEnd);
  }

  /** The sentence containing an offset (binary search), or undefined between sentences. */
  sentenceAt(offset: number): Sentence | undefined {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.sentences[mid]!;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return s;
    }
    return undefined;
  }
}
