import { css } from 'lit';

/** Building blocks every view shares: panels, chips, tables, buttons, focus rings. */
export const shared = css`
  :host {
    display: block;
    font: inherit;
    color: var(--ink);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--accent);
    text-decoration: none;
  }
  a:hover {
    text-decoration: underline;
  }
  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 2px;
    border-radius: 3px;
  }
  h1,
  h2,
  h3 {
    margin: 0;
    font-weight: 600;
    letter-spacing: -0.01em;
  }
  h2 {
    font-size: 15px;
  }
  h3 {
    font-size: 13px;
  }
  .panel {
    background: var(--panel);
    border: 1px solid var(--line);
    border-radius: var(--radius);
    padding: 12px 14px;
    min-width: 0;
  }
  .panel > header {
    display: flex;
    align-items: baseline;
    gap: 8px;
    margin-bottom: 8px;
  }
  .panel > header .sub {
    color: var(--ink-3);
    font-size: 12px;
  }
  .panel > header .spacer {
    flex: 1;
  }
  .muted {
    color: var(--ink-3);
  }
  .small {
    font-size: 12px;
  }
  .num {
    font-variant-numeric: tabular-nums;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 7px;
    border-radius: 999px;
    font-size: 11.5px;
    font-weight: 600;
    line-height: 18px;
    white-space: nowrap;
    background: var(--line-2);
    color: var(--ink-2);
    border: 1px solid transparent;
  }
  .chip.coop {
    background: #e3eefa;
    color: #1d4f86;
  }
  .chip.conflict {
    background: #fbe7e4;
    color: #9b2c20;
  }
  .chip.planned {
    background: #efe7fa;
    color: #5b3591;
  }
  .chip.overdue {
    background: #fde9dc;
    color: #b03b05;
    border-color: #f5b58f;
  }
  .chip.ok {
    background: #e3f4ea;
    color: #22643f;
  }
  .chip.negated,
  .chip.hypothetical {
    background: #f1f2f4;
    color: #5c6470;
    border-color: #d7dbe1;
  }
  .chip.code {
    font-family: var(--mono);
    font-weight: 500;
    background: #f1f3f6;
    color: #3b4553;
  }
  .swatch {
    display: inline-block;
    flex-shrink: 0;
    width: 10px;
    height: 10px;
    border-radius: 50%;
    vertical-align: -1px;
  }
  button,
  .button {
    font: inherit;
    font-size: 12.5px;
    border: 1px solid var(--line);
    background: #fff;
    color: var(--ink);
    border-radius: 5px;
    padding: 4px 10px;
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  button:hover,
  .button:hover {
    background: #f5f7fa;
    text-decoration: none;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--accent);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 12.5px;
  }
  th {
    text-align: left;
    font-weight: 600;
    color: var(--ink-2);
    font-size: 11.5px;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    border-bottom: 1px solid var(--line);
    padding: 6px 8px;
    position: sticky;
    top: 0;
    background: #fafbfc;
    z-index: 1;
  }
  td {
    border-bottom: 1px solid var(--line-2);
    padding: 5px 8px;
    vertical-align: top;
  }
  tbody tr.clickable {
    cursor: pointer;
  }
  tbody tr.clickable:hover,
  tbody tr.clickable:focus-visible {
    background: #f4f8fd;
  }
  .empty {
    padding: 24px;
    text-align: center;
    color: var(--ink-3);
  }
  .error {
    padding: 12px 14px;
    border: 1px solid #f3c1b9;
    background: #fdf1ef;
    color: #8f2d20;
    border-radius: var(--radius);
  }
  .loading {
    color: var(--ink-3);
    padding: 16px;
  }
  svg text {
    font-family: var(--font);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 14px;
    font-size: 12px;
    color: var(--ink-2);
    align-items: center;
  }
  .legend span {
    display: inline-flex;
    align-items: center;
    gap: 5px;
  }
  mark {
    background: none;
    color: inherit;
  }
`;
