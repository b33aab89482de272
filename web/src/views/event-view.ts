import { css, html, nothing } from 'lit';
import { api, commitmentStandings, type ArticleDetail, type EventDetail, type EventMention, type Extraction, type Standing } from '../api.js';
import { placeEvent } from '../event-time.js';
import { fmtDay, fmtTimeml, safeHref } from '../format.js';
import type { Highlight } from '../highlight.js';
import { QUAD_LABELS, eventColor, sideOf } from '../palette.js';
import { href } from '../router.js';
import { shared } from '../styles.js';
import '../components/annotated-text.js';
import '../components/article-layers.js';
import { STANDING_CLASS, STANDING_LABEL } from './brief-view.js';
import { ViewBase } from './view-base.js';

/** The spans of an extraction as highlights, each with the note its tooltip shows. */
export function layerHighlights(x: Extraction): Highlight[] {
  const out: Highlight[] = [];
  for (const a of x.actors) for (const m of a.mentions) out.push({ start: m.start, end: m.end, kind: 'actor', note: `${a.name}${a.code ? ` (${a.code})` : ''}` });
  for (const p of x.places) for (const m of p.mentions) out.push({ start: m.start, end: m.end, kind: 'place', note: `${p.name}${p.country ? `, ${p.country}` : ''}` });
  for (const t of x.times) out.push({ start: t.start, end: t.end, kind: 'time', note: `${t.type} ${t.value ?? 'unresolved'}` });
  for (const q of x.quantities) out.push({ start: q.start, end: q.end, kind: 'quantity', note: `${q.value ?? '~'} ${q.unit ?? ''}`.trim() });
  for (const q of x.quotes) out.push({ start: q.start, end: q.end, kind: 'quote', note: `quote: ${q.speaker?.name ?? q.speaker?.role ?? q.speaker?.text ?? 'unattributed'}` });
  for (const e of x.events) out.push({ start: e.trigger.start, end: e.trigger.end, kind: 'event', note: `${e.type} ${e.status}` });
  return out;
}

/** One real-world event: its summary, then every report of it with the article around it. */
export class EventView extends ViewBase {
  static override properties = { event: { state: true }, articles: { state: true }, standings: { state: true } };
  declare event: EventDetail | null;
  declare articles: Map<number, ArticleDetail>;
  declare standings: Map<number, Standing>;

  constructor() {
    super();
    this.event = null;
    this.articles = new Map();
    this.standings = new Map();
  }

  static override styles = [
    shared,
    css`
      .summary {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 10px 24px;
      }
      .title {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      .title h1 {
        font-size: 20px;
      }
      .type-bar {
        width: 6px;
        align-self: stretch;
        border-radius: 3px;
      }
      .who {
        font-size: 16px;
        margin: 6px 0 2px;
      }
      .who .arrow {
        color: var(--ink-3);
        margin: 0 6px;
      }
      dl.facts {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
        gap: 8px 16px;
        margin: 10px 0 0;
      }
      dl.facts div {
        min-width: 0;
      }
      dl.facts dt {
        font-size: 11px;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--ink-3);
      }
      dl.facts dd {
        margin: 1px 0 0;
        font-weight: 500;
      }
      .report {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 300px;
        gap: 14px;
        margin-top: 12px;
      }
      @media (max-width: 1000px) {
        .report {
          grid-template-columns: 1fr;
        }
      }
      .report-head {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 12px;
        align-items: baseline;
      }
      .report-head h3 {
        font-size: 15px;
      }
      .meta {
        color: var(--ink-3);
        font-size: 12px;
      }
      .mention-facts {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 6px 0 8px;
        font-size: 12px;
      }
      .sentence-quote {
        border-left: 3px solid #f2c94c;
        background: #fffbea;
        padding: 6px 10px;
        margin: 8px 0;
        font-family: Georgia, 'DejaVu Serif', serif;
        font-size: 14px;
        border-radius: 0 4px 4px 0;
      }
      annotated-text {
        border-top: 1px solid var(--line-2);
        padding-top: 8px;
      }
      .back {
        margin-bottom: 10px;
      }
    `,
  ];

  protected loadKey(): string {
    return `event:${this.route.id}:${this.asOf}`;
  }

  protected async load(signal: AbortSignal): Promise<void> {
    this.event = null;
    const [event, standings] = await Promise.all([api.event(this.route.id ?? '', signal), commitmentStandings(this.asOf, signal)]);
    this.standings = standings;
    const ids = [...new Set(event.mentions.map((m) => m.article.id))];
    const articles = await Promise.all(ids.map((id) => api.article(id, signal)));
    this.articles = new Map(articles.map((a) => [a.id, a]));
    this.event = event;
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const e = this.event;
    if (!e) return this.status(false);
    const placed = placeEvent(e, this.asOf, this.standings);
    const side = sideOf(e);
    const f = this.route.filters;
    return html`
      <div class="back"><a href=${href('timeline', f)}>← Timeline</a></div>
      <section class="panel summary" data-event-id=${e.id}>
        <div>
          <div class="title">
            <span class="type-bar" style="background:${eventColor(e)}"></span>
            <h1>${e.type}${e.mode ? html` <span class="muted" style="font-weight:400">(${e.mode})</span>` : nothing}</h1>
            <span class="chip ${e.statusClass === 'planned' ? 'planned' : e.statusClass === 'happened' ? (side === 'cooperation' ? 'coop' : 'conflict') : e.statusClass}">${e.status}</span>
            ${placed?.standing && placed.standing !== 'no-deadline'
              ? html`<span class="chip ${STANDING_CLASS[placed.standing]}" title="the brief's judgement as of ${fmtDay(this.asOf)}">${STANDING_LABEL[placed.standing]}</span>`
              : placed?.overdue
                ? html`<span class="chip overdue">deadline passed ${fmtDay(e.dateEnd)}</span>`
                : nothing}
            <span class="chip code">CAMEO ${e.cameo}</span>
            ${e.quadClass ? html`<span class="chip">${QUAD_LABELS[e.quadClass]}</span>` : nothing}
          </div>
          <div class="who">
            ${e.source ? html`<a href=${href('timeline', { actor: e.source.name })}>${e.source.name}</a>` : html`<span class="muted">unknown source</span>`}
            <span class="arrow">→</span>
            ${e.target ? html`<a href=${href('timeline', { actor: e.target.name })}>${e.target.name}</a>` : html`<span class="muted">no target</span>`}
          </div>
          <dl class="facts">
            <div><dt>${e.statusClass === 'planned' ? 'Deadline' : 'When'}</dt>
              <dd>${e.date ? fmtTimeml(e.date) : 'not said'}${e.dateSource === 'published' ? html` <span class="muted small">(report date)</span>` : nothing}</dd></div>
            <div><dt>Where</dt><dd>${e.place ? html`<a href=${href('map', { place: e.place.name })}>${e.place.name}</a>` : 'not said'}</dd></div>
            <div><dt>Killed</dt><dd>${e.fatalities ?? '—'}</dd></div>
            <div><dt>Source code</dt><dd>${e.source?.code ?? '—'}</dd></div>
            <div><dt>Target code</dt><dd>${e.target?.code ?? '—'}</dd></div>
            <div><dt>Reports</dt><dd>${e.numArticles} article${e.numArticles === 1 ? '' : 's'}, ${e.numSources} source${e.numSources === 1 ? '' : 's'}</dd></div>
            <div><dt>First reported</dt><dd>${fmtDay(e.firstReported)}</dd></div>
            <div><dt>Goldstein</dt><dd>${e.goldstein ?? '—'}</dd></div>
          </dl>
        </div>
      </section>
      <h2 style="margin:16px 0 0">Every report of this event (${e.mentions.length})</h2>
      ${e.mentions.map((m, i) => this.renderMention(m, i))}
    `;
  }

  private renderMention(m: EventMention, index: number) {
    const article = this.articles.get(m.article.id);
    const x = article?.extraction;
    const highlights: Highlight[] = x ? layerHighlights(x) : [];
    if (m.sentence) highlights.push({ start: m.sentence.start, end: m.sentence.end, kind: 'sentence' });
    highlights.push({ start: m.trigger.start, end: m.trigger.end, kind: 'trigger', note: 'the event’s trigger' });
    const link = safeHref(m.article.url);
    return html`<section class="panel report" data-mention=${m.id} data-article-id=${m.article.id}>
      <div>
        <div class="report-head">
          <span class="chip">report ${index + 1}</span>
          <h3><a href=${href(`articles/${m.article.id}`, {}, { hl: m.sentence ? `${m.sentence.start}-${m.sentence.end}` : null, t: `${m.trigger.start}-${m.trigger.end}` })}>${m.article.title ?? 'Untitled article'}</a></h3>
          <span class="meta">${m.article.source ?? 'unknown source'} · ${fmtDay(m.article.published)}${link ? html` · <a href=${link} target="_blank" rel="noopener noreferrer">original ↗</a>` : nothing}</span>
        </div>
        <div class="mention-facts">
          <span class="chip">${m.status}</span>
          ${m.date ? html`<span class="chip">${fmtTimeml(m.date)}${m.dateSource === 'published' ? ' (report date)' : ''}</span>` : nothing}
          <span class="chip">${m.source?.name ?? '?'} → ${m.target?.name ?? '—'}</span>
          ${m.place ? html`<span class="chip">${m.place.name}</span>` : nothing}
          ${m.fatalities !== null ? html`<span class="chip conflict">${m.fatalities} killed</span>` : nothing}
          <span class="chip" title="extraction confidence">conf. ${Math.round(m.confidence * 100)}%</span>
        </div>
        ${x
          ? html`<annotated-text .text=${x.text} .highlights=${highlights} max-height="340"></annotated-text>`
          : m.sentence
            ? html`<div class="sentence-quote">${m.sentence.text}</div>`
            : nothing}
      </div>
      <article-layers .extraction=${x ?? null} compact></article-layers>
    </section>`;
  }
}
customElements.define('event-view', EventView);
