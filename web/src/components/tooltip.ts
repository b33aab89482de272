import { LitElement, css, html } from 'lit';

export interface TipContent {
  title: string;
  lines: string[];
  /** Left/top in pixels within the positioned parent. */
  x: number;
  y: number;
}

/** A tooltip for the charts: plain lines of text beside the pointer or the focused mark. */
export class ChartTip extends LitElement {
  static override properties = { tip: { attribute: false } };
  declare tip: TipContent | null;

  constructor() {
    super();
    this.tip = null;
  }

  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
      z-index: 5;
    }
    .tip {
      position: absolute;
      max-width: 320px;
      background: rgba(20, 27, 38, 0.94);
      color: #f4f6f9;
      font-size: 12px;
      line-height: 1.4;
      padding: 6px 9px;
      border-radius: 5px;
      box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18);
      transform: translate(12px, -50%);
      white-space: normal;
    }
    .tip.flip {
      transform: translate(calc(-100% - 12px), -50%);
    }
    b {
      display: block;
      font-weight: 600;
      margin-bottom: 2px;
    }
    div.line {
      color: #cfd6e0;
    }
  `;

  override render() {
    const t = this.tip;
    if (!t) return html``;
    const flip = t.x > (this.offsetWidth || 0) - 260;
    return html`<div class="tip ${flip ? 'flip' : ''}" role="tooltip" style="left:${t.x}px;top:${t.y}px">
      <b>${t.title}</b>${t.lines.map((l) => html`<div class="line">${l}</div>`)}
    </div>`;
  }
}
customElements.define('chart-tip', ChartTip);
