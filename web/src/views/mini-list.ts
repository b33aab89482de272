import { css, html } from 'lit';
import type { EventRow } from '../api.js';
import { fmtDay, fmtTimeml } from '../format.js';
import { eventColor } from '../palette.js';

/** A compact list of events for side panels: date, type, who on whom; each opens its event. */
export function miniEventList(events: readonly EventRow[], open: (id: number) => void, limit = 40) {
  const sorted = [...events].sort((a, b) => (b.dateStart ?? b.firstReported ?? '').localeCompare(a.dateStart ?? a.firstReported ?? ''));
  return html`<ul class="mini-events">
    ${sorted.slice(0, limit).map(
      (e) => html`<li tabindex="0" role="button" data-id=${e.id} @click=${() => open(e.id)} @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && open(e.id)}>
        <span class="swatch" style="background:${eventColor(e)}"></span>
        <span class="t">${e.type}</span>
        <span class="d num">${e.date ? fmtTimeml(e.date) : fmtDay(e.firstReported)}</span>
        <span class="w">${e.source?.name ?? '?'} → ${e.target?.name ?? '—'}${e.statusClass !== 'happened' ? ` (${e.status})` : ''}</span>
      </li>`,
    )}
    ${sorted.length > limit ? html`<li class="rest muted">and ${sorted.length - limit} more</li>` : ''}
  </ul>`;
}

export const miniListStyles = css`
  ul.mini-events { list-style: none; margin: 0; padding: 0; font-size: 12.5px; }
  ul.mini-events li { display: grid; grid-template-columns: 12px auto 1fr; grid-template-rows: auto auto; column-gap: 6px;
    padding: 5px 4px; border-bottom: 1px solid var(--line-2); cursor: pointer; border-radius: 3px; }
  ul.mini-events li:hover, ul.mini-events li:focus-visible { background: #f4f8fd; }
  ul.mini-events li .swatch { margin-top: 4px; }
  ul.mini-events li .t { font-weight: 600; font-size: 11.5px; letter-spacing: .02em; }
  ul.mini-events li .d { color: var(--ink-3); text-align: right; font-size: 11.5px; }
  ul.mini-events li .w { grid-column: 2 / 4; color: var(--ink-2); }
  ul.mini-events li.rest { display: block; cursor: default; border-bottom: none; font-size: 12px; }
  ul.mini-events li.rest:hover { background: none; }
`;
