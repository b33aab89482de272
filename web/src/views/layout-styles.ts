import { css } from 'lit';

/**
 * A chart beside a 340px side panel (stacked below 1000px), and the facts list (dl) the panel
 * shows for the thing chosen in the chart.
 */
export const chartAndPanelStyles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 340px;
    gap: 12px;
    align-items: start;
  }
  @media (max-width: 1000px) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 2px 10px;
    margin: 6px 0 10px;
    font-size: 12.5px;
  }
  dt {
    color: var(--ink-3);
  }
  dd {
    margin: 0;
  }
`;
