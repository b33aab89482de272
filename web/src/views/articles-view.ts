import { css, html, nothing } from 'lit';
import { api, type ArticleSummary } from '../api.js';
import { fmtDay, safeHref } from '../format.js';
import { href, navigate } from '../router.js';
import { shared } from '../styles.js';
import { ViewBase } from './view-base.js';

const PAGE = 100;

/** The stored articles, newest first, each opening its annotated text. */
export class ArticlesView extends ViewBase {
  static override properties = { articles: { state: true }, total: { state: true } };
  declare articles: ArticleSummary[] | null;
  declare total: number;

  constructor() {
    super();
    this.articles = null;
    this.total = 0;
  }

  static override styles = [
    shared,
    css`
      td.title {
        font-weight: 500;
      }
      .pager {
        display: flex;
        gap: 8px;
        align-items: center;
        justify-content: flex-end;
        margin-top: 8px;
      }
    `,
  ];

  private get offset(): number {
    return Math.max(0, Number(this.route.params.get('offset')) || 0);
  }

  protected loadKey(): string {
    return `articles:${this.offset}`;
  }

  protected async load(signal: AbortSignal): Promise<void> {
    const page = await api.articles({ limit: PAGE, offset: this.offset }, signal);
    this.articles = page.articles;
    this.total = page.total;
  }

  override render() {
    // A failed load shows why, never the previous answer as if it were this one.
    if (this.error) return this.status(false);
    const list = this.articles;
    if (!list) return this.status(false);
    const open = (id: number) => navigate(href(`articles/${id}`));
    return html`<section class="panel">
      <header><h2>Articles</h2><span class="sub">${this.total} stored, newest first</span></header>
      <table>
        <thead><tr><th>Published</th><th>Title</th><th>Source</th><th>Events</th><th></th></tr></thead>
        <tbody>
          ${list.map((a) => {
            const url = safeHref(a.url);
            return html`<tr class="clickable" tabindex="0" data-article-id=${a.id} @click=${() => open(a.id)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && open(a.id)}>
              <td class="num" style="white-space:nowrap">${fmtDay(a.published)}</td>
              <td class="title">${a.title ?? a.docId}</td>
              <td>${a.source ?? ''}</td>
              <td class="num">${a.events}</td>
              <td>${url ? html`<a href=${url} target="_blank" rel="noopener noreferrer" @click=${(e: Event) => e.stopPropagation()}>original ↗</a>` : nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.total > PAGE
        ? html`<div class="pager">
            <a class="button" href=${href('articles', {}, { offset: Math.max(0, this.offset - PAGE) || null })} ?hidden=${this.offset === 0}>← newer</a>
            <span class="small muted">${this.offset + 1}–${Math.min(this.total, this.offset + PAGE)} of ${this.total}</span>
            <a class="button" href=${href('articles', {}, { offset: this.offset + PAGE })} ?hidden=${this.offset + PAGE >= this.total}>older →</a>
          </div>`
        : nothing}
    </section>`;
  }
}
customElements.define('articles-view', ArticlesView);
