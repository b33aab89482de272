import { LitElement, css, html, nothing } from 'lit';
import { api, type Stats } from './api.js';
import { FILTER_KEYS, describeFilters, hasFilters, type Filters } from './filters.js';
import { fmtDay, fmtInt } from './format.js';
import { href, isListView, navigate, parseHash, withFilters, type Route, type ViewName } from './router.js';
import { shared } from './styles.js';
import './filter-bar.js';
import './views/overview-view.js';
import './views/timeline-view.js';
import './views/map-view.js';
import './views/network-view.js';
import './views/event-view.js';
import './views/article-view.js';
import './views/brief-view.js';
import './views/articles-view.js';

const TABS: { view: ViewName; label: string; path: string }[] = [
  { view: 'overview', label: 'Overview', path: '' },
  { view: 'timeline', label: 'Timeline', path: 'timeline' },
  { view: 'map', label: 'Map', path: 'map' },
  { view: 'network', label: 'Network', path: 'network' },
  { view: 'brief', label: 'Brief', path: 'brief' },
  { view: 'articles', label: 'Articles', path: 'articles' },
];

/** The shell: header with the store's numbers, the view tabs, the shared filters, the view. */
export class SitrepApp extends LitElement {
  static override properties = {
    route: { state: true },
    stats: { state: true },
    statsError: { state: true },
  };
  declare route: Route;
  declare stats: Stats | null;
  declare statsError: string | null;
  private readonly onHash = () => {
    this.route = parseHash(location.hash);
    window.scrollTo({ top: 0 });
  };

  constructor() {
    super();
    this.route = parseHash(location.hash);
    this.stats = null;
    this.statsError = null;
  }

  static override styles = [
    shared,
    css`
      :host {
        display: block;
        min-height: 100vh;
      }
      .top {
        background: #14202f;
        color: #e8edf3;
      }
      .bar {
        max-width: 1480px;
        margin: 0 auto;
        padding: 0 20px;
        display: flex;
        align-items: center;
        gap: 22px;
        height: 50px;
      }
      .brand {
        display: flex;
        align-items: center;
        gap: 8px;
        color: #fff;
        font-weight: 700;
        font-size: 16px;
        letter-spacing: 0.01em;
        text-decoration: none;
      }
      .brand small {
        font-weight: 400;
        color: #9fb0c4;
        font-size: 12px;
      }
      nav {
        display: flex;
        gap: 2px;
        height: 100%;
      }
      nav a {
        display: flex;
        align-items: center;
        padding: 0 12px;
        color: #b9c6d6;
        font-size: 13.5px;
        font-weight: 500;
        border-bottom: 3px solid transparent;
        text-decoration: none;
      }
      nav a:hover {
        color: #fff;
      }
      nav a[aria-current='page'] {
        color: #fff;
        border-bottom-color: #5fa0e6;
      }
      .stats {
        margin-left: auto;
        display: flex;
        gap: 16px;
        font-size: 12px;
        color: #9fb0c4;
        white-space: nowrap;
      }
      .stats b {
        color: #fff;
        font-weight: 600;
        font-size: 13.5px;
        font-variant-numeric: tabular-nums;
        margin-right: 3px;
      }
      .filters {
        background: #fff;
        border-bottom: 1px solid var(--line);
        box-shadow: 0 1px 3px rgba(16, 24, 40, 0.04);
        position: sticky;
        top: 0;
        z-index: 20;
      }
      .filters .inner {
        max-width: 1480px;
        margin: 0 auto;
        padding: 8px 20px 9px;
      }
      main {
        max-width: 1480px;
        margin: 0 auto;
        padding: 14px 20px 40px;
      }
      .crumb {
        font-size: 12px;
        color: var(--ink-3);
        margin: -4px 0 10px;
      }
      .crumb b {
        color: var(--ink-2);
        font-weight: 600;
      }
      footer {
        max-width: 1480px;
        margin: 0 auto;
        padding: 0 20px 24px;
        font-size: 11.5px;
        color: var(--ink-3);
      }
      @media (max-width: 1100px) {
        .stats {
          display: none;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    api.stats().then(
      (s) => (this.stats = s),
      (e: unknown) => (this.statsError = e instanceof Error ? e.message : String(e)),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  /** A filter changed: detail views hand over to the timeline, list views keep their place. */
  private applyFilters(patch: Filters): void {
    const next: Filters = { ...this.route.filters };
    for (const k of FILTER_KEYS) {
      if (!(k in patch)) continue;
      if (patch[k]) next[k] = patch[k];
      else delete next[k];
    }
    const route = isListView(this.route.view) ? this.route : { ...this.route, view: 'timeline' as ViewName };
    const keep = route.view === 'network' ? ['n'] : [];
    navigate(withFilters(route, next, keep));
  }

  override render() {
    const r = this.route;
    const s = this.stats;
    const f = r.filters;
    const current = r.view === 'event' || r.view === 'article' ? null : r.view;
    return html`
      <div class="top">
        <div class="bar">
          <a class="brand" href="#/" aria-label="sitrep overview">
            <svg width="22" height="22" viewBox="0 0 16 16" aria-hidden="true"><circle cx="5.5" cy="8" r="4.5" fill="#4d8fd6"></circle><circle cx="10.5" cy="8" r="4.5" fill="#e0604f" fill-opacity=".85"></circle></svg>
            sitrep <small>situation picture</small>
          </a>
          <nav aria-label="Views">
            ${TABS.map(
              (t) => html`<a href=${href(t.path, t.view === 'articles' ? {} : f)} aria-current=${current === t.view ? 'page' : 'false'}>${t.label}</a>`,
            )}
          </nav>
          <div class="stats" data-testid="stats" aria-label="Store">
            ${s
              ? html`<span><b>${fmtInt(s.articles)}</b>articles</span><span><b>${fmtInt(s.events)}</b>events</span>
                  <span><b>${fmtInt(s.actors)}</b>actors</span><span><b>${fmtInt(s.places)}</b>places</span>
                  ${s.firstDate ? html`<span><b>${fmtDay(s.firstDate)}</b>– <b>${fmtDay(s.lastDate)}</b></span>` : nothing}`
              : this.statsError
                ? html`<span>API unreachable: ${this.statsError}</span>`
                : nothing}
          </div>
        </div>
      </div>
      <div class="filters">
        <div class="inner">
          <filter-bar .filters=${f} @filters=${(e: CustomEvent<Filters>) => this.applyFilters(e.detail)}></filter-bar>
        </div>
      </div>
      <main
        @filters=${(e: CustomEvent<Filters>) => this.applyFilters(e.detail)}
        @range=${(e: CustomEvent<{ from: string; to: string }>) => this.applyFilters(e.detail)}
        @open-event=${(e: CustomEvent<{ id: number }>) => navigate(href(`events/${e.detail.id}`, f))}
      >
        ${hasFilters(f) && isListView(r.view) && r.view !== 'articles'
          ? html`<div class="crumb">Showing <b>${describeFilters(f)}</b></div>`
          : nothing}
        ${this.renderView(r)}
      </main>
      <footer>Every figure links to the sentences it came from. Data: the sitrep store; base map: Natural Earth via world-atlas.</footer>
    `;
  }

  private renderView(r: Route) {
    switch (r.view) {
      case 'timeline':
        return html`<timeline-view .route=${r}></timeline-view>`;
      case 'map':
        return html`<map-view .route=${r}></map-view>`;
      case 'network':
        return html`<network-view .route=${r}></network-view>`;
      case 'event':
        return html`<event-view .route=${r}></event-view>`;
      case 'article':
        return html`<article-view .route=${r}></article-view>`;
      case 'brief':
        return html`<brief-view .route=${r}></brief-view>`;
      case 'articles':
        return html`<articles-view .route=${r}></articles-view>`;
      default:
        return html`<overview-view .route=${r} .stats=${this.stats}></overview-view>`;
    }
  }
}
customElements.define('sitrep-app', SitrepApp);
