import { css, html, nothing } from 'lit';
import { api, type ArticleDetail } from '../api.js';
import { fmtDay, fmtTimeml, safeHref } from '../format.js';
import { locate, parseRange, type Highlight } from '../highlight.js';
import { eventColor } from '../palette.js';
import { href, navigate } from '../router.js';
import { shared } from '../styles.js';
import { LAYER_KINDS } from '../components/annotated-text.js';
import '../components/annotated-text.js';
import '../components/article-layers.js';
import { layerHighlights } from './event-view.js';
import { ViewBase } from './view-base.js';

const LAYER_LABELS: Record<string, [string, string]> = {
  actor: ['Actors', '#5b7db1'],
  place: ['Places', '#2c8c8c'],
  time: ['Times', '#8d5fd3'],
  quantity: ['Quantities', '#c48a2c'],
  quote: ['Quotes', '#b9c4d2'],
  event: ['Event triggers', '#d05a4a'],
};

/** One article as stored: its text with every layer marked, and what was extracted from it. */
export class ArticleView extends ViewBase {
  static override properties = { article: { state: true }, hiddenLayers: { state: true } };
  declare article: ArticleDetail | null;
  declare hiddenLayers: Set<string>;

  constructor() {
    super();
    this.article = null;
    this.hiddenLayers = new Set();
  }

  static override styles = [
    shared,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 320px;
        gap: 12px;
        align-items: start;
      }
      @media (max-width: 1000px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      h1 {
        font-size: 21px;
        line-height: 1.3;
        font-family: Georgia, 'DejaVu Serif', serif;
        font-weight: 600;
      }
      .meta {
        color: var(--ink-3);
        font-size: 12.5px;
        margin: 6px 0 12px;
        display: flex;
        flex-wrap: wrap;
        gap: 4px 12px;
      }
      .toggles {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 14px;
        font-size: 12px;
        padding: 8px 0;
        border-top: 1px solid var(--line-2);
        border-bottom: 1px solid var(--line-2);
        margin-bottom: 12px;
        color: var(--ink-2);
      }
      .toggles label {
        display: inline-flex;
        gap: 5px;
        align-items: center;
        cursor: pointer;
      }
      .toggles i {
        width: 14px;
        height: 3px;
        display: inline-block;
        border-radius: 2px;
      }
      .toggles .hl {
        background: #fff1b8;
        padding: 0 4px;
        border-radius: 2px;
      }
      article {
        max-width: 760px;
      }
      ul.events {
        list-style: none;
        padding: 0;
        margin: 0;
        font-size: 12.5px;
      }
      ul.events li {
        padding: 4px;
        border-radius: 3px;
        cursor: pointer;
        display: flex;
        gap: 6px;
        align-items: baseline;
      }
      ul.events li:hover,
      ul.events li:focus-visible,
      ul.events li.on {
        background: #fff6d6;
      }
      ul.events .t {
        font-weight: 600;
        font-size: 11.5px;
      }
      ul.events .w {
        color: var(--ink-2);
      }
      aside section + section {
        margin-top: 12px;
      }
      aside h2 {
        font-size: 13px;
        margin-bottom: 6px;
      }
    `,
  ];

  protected loadKey(): string {
    return `article:${this.route.id}`;
  }

  protected async load(signal: AbortSignal): Promise<void> {
    this.article = null;
    this.article = await api.article(this.route.id ?? '', signal);
  }

  /** The sentence to highlight: offsets (hl=), or the words of a citation (sentence=). */
  private focusRange(text: string): { start: number; end: number } | null {
    return parseRange(this.route.params.get('hl')) ?? locate(text, this.route.params.get('sentence') ?? '');
  }

  private toggle(kind: string, on: boolean): void {
    const next = new Set(this.hiddenLayers);
    if (on) next.delete(kind);
    else next.add(kind);
    this.hiddenLayers = next;
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const a = this.article;
    if (!a) return this.status(false);
    const x = a.extraction;
    const focus = this.focusRange(x.text);
    const trigger = parseRange(this.route.params.get('t'));
    const highlights: Highlight[] = layerHighlights(x);
    if (focus) highlights.push({ start: focus.start, end: focus.end, kind: 'sentence' });
    if (trigger) highlights.push({ start: trigger.start, end: trigger.end, kind: 'trigger' });
    const link = safeHref(a.url);
    const actorName = new Map(x.actors.map((ac) => [ac.id, ac.name]));
    return html`<div class="layout">
      <section class="panel">
        <article data-article-id=${a.id}>
          <h1 data-testid="article-title">${a.title ?? 'Untitled article'}</h1>
          <div class="meta">
            <span>${a.source ?? 'unknown source'}</span>
            <span>published ${fmtDay(a.published)}</span>
            ${link ? html`<a href=${link} target="_blank" rel="noopener noreferrer">original ↗</a>` : nothing}
            <span>ingested ${fmtDay(a.ingestedAt)}</span>
          </div>
          <div class="toggles" role="group" aria-label="Layers to mark">
            ${LAYER_KINDS.map((k) => {
              const [label, color] = LAYER_LABELS[k]!;
              return html`<label><input type="checkbox" .checked=${!this.hiddenLayers.has(k)}
                  @change=${(e: Event) => this.toggle(k, (e.target as HTMLInputElement).checked)} /><i style="background:${color}"></i>${label}</label>`;
            })}
            ${focus ? html`<span><span class="hl">highlighted</span> the cited sentence</span>` : nothing}
          </div>
          <annotated-text .text=${x.text} .highlights=${highlights} .hiddenKinds=${this.hiddenLayers}></annotated-text>
        </article>
      </section>
      <aside class="panel">
        <section>
          <h2>Events in this article (${x.events.length})</h2>
          <ul class="events">
            ${x.events.map((ev) => {
              const on = focus?.start === ev.sentence.start && focus.end === ev.sentence.end;
              const go = () => navigate(href(`articles/${a.id}`, {}, { hl: `${ev.sentence.start}-${ev.sentence.end}`, t: `${ev.trigger.start}-${ev.trigger.end}` }));
              return html`<li class=${on ? 'on' : ''} tabindex="0" role="button" @click=${go} @keydown=${(k: KeyboardEvent) => k.key === 'Enter' && go()}>
                <span class="swatch" style="background:${eventColor(ev)}"></span>
                <span><span class="t">${ev.type}</span> <span class="muted small">${ev.status}${ev.date ? ` · ${fmtTimeml(ev.date)}` : ''}</span><br />
                <span class="w">${(ev.source && actorName.get(ev.source)) ?? '?'} → ${(ev.target && actorName.get(ev.target)) ?? '—'} · “${ev.trigger.text}”</span></span>
              </li>`;
            })}
          </ul>
        </section>
        <section>
          <article-layers .extraction=${x}></article-layers>
        </section>
      </aside>
    </div>`;
  }
}
customElements.define('article-view', ArticleView);
