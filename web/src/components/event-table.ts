import { LitElement, css, html, nothing } from 'lit';
import type { EventRow } from '../api.js';
import { placeEvent, type Standings } from '../event-time.js';
import { fmtDay, fmtTimeml } from '../format.js';
import { eventColor, sideOf } from '../palette.js';
import { shared } from '../styles.js';

type SortKey = 'date' | 'type' | 'reports' | 'fatalities';

/** The events as rows, for reading and for the keyboard: each row opens its event. */
export class EventTable extends LitElement {
  static override properties = {
    events: { attribute: false },
    asOf: { type: String },
    standings: { attribute: false },
    limit: { type: Number },
    sort: { state: true },
    descending: { state: true },
    showAll: { state: true },
  };
  declare events: EventRow[];
  declare asOf: string;
  declare standings: Standings;
  declare limit: number;
  declare sort: SortKey;
  declare descending: boolean;
  declare showAll: boolean;

  constructor() {
    super();
    this.events = [];
    this.asOf = '';
    this.standings = new Map();
    this.limit = 200;
    this.sort = 'date';
    this.descending = true;
    this.showAll = false;
  }

  static override styles = [
    shared,
    css`
      .wrap {
        overflow-x: auto;
      }
      td.type {
        white-space: nowrap;
        font-weight: 600;
        font-size: 11.5px;
        letter-spacing: 0.02em;
      }
      td.date {
        white-space: nowrap;
      }
      .who {
        color: var(--ink);
      }
      .arrow {
        color: var(--ink-3);
        padding: 0 3px;
      }
      th button {
        all: unset;
        cursor: pointer;
      }
      th button:focus-visible {
        outline: 2px solid var(--focus);
      }
      .more {
        padding: 8px;
        text-align: center;
      }
    `,
  ];

  private sorted(): EventRow[] {
    const key = (e: EventRow): string | number => {
      switch (this.sort) {
        case 'date':
          return e.dateStart ?? e.firstReported ?? '';
        case 'type':
          return e.type;
        case 'reports':
          return e.numArticles;
        case 'fatalities':
          return e.fatalities ?? -1;
      }
    };
    const dir = this.descending ? -1 : 1;
    return [...this.events].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return (ka < kb ? -1 : ka > kb ? 1 : a.id - b.id) * dir;
    });
  }

  private header(label: string, key: SortKey) {
    const active = this.sort === key;
    return html`<th aria-sort=${active ? (this.descending ? 'descending' : 'ascending') : 'none'}>
      <button @click=${() => (active ? (this.descending = !this.descending) : ((this.sort = key), (this.descending = true)))}>
        ${label}${active ? (this.descending ? ' ▾' : ' ▴') : ''}
      </button>
    </th>`;
  }

  override render() {
    if (this.events.length === 0) return html`<div class="empty">No events match these filters.</div>`;
    const rows = this.sorted();
    const shown = this.showAll ? rows : rows.slice(0, this.limit);
    return html`<div class="wrap">
      <table>
        <thead>
          <tr>
            ${this.header('Date', 'date')} ${this.header('Type', 'type')}
            <th>Status</th>
            <th>Source → target</th>
            <th>Place</th>
            ${this.header('Killed', 'fatalities')} ${this.header('Reports', 'reports')}
          </tr>
        </thead>
        <tbody>
          ${shown.map((e) => this.row(e))}
        </tbody>
      </table>
      ${rows.length > shown.length
        ? html`<div class="more"><button @click=${() => (this.showAll = true)}>Show all ${rows.length} events</button></div>`
        : nothing}
    </div>`;
  }

  private row(e: EventRow) {
    const p = this.asOf ? placeEvent(e, this.asOf, this.standings) : null;
    const side = sideOf(e);
    return html`<tr class="clickable" tabindex="0" data-id=${e.id}
        @click=${() => this.open(e.id)} @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && this.open(e.id)}>
      <td class="date num">
        ${e.date ? fmtTimeml(e.date) : html`<span class="muted" title="no date in the text: the day it was first reported">${fmtDay(e.firstReported)}*</span>`}
      </td>
      <td class="type"><span class="swatch" style="background:${eventColor(e)}"></span> ${e.type}</td>
      <td>
        <span class="chip ${e.statusClass === 'planned' ? 'planned' : e.statusClass === 'happened' ? (side === 'cooperation' ? 'coop' : 'conflict') : e.statusClass}">${e.status}</span>
        ${p?.overdue ? html`<span class="chip overdue">overdue</span>` : p?.standing === 'fulfilled' ? html`<span class="chip ok">kept</span>` : nothing}
      </td>
      <td><span class="who">${e.source?.name ?? '—'}</span><span class="arrow">→</span><span class="who">${e.target?.name ?? '—'}</span></td>
      <td>${e.place?.name ?? html`<span class="muted">—</span>`}</td>
      <td class="num">${e.fatalities ?? ''}</td>
      <td class="num">${e.numArticles}</td>
    </tr>`;
  }

  private open(id: number): void {
    this.dispatchEvent(new CustomEvent('open-event', { detail: { id }, bubbles: true, composed: true }));
  }
}
customElements.define('event-table', EventTable);
