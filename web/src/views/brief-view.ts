import { css, html, nothing, type TemplateResult } from 'lit';
import { api, briefUrl, type Brief, type BriefEvent, type Citation, type Standing } from '../api.js';
import { filterKey, type Filters } from '../filters.js';
import { fmtDay, fmtInt, fmtTimeml, safeHref } from '../format.js';
import { href } from '../router.js';
import { shared } from '../styles.js';
import { ViewBase } from './view-base.js';
import { STANDING_LABEL } from '../../../src/brief/render/describe.js';

/** The brief's own wording of each standing, shared with its Markdown and HTML renderers. */
export { STANDING_LABEL };

export const STANDING_CLASS: Record<Standing, string> = {
  upcoming: 'planned',
  'overdue-unconfirmed': 'overdue',
  fulfilled: 'ok',
  contradicted: 'conflict',
  'no-deadline': 'negated',
};

/** The brief's query from the shared filters: its subject is the actor, else the place. */
export function briefQuery(f: Filters, asOf: string): Record<string, string | undefined> {
  return { about: f.actor || f.place || undefined, from: f.from, to: f.to, asOf };
}

export function describeBriefEvent(e: BriefEvent): string {
  const what = e.mode ? `${e.type} (${e.mode})` : e.type;
  return `${e.source?.name ?? 'unnamed actor'} ${what}${e.target ? ` → ${e.target.name}` : ''}${e.place ? ` in ${e.place.name}` : ''}`;
}

/** A link into the article view that highlights the cited sentence. */
export function citationHref(c: Citation): string {
  return href(`articles/${c.articleId}`, {}, { sentence: c.sentence });
}

/** Numbers citations in the order the brief first uses them, each sentence once. */
class Citations {
  readonly list: Citation[] = [];
  private readonly numbers = new Map<number, number>();

  refs(cs: readonly Citation[]): TemplateResult {
    return html`${cs.map((c) => {
      let n = this.numbers.get(c.sentenceId);
      if (n === undefined) {
        this.list.push(c);
        n = this.list.length;
        this.numbers.set(c.sentenceId, n);
      }
      return html`<a class="cite" href=${citationHref(c)} title=${c.sentence}>[${n}]</a>`;
    })}`;
  }
}

/** The situation brief, every line linked to the sentences it rests on. */
export class BriefView extends ViewBase {
  static override properties = { brief: { state: true } };
  declare brief: Brief | null;

  constructor() {
    super();
    this.brief = null;
  }

  static override styles = [
    shared,
    css`
      .doc {
        display: grid;
        gap: 12px;
      }
      .columns {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
        gap: 12px;
        align-items: start;
      }
      .main,
      .side {
        display: grid;
        gap: 12px;
        min-width: 0;
      }
      @media (max-width: 1100px) {
        .columns {
          grid-template-columns: 1fr;
        }
      }
      h1 {
        font-size: 20px;
      }
      .scope {
        color: var(--ink-3);
        margin-top: 4px;
        font-size: 12.5px;
      }
      .downloads {
        display: flex;
        gap: 6px;
      }
      a.cite {
        font-size: 10.5px;
        vertical-align: super;
        margin-left: 1px;
        font-variant-numeric: tabular-nums;
      }
      ul.plain {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.timeline li {
        display: grid;
        grid-template-columns: 130px 1fr;
        gap: 10px;
        padding: 4px 0;
        border-bottom: 1px solid var(--line-2);
        font-size: 13px;
      }
      ul.timeline .d {
        color: var(--ink-2);
        font-variant-numeric: tabular-nums;
      }
      .trig {
        color: var(--ink-3);
        font-style: italic;
      }
      blockquote {
        margin: 4px 0 8px;
        padding: 2px 0 2px 10px;
        border-left: 3px solid #cfd8e3;
        font-family: Georgia, 'DejaVu Serif', serif;
        font-size: 13.5px;
        color: #2d3f58;
      }
      .speaker {
        font-weight: 600;
        margin-top: 8px;
      }
      ol.sources {
        font-size: 12.5px;
        padding-left: 28px;
        margin: 0;
      }
      ol.sources li {
        margin: 4px 0;
      }
      ol.sources .s {
        color: var(--ink-2);
      }
      .cols {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 12px;
      }
      @media (max-width: 900px) {
        .cols {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  protected loadKey(): string {
    return `brief:${filterKey(this.route.filters)}:${this.asOf}`;
  }

  protected async load(signal: AbortSignal): Promise<void> {
    this.brief = await api.brief(briefQuery(this.route.filters, this.asOf), signal);
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const b = this.brief;
    if (!b) return this.status(false);
    const cites = new Citations();
    const q = briefQuery(this.route.filters, this.asOf);
    const s = b.summary;
    // Sections are built in reading order so citation numbers follow the page.
    const summary = this.summary(b, cites);
    const commitments = this.commitments(b, cites);
    const posture = this.posture(b, cites);
    const timeline = this.timeline(b, cites);
    const quotes = this.quotes(b, cites);
    const contradictions = this.contradictions(b, cites);
    return html`<div class="doc">
      <section class="panel">
        <header>
          <div>
            <h1>${b.scope ? `Situation report: ${b.scope.query}` : 'Situation report'}</h1>
            <div class="scope">
              as of ${fmtDay(b.options.asOf)}
              ${b.options.from || b.options.to ? html` · window ${b.options.from ?? '…'} to ${b.options.to ?? '…'}` : nothing}
              · ${fmtInt(s.articles)} articles${s.firstPublished ? ` published ${fmtDay(s.firstPublished)} – ${fmtDay(s.lastPublished)}` : ''} · ${fmtInt(s.events)} events in scope
              ${b.scope && (b.scope.actors.length || b.scope.places.length)
                ? html`<br />covers ${[...b.scope.actors.map((a) => a.name), ...b.scope.places.map((p) => p.name)].slice(0, 8).join(', ')}`
                : nothing}
            </div>
          </div>
          <span class="spacer"></span>
          <div class="downloads">
            <a class="button" href=${briefUrl(q, 'md')} download="sitrep-brief.md">Markdown</a>
            <a class="button" href=${briefUrl(q, 'html')} target="_blank" rel="noopener">Printable</a>
          </div>
        </header>
      </section>
      <div class="columns">
        <div class="main">${summary} ${commitments} ${posture} ${timeline}</div>
        <div class="side">${quotes} ${contradictions}</div>
      </div>
      <section class="panel">
        <header><h2>Sources</h2><span class="sub">${cites.list.length} sentences cited; each opens its article with the sentence highlighted</span></header>
        <ol class="sources">
          ${cites.list.map((c) => {
            const url = safeHref(c.url);
            return html`<li>
              <a href=${citationHref(c)}>${c.title ?? `article ${c.articleId}`}</a>
              <span class="muted">${[c.source, c.published ? fmtDay(c.published) : null].filter(Boolean).join(', ')}</span>
              ${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer" class="small">↗</a>` : nothing}
              <div class="s">“${c.sentence}”</div>
            </li>`;
          })}
        </ol>
      </section>
    </div>`;
  }

  private summary(b: Brief, cites: Citations) {
    const s = b.summary;
    return html`<section class="panel" data-section="summary">
      <header><h2>Summary</h2><span class="sub">events by type and status</span></header>
      ${s.byType.length === 0
        ? html`<div class="empty">No events in scope.</div>`
        : html`<table>
            <thead><tr><th>Type</th><th>Happened</th><th>Planned</th><th>Negated</th><th>Hypothetical</th><th>Total</th><th>Examples</th></tr></thead>
            <tbody>
              ${s.byType.map(
                (r) => html`<tr><td><a href=${href('timeline', { ...this.route.filters, type: r.type })}>${r.type}</a></td>
                  <td class="num">${r.happened}</td><td class="num">${r.planned}</td><td class="num">${r.negated}</td>
                  <td class="num">${r.hypothetical}</td><td class="num"><b>${r.total}</b></td><td>${cites.refs(r.citations)}</td></tr>`,
              )}
            </tbody>
          </table>`}
      <div class="cols" style="margin-top:12px">
        <div>
          <h3 style="margin-bottom:4px">Most active actors</h3>
          <table>
            <tbody>
              ${s.actors.map(
                (r) => html`<tr><td><a href=${href('timeline', { ...this.route.filters, actor: r.label })}>${r.label}</a> <span class="chip code">${r.actor.code ?? ''}</span></td>
                  <td class="num">${r.count}</td><td>${cites.refs(r.citations)}</td></tr>`,
              )}
            </tbody>
          </table>
        </div>
        <div>
          <h3 style="margin-bottom:4px">Most active places</h3>
          <table>
            <tbody>
              ${s.places.map(
                (r) => html`<tr><td><a href=${href('map', { ...this.route.filters, place: r.label })}>${r.label}</a> <span class="muted small">${r.place.kind}</span></td>
                  <td class="num">${r.count}</td><td>${cites.refs(r.citations)}</td></tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>`;
  }

  private commitments(b: Brief, cites: Citations) {
    return html`<section class="panel" data-section="commitments">
      <header><h2>Commitments and deadlines</h2><span class="sub">planned events, judged as of ${fmtDay(b.options.asOf)}</span></header>
      ${b.commitments.length === 0
        ? html`<div class="empty">No commitments.</div>`
        : html`<table>
            <thead><tr><th>Standing</th><th>Deadline</th><th>Commitment</th><th>First reported</th><th>Evidence</th><th>Sources</th></tr></thead>
            <tbody>
              ${b.commitments.map(
                (c) => html`<tr>
                  <td><span class="chip ${STANDING_CLASS[c.standing]}">${STANDING_LABEL[c.standing]}${c.late ? ' (late)' : ''}</span></td>
                  <td class="num">${c.deadline ? html`${fmtDay(c.deadline)}<div class="muted small">${fmtTimeml(c.event.date)}</div>` : '—'}</td>
                  <td><a href=${href(`events/${c.event.eventId}`)}>${describeBriefEvent(c.event)}</a>
                    <div class="trig">${c.family}: ${c.event.triggers.map((t) => `“${t}”`).join(' / ')}</div></td>
                  <td class="num">${fmtDay(c.event.firstReported)}</td>
                  <td>${c.evidence.length === 0
                    ? '—'
                    : c.evidence.map((e) => html`<div>${fmtDay(e.reported)}: ${describeBriefEvent(e.event)} (${e.event.status}) ${cites.refs(e.citations)}</div>`)}</td>
                  <td>${cites.refs(c.citations)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  private posture(b: Brief, cites: Citations) {
    return html`<section class="panel" data-section="posture">
      <header><h2>Force posture</h2><span class="sub">troop numbers reported</span></header>
      ${b.forcePosture.length === 0
        ? html`<div class="empty">No troop numbers.</div>`
        : html`<table>
            <thead><tr><th>Actor</th><th>Place</th><th>Figure</th><th>Date</th><th>Context</th><th>Source</th></tr></thead>
            <tbody>
              ${b.forcePosture.map(
                (p) => html`<tr>
                  <td>${p.actor?.name ?? '?'}</td><td>${p.place?.name ?? '?'}</td>
                  <td class="num"><b>${postureNumber(p)}</b> <span class="muted">${p.text}</span></td>
                  <td class="num">${fmtDay(p.date)}${p.dateBasis === 'published' ? html` <span class="muted small">(report)</span>` : nothing}</td>
                  <td class="small">${p.context ? `${p.context.type} ${p.context.statusClass}: “${p.context.trigger}”` : ''}</td>
                  <td>${cites.refs(p.citations)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  private timeline(b: Brief, cites: Citations) {
    return html`<section class="panel" data-section="timeline">
      <header><h2>Timeline</h2><span class="sub">${b.timeline.length} reported events</span></header>
      ${b.timeline.length === 0
        ? html`<div class="empty">No reported events.</div>`
        : html`<ul class="plain timeline">
            ${b.timeline.map(
              (t) => html`<li>
                <span class="d">${fmtTimeml(t.date)}${t.dateBasis !== 'text' ? html`<span class="muted small"> *</span>` : nothing}</span>
                <span><a href=${href(`events/${t.event.eventId}`)}>${describeBriefEvent(t.event)}</a>
                  <span class="trig">${t.event.triggers.map((x) => `“${x}”`).join(' / ')}</span>${t.event.fatalities !== null ? `, ${t.event.fatalities} killed` : ''}
                  ${cites.refs(t.citations)}</span>
              </li>`,
            )}
          </ul>
          <p class="small muted">* dated by the report, not by the text.</p>`}
    </section>`;
  }

  private quotes(b: Brief, cites: Citations) {
    return html`<section class="panel" data-section="quotes">
      <header><h2>Who said what</h2></header>
      ${b.quotes.length === 0 ? html`<div class="empty">No direct quotes.</div>` : nothing}
      ${b.quotes.map(
        (g) => html`<div class="speaker">${g.speaker}${g.role && g.role !== g.speaker ? html` <span class="muted" style="font-weight:400">(${g.role})</span>` : nothing}</div>
          ${g.quotes.map((q) => html`<blockquote>“${q.text}” <span class="muted small">${q.date ? fmtDay(q.date) : ''}</span>${cites.refs(q.citations)}</blockquote>`)}`,
      )}
    </section>`;
  }

  private contradictions(b: Brief, cites: Citations) {
    return html`<section class="panel" data-section="contradictions">
      <header><h2>Contradictions</h2></header>
      ${b.contradictions.length === 0 ? html`<div class="empty">No contradictions.</div>` : nothing}
      <ul class="plain">
        ${b.contradictions.map(
          (c) => html`<li style="margin-bottom:8px">
            <div><a href=${href(`events/${c.asserted.eventId}`)}>${describeBriefEvent(c.asserted)}</a> (${c.asserted.statusClass}) ${cites.refs(c.assertedCitations)}
              ${c.sameArticle ? html`<span class="muted small">within one article</span>` : nothing}</div>
            ${c.negations.map((n) => html`<div class="small" style="padding-left:14px">denied: ${describeBriefEvent(n.event)} ${cites.refs(n.citations)}</div>`)}
          </li>`,
        )}
      </ul>
    </section>`;
  }
}

export function postureNumber(p: { value: number | null; min: number | null; approx: boolean }): string {
  if (p.value !== null) return `${p.approx ? '~' : ''}${fmtInt(p.value)}`;
  return p.min !== null ? `≥${fmtInt(p.min)}` : '?';
}

customElements.define('brief-view', BriefView);
