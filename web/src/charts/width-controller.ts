import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The width its host element is laid out at, followed with a ResizeObserver while the host is
 * connected. Changes of two pixels or less are ignored, so a scrollbar that comes and goes does
 * not make a chart lay itself out again and again.
 */
export class WidthController implements ReactiveController {
  width: number;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    initialWidth: number,
  ) {
    this.width = initialWidth;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && Math.abs(w - this.width) > 2) {
        this.width = w;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
