import { LitElement, css, html, nothing } from 'lit';
import { api, type ActorSummary, type PlaceSummary } from './api.js';
import { FILTER_KEYS, PLOVER_TYPES, STATUSES, hasFilters, type FilterKey, type Filters } from './filters.js';
import { todayIso } from './format.js';
import { shared } from './styles.js';

/**
 * The filters every view shares. A change is announced as a 'filters' event carrying the
 * fields that changed; the app writes them into the URL, which is the one source of truth.
 */
export class FilterBar extends LitElement {
  static override properties = {
    filters: { attribute: false },
    actors: { state: true },
    places: { state: true },
  };
  declare filters: Filters;
  declare actors: ActorSummary[];
  declare places: PlaceSummary[];

  constructor() {
    super();
    this.filters = {};
    this.actors = [];
    this.places = [];
  }

  static override styles = [
    shared,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 10px;
        align-items: flex-end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 2px;
        font-size: 10.5px;
        font-weight: 600;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--ink-3);
      }
      input,
      select {
        font: inherit;
        font-size: 13px;
        text-transform: none;
        letter-spacing: normal;
        font-weight: 400;
        color: var(--ink);
        height: 30px;
        padding: 3px 8px;
        border: 1px solid var(--line);
        border-radius: 5px;
        background: #fff;
        min-width: 0;
      }
      input:focus,
      select:focus {
        outline: 2px solid var(--focus);
        outline-offset: 0;
        border-color: transparent;
      }
      input.set,
      select.set {
        border-color: var(--accent);
        background: #f1f6fc;
      }
      .actor {
        width: 190px;
      }
      .place {
        width: 150px;
      }
      .text {
        width: 170px;
      }
      input[type='date'] {
        width: 138px;
      }
      .actions {
        display: flex;
        gap: 6px;
        margin-left: auto;
      }
      button {
        height: 30px;
      }
      button.apply {
        background: var(--accent);
        color: #fff;
        border-color: var(--accent);
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    // Suggestions only: a failure leaves free typing, which the API resolves by name or code.
    api.actors({ limit: 500 }).then((r) => (this.actors = r.actors), () => undefined);
    api.places({ limit: 500 }).then((r) => (this.places = r.places), () => undefined);
  }

  private change(key: FilterKey, value: string): void {
    const v = value.trim();
    if ((this.filters[key] ?? '') === v) return;
    this.dispatchEvent(new CustomEvent('filters', { detail: { [key]: v }, bubbles: true, composed: true }));
  }

  private clear(): void {
    const detail: Filters = {};
    for (const k of FILTER_KEYS) detail[k] = '';
    this.dispatchEvent(new CustomEvent('filters', { detail, bubbles: true, composed: true }));
  }

  /** Enter applies the field at once; leaving it (change) does too. */
  private onKey(key: FilterKey, e: KeyboardEvent): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      this.change(key, (e.target as HTMLInputElement).value);
    }
  }

  override render() {
    const f = this.filters;
    const input = (key: FilterKey, cls: string, placeholder: string, list?: string) =>
      html`<input class="${cls} ${f[key] ? 'set' : ''}" name=${key} .value=${f[key] ?? ''} placeholder=${placeholder} list=${list ?? nothing}
        autocomplete="off" @change=${(e: Event) => this.change(key, (e.target as HTMLInputElement).value)} @keydown=${(e: KeyboardEvent) => this.onKey(key, e)} />`;
    return html`<form role="search" aria-label="Filter events" @submit=${(e: Event) => e.preventDefault()}>
      <label>Actor ${input('actor', 'actor', 'name or code: ISIS, USAMIL…', 'actor-names')}</label>
      <label
        >Event type
        <select name="type" class=${f.type ? 'set' : ''} @change=${(e: Event) => this.change('type', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.type}>all types</option>
          <optgroup label="Cooperation">
            ${PLOVER_TYPES.slice(0, 8).map((t) => html`<option value=${t} ?selected=${f.type === t}>${t}</option>`)}
          </optgroup>
          <optgroup label="Conflict">
            ${PLOVER_TYPES.slice(8).map((t) => html`<option value=${t} ?selected=${f.type === t}>${t}</option>`)}
          </optgroup>
        </select>
      </label>
      <label
        >Status
        <select name="status" class=${f.status ? 'set' : ''} @change=${(e: Event) => this.change('status', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!f.status}>any status</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${s}</option>`)}
        </select>
      </label>
      <label>Place ${input('place', 'place', 'name or ISO3: IRQ…', 'place-names')}</label>
      <label
        >From
        <input type="date" name="from" class=${f.from ? 'set' : ''} .value=${f.from ?? ''} @change=${(e: Event) => this.change('from', (e.target as HTMLInputElement).value)} />
      </label>
      <label
        >To
        <input type="date" name="to" class=${f.to ? 'set' : ''} .value=${f.to ?? ''} @change=${(e: Event) => this.change('to', (e.target as HTMLInputElement).value)} />
      </label>
      <label>Text ${input('text', 'text', 'words in the sentence')}</label>
      <label title="The day deadlines are judged against (default today)"
        >As of
        <input type="date" name="asOf" class=${f.asOf ? 'set' : ''} .value=${f.asOf ?? todayIso()} @change=${(e: Event) => this.change('asOf', (e.target as HTMLInputElement).value)} />
      </label>
      <div class="actions">
        ${hasFilters(f) || f.asOf ? html`<button type="button" @click=${() => this.clear()}>Clear filters</button>` : nothing}
      </div>
      <datalist id="actor-names">
        ${this.actors.map((a) => html`<option value=${a.name}>${a.code ?? a.kind}</option>`)}
      </datalist>
      <datalist id="place-names">
        ${this.places.map((p) => html`<option value=${p.name}>${p.country ?? p.kind} · ${p.events} events</option>`)}
      </datalist>
    </form>`;
  }
}
customElements.define('filter-bar', FilterBar);
