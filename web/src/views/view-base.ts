import { LitElement, html, nothing, type PropertyDeclarations } from 'lit';
import type { Route } from '../router.js';
import { parseHash } from '../router.js';
import { todayIso } from '../format.js';

/**
 * A view that loads data for its route: a new route (filters, id) starts a new load and
 * cancels the one in flight, so a fast reader never sees an older answer over a newer one.
 */
export abstract class ViewBase extends LitElement {
  static override properties: PropertyDeclarations = {
    route: { attribute: false },
    loading: { state: true },
    error: { state: true },
  };
  declare route: Route;
  declare loading: boolean;
  declare error: string | null;
  private abort: AbortController | null = null;
  private loadedKey: string | null = null;

  constructor() {
    super();
    this.route = parseHash('');
    this.loading = false;
    this.error = null;
  }

  /** What the data depends on: a change of it reloads. */
  protected abstract loadKey(): string;
  protected abstract load(signal: AbortSignal): Promise<void>;

  get asOf(): string {
    return this.route.filters.asOf ?? todayIso();
  }

  protected override willUpdate(): void {
    const key = this.loadKey();
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      void this.reload();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    this.loadedKey = null;
  }

  private async reload(): Promise<void> {
    this.abort?.abort();
    const controller = new AbortController();
    this.abort = controller;
    this.loading = true;
    this.error = null;
    try {
      await this.load(controller.signal);
    } catch (e) {
      if (!controller.signal.aborted) this.error = e instanceof Error ? e.message : String(e);
    } finally {
      if (this.abort === controller) this.loading = false;
    }
  }

  protected status(hasData: boolean) {
    if (this.error) return html`<div class="error" role="alert">Could not load: ${this.error}</div>`;
    if (this.loading && !hasData) return html`<div class="loading" aria-live="polite">Loading…</div>`;
    return nothing;
  }

  protected emit(name: string, detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}
