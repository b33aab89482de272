import { css } from 'lit';

/** The host of every chart: a positioning box for its tooltip and overlays. */
export const chartHostStyles = css`
  :host {
    position: relative;
  }
`;

/** A pannable svg and the zoom buttons of ZoomController, stacked at its top right. */
export const zoomControlStyles = css`
  svg {
    display: block;
    border-radius: 4px;
    cursor: grab;
    touch-action: none;
  }
  .controls {
    position: absolute;
    top: 8px;
    right: 8px;
    display: flex;
    flex-direction: column;
    gap: 4px;
    z-index: 2;
  }
  .controls button {
    width: 28px;
    height: 28px;
    padding: 0;
    justify-content: center;
    font-size: 16px;
  }
`;
