import { LitElement, css, html } from 'lit';
import { segment, type Highlight } from '../highlight.js';
import { shared } from '../styles.js';

export const LAYER_KINDS = ['actor', 'place', 'time', 'quantity', 'quote', 'event'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/**
 * An article's text as text nodes, with <mark> runs where spans cover it. The words are
 * never parsed: whatever markup an article contains is shown as the characters it is.
 */
export class AnnotatedText extends LitElement {
  static override properties = {
    text: { type: String },
    highlights: { attribute: false },
    hiddenKinds: { attribute: false },
    maxHeight: { type: Number, attribute: 'max-height' },
  };
  declare text: string;
  declare highlights: Highlight[];
  /** Layers switched off by the reader. */
  declare hiddenKinds: ReadonlySet<string>;
  declare maxHeight: number;
  private scrolledTo = '';

  constructor() {
    super();
    this.text = '';
    this.highlights = [];
    this.hiddenKinds = new Set();
    this.maxHeight = 0;
  }

  static override styles = [
    shared,
    css`
      .text {
        position: relative;
        white-space: pre-wrap;
        overflow-wrap: break-word;
        font-size: 14.5px;
        line-height: 1.65;
        color: #222b36;
        font-family: Georgia, 'DejaVu Serif', 'Liberation Serif', serif;
        overflow-y: auto;
        padding-right: 6px;
      }
      mark {
        background: none;
        color: inherit;
        border-radius: 2px;
      }
      mark.quote {
        background: #f1f3f7;
        color: #2d3f58;
      }
      mark.actor {
        box-shadow: inset 0 -2px 0 #5b7db1;
      }
      mark.place {
        box-shadow: inset 0 -2px 0 #2c8c8c;
      }
      mark.time {
        box-shadow: inset 0 -2px 0 #8d5fd3;
      }
      mark.quantity {
        box-shadow: inset 0 -2px 0 #c48a2c;
      }
      mark.event {
        box-shadow: inset 0 -2px 0 #d05a4a;
      }
      mark.sentence {
        background: #fff1b8;
        color: #1b2330;
      }
      mark.trigger {
        background: #ffcf5c;
        font-weight: 700;
        box-shadow: inset 0 -2px 0 #b7791f;
      }
      .hide-actor mark.actor:not(.sentence),
      .hide-place mark.place,
      .hide-time mark.time,
      .hide-quantity mark.quantity,
      .hide-event mark.event {
        box-shadow: none;
      }
      .hide-actor mark.actor.sentence {
        box-shadow: none;
      }
      .hide-quote mark.quote:not(.sentence) {
        background: none;
      }
    `,
  ];

  override render() {
    const runs = segment(this.text, this.highlights);
    const hide = [...this.hiddenKinds].map((k) => `hide-${k}`).join(' ');
    return html`<div class="text ${hide}" part="text" style=${this.maxHeight ? `max-height:${this.maxHeight}px` : ''}>${runs.map((r) =>
      r.kinds.length ? html`<mark class=${r.kinds.join(' ')} title=${r.notes.join(' · ')}>${r.text}</mark>` : r.text,
    )}</div>`;
  }

  protected override updated(): void {
    // Bring the highlighted sentence into view inside the box, once per text and sentence.
    const mark = this.renderRoot.querySelector<HTMLElement>('mark.sentence');
    const box = this.renderRoot.querySelector<HTMLElement>('.text');
    const key = `${this.text.length}:${mark?.textContent ?? ''}`;
    if (!mark || !box || key === this.scrolledTo) return;
    this.scrolledTo = key;
    if (this.maxHeight) box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    else mark.scrollIntoView({ block: 'center' });
  }
}
customElements.define('annotated-text', AnnotatedText);
