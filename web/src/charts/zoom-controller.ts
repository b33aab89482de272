import { html, type ReactiveController, type ReactiveElement } from 'lit';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';

export interface ZoomOptions {
  /** The smallest and largest scale the user may zoom to. */
  scaleExtent: [number, number];
  /** How much one press of the + or − button scales by. */
  step: number;
  /** Called on every zoom, after the transform is updated (charts hide their tooltip). */
  onZoom?: () => void;
}

/**
 * Pan and zoom of a chart's first <svg> with d3-zoom (double-click zoom off), the current
 * transform for drawing, and the + / − / reset buttons (styled by zoomControlStyles).
 */
export class ZoomController implements ReactiveController {
  transform: ZoomTransform = zoomIdentity;
  private zoomer?: ZoomBehavior<SVGSVGElement, unknown>;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: ZoomOptions,
  ) {
    host.addController(this);
  }

  /** Binds the behaviour once the svg exists, i.e. after the first render. */
  hostUpdated(): void {
    if (this.zoomer) return;
    const svgEl = this.svg();
    if (!svgEl) return;
    this.zoomer = zoom<SVGSVGElement, unknown>()
      .scaleExtent(this.options.scaleExtent)
      .on('zoom', (ev: D3ZoomEvent<SVGSVGElement, unknown>) => {
        this.transform = ev.transform;
        this.options.onZoom?.();
        this.host.requestUpdate();
      });
    select(svgEl).call(this.zoomer).on('dblclick.zoom', null);
  }

  zoomBy(factor: number): void {
    const svgEl = this.svg();
    if (svgEl && this.zoomer) select(svgEl).call(this.zoomer.scaleBy, factor);
  }

  reset(): void {
    const svgEl = this.svg();
    if (svgEl && this.zoomer) select(svgEl).call(this.zoomer.transform, zoomIdentity);
  }

  controls() {
    const step = this.options.step;
    return html`
      <div class="controls">
        <button title="Zoom in" aria-label="Zoom in" @click=${() => this.zoomBy(step)}>+</button>
        <button title="Zoom out" aria-label="Zoom out" @click=${() => this.zoomBy(1 / step)}>−</button>
        <button title="Reset view" aria-label="Reset view" @click=${() => this.reset()}>⟲</button>
      </div>
    `;
  }

  private svg(): SVGSVGElement | null {
    return this.host.renderRoot.querySelector('svg');
  }
}
