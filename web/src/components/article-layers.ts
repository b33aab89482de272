import { LitElement, css, html, nothing } from 'lit';
import type { Extraction } from '../api.js';
import { fmtTimeml, truncate } from '../format.js';
import { shared } from '../styles.js';

/** What an article's extraction found, layer by layer: actors, places, times, quantities, quotes. */
export class ArticleLayers extends LitElement {
  static override properties = {
    extraction: { attribute: false },
    compact: { type: Boolean },
  };
  declare extraction: Extraction | null;
  declare compact: boolean;

  constructor() {
    super();
    this.extraction = null;
    this.compact = false;
  }

  static override styles = [
    shared,
    css`
      section + section {
        margin-top: 10px;
      }
      h3 {
        font-size: 11px;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--ink-3);
        margin-bottom: 4px;
        display: flex;
        align-items: center;
        gap: 6px;
      }
      h3 i {
        display: inline-block;
        width: 12px;
        height: 3px;
        border-radius: 2px;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        font-size: 12.5px;
      }
      li {
        padding: 2px 0;
        display: flex;
        gap: 6px;
        align-items: baseline;
        justify-content: space-between;
      }
      li .name {
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      li.quote {
        display: block;
        border-left: 3px solid #cfd8e3;
        padding: 2px 0 2px 8px;
        margin: 4px 0;
        color: #2d3f58;
      }
      li.quote .by {
        display: block;
        font-size: 11.5px;
        color: var(--ink-3);
        margin-top: 1px;
      }
      .val {
        font-family: var(--mono);
        font-size: 11.5px;
        color: var(--ink-2);
        white-space: nowrap;
      }
    `,
  ];

  override render() {
    const x = this.extraction;
    if (!x) return nothing;
    const actorName = new Map(x.actors.map((a) => [a.id, a.name]));
    const limit = this.compact ? 8 : 1000;
    return html`
      <section>
        <h3><i style="background:#5b7db1"></i>Actors (${x.actors.length})</h3>
        <ul>
          ${x.actors.slice(0, limit).map(
            (a) => html`<li><span class="name">${a.name}</span><span class="chip code">${a.code ?? a.kind}</span></li>`,
          )}
          ${x.actors.length > limit ? html`<li class="muted">and ${x.actors.length - limit} more</li>` : nothing}
        </ul>
      </section>
      <section>
        <h3><i style="background:#2c8c8c"></i>Places (${x.places.length})</h3>
        <ul>
          ${x.places.slice(0, limit).map(
            (p) => html`<li><span class="name">${p.name}</span><span class="val">${p.kind}${p.country ? ` · ${p.country}` : ''}</span></li>`,
          )}
        </ul>
      </section>
      <section>
        <h3><i style="background:#8d5fd3"></i>Times (${x.times.length})</h3>
        <ul>
          ${x.times.slice(0, limit).map(
            (t) => html`<li><span class="name">${t.text}</span><span class="val" title=${t.value ?? 'unresolved'}>${t.value ? fmtTimeml(t.value) : '?'}</span></li>`,
          )}
        </ul>
      </section>
      ${this.compact
        ? nothing
        : html`<section>
            <h3><i style="background:#c48a2c"></i>Quantities (${x.quantities.length})</h3>
            <ul>
              ${x.quantities.map(
                (q) => html`<li><span class="name">${q.text}</span><span class="val">${q.value ?? '~'} ${q.unit ?? ''}</span></li>`,
              )}
            </ul>
          </section>`}
      <section>
        <h3><i style="background:#b9c4d2"></i>Quotes (${x.quotes.length})</h3>
        <ul>
          ${x.quotes.slice(0, this.compact ? 3 : 1000).map(
            (q) => html`<li class="quote">“${truncate(q.text, this.compact ? 160 : 600)}”
              <span class="by">— ${speakerLine(q.speaker, actorName)}</span></li>`,
          )}
        </ul>
      </section>
    `;
  }
}
/** "Yahya Rasool (Iraqi armed forces)": the speaker, and the actor they speak for when it adds something. */
function speakerLine(speaker: Extraction['quotes'][number]['speaker'], actorName: Map<string, string>): string {
  const who = speaker?.name ?? speaker?.role ?? speaker?.text ?? 'unattributed';
  const actor = speaker?.actor ? actorName.get(speaker.actor) : undefined;
  return actor && actor !== who ? `${who} (${actor})` : who;
}

customElements.define('article-layers', ArticleLayers);
