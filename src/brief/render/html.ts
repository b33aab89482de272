import type { Brief, Citation } from '../types.js';
import { CitationIndex, describeEvent, postureFigure, safeUrl, scopeLine, scopeTitle, sourcesCount, STANDING_LABEL, triggers } from './describe.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text from articles is always text: every character HTML gives a meaning to is escaped. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CSS = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d232a;max-width:72rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:2px solid #d7dde3;padding-bottom:.2rem}
.meta{color:#5b6670}.none{color:#7b868f;font-style:italic}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #d7dde3;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f4f7}td.n{text-align:right;font-variant-numeric:tabular-nums}
.ref{font-size:.8em;vertical-align:super;text-decoration:none;margin-left:.1em}
.standing{font-weight:600;white-space:nowrap}.upcoming{color:#1f5fa8}.overdue-unconfirmed{color:#b04a00}.fulfilled{color:#2f7a2f}.contradicted{color:#a8201a}.no-deadline{color:#5b6670}
.trig{font-style:italic}ol.sources li{margin-bottom:.35rem}.sentence{color:#333}
ul.timeline{list-style:none;padding-left:0}ul.timeline li{margin:.25rem 0}.date{font-weight:600;font-variant-numeric:tabular-nums}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid #d7dde3}
`;

/** The brief as one self-contained HTML page (no scripts, no outside resources). */
export function renderHtml(brief: Brief): string {
  const cites = new CitationIndex();
  const refs = (cs: readonly Citation[]) => cites.numbersOf(cs).map((n) => `<a class="ref" href="#s${n}">[${n}]</a>`).join('');
  const parts: string[] = [];
  const table = (head: string[], rows: string[][], numeric: number[] = []) =>
    rows.length === 0
      ? ''
      : `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((cell, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${cell}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const none = (what: string) => `<p class="none">No ${esc(what)}.</p>`;
  const trig = (t: string) => `<span class="trig">${esc(t)}</span>`;

  parts.push(`<h1>${esc(scopeTitle(brief))}</h1><p class="meta">${esc(scopeLine(brief))}</p>`);

  const s = brief.summary;
  parts.push('<h2>Summary</h2>');
  parts.push(
    s.byType.length === 0
      ? none('events in scope')
      : table(
          ['Event type', 'Happened', 'Planned', 'Negated', 'Hypothetical', 'Total', 'Examples'],
          s.byType.map((r) => [esc(r.type), `${r.happened}`, `${r.planned}`, `${r.negated}`, `${r.hypothetical}`, `${r.total}`, refs(r.citations)]),
          [1, 2, 3, 4, 5],
        ),
  );
  if (s.actors.length > 0) {
    parts.push('<h3>Most active actors</h3>', table(['Actor', 'Code', 'Events', 'Examples'], s.actors.map((r) => [esc(r.label), esc(r.actor.code ?? ''), `${r.count}`, refs(r.citations)]), [2]));
  }
  if (s.places.length > 0) {
    parts.push('<h3>Most active places</h3>', table(['Place', 'Kind', 'Events', 'Examples'], s.places.map((r) => [esc(r.label), esc(r.place.kind), `${r.count}`, refs(r.citations)]), [2]));
  }

  parts.push('<h2>Timeline</h2>');
  if (brief.timeline.length === 0) parts.push(none('reported events'));
  else {
    parts.push('<ul class="timeline">');
    for (const t of brief.timeline) {
      const basis = t.dateBasis === 'text' ? '' : t.dateBasis === 'published' ? ' (publication day)' : ' (first reported)';
      const toll = t.event.fatalities !== null ? `, ${t.event.fatalities} killed` : '';
      parts.push(`<li><span class="date">${esc(t.date)}</span>${esc(basis)}: ${esc(describeEvent(t.event))}, ${trig(triggers(t.event))}${esc(toll)} — ${esc(sourcesCount(t.event))} ${refs(t.citations)}</li>`);
    }
    parts.push('</ul>');
  }

  parts.push('<h2>Commitments and deadlines</h2>');
  parts.push(
    brief.commitments.length === 0
      ? none('commitments')
      : table(
          ['Standing', 'Deadline', 'Commitment', 'First reported', 'Evidence', 'Sources'],
          brief.commitments.map((c) => [
            `<span class="standing ${c.standing}">${esc(STANDING_LABEL[c.standing])}${c.late ? ' (late)' : ''}</span>`,
            c.deadline ? `${esc(c.deadline)} (${esc(c.event.date ?? '')})` : '—',
            `${esc(describeEvent(c.event))}, ${esc(c.family)}: ${trig(triggers(c.event))}`,
            esc(c.event.firstReported),
            c.evidence.length === 0
              ? '—'
              : c.evidence.map((e) => `${esc(e.reported)}: ${esc(describeEvent(e.event))}, ${trig(triggers(e.event))} (${esc(e.event.status)}) ${refs(e.citations)}`).join('<br>'),
            refs(c.citations),
          ]),
        ),
  );

  parts.push('<h2>Force posture</h2>');
  parts.push(
    brief.forcePosture.length === 0
      ? none('troop numbers')
      : table(
          ['Actor', 'Place', 'Figure', 'Date', 'Context', 'Source'],
          brief.forcePosture.map((p) => [
            esc(p.actor?.name ?? '?'),
            esc(p.place?.name ?? '?'),
            esc(postureFigure(p)),
            esc(`${p.date}${p.dateBasis === 'published' ? ' (publication day)' : ''}`),
            p.context ? `${esc(`${p.context.type} ${p.context.statusClass}`)}: ${trig(`“${p.context.trigger}”`)}` : '',
            refs(p.citations),
          ]),
        ),
  );

  parts.push('<h2>Who said what</h2>');
  if (brief.quotes.length === 0) parts.push(none('direct quotes'));
  for (const g of brief.quotes) {
    parts.push(`<h3>${esc(g.speaker)}${g.role && g.role !== g.speaker ? ` <small>(${esc(g.role)})</small>` : ''}</h3>`);
    for (const q of g.quotes) parts.push(`<blockquote><span class="date">${esc(q.date ?? 'undated')}</span>: “${esc(q.text)}” ${refs(q.citations)}</blockquote>`);
  }

  parts.push('<h2>Contradictions</h2>');
  if (brief.contradictions.length === 0) parts.push(none('contradictions'));
  else {
    parts.push('<ul>');
    for (const c of brief.contradictions) {
      const denials = c.negations
        .map((n) => `<li>denied: ${esc(describeEvent(n.event))}: ${trig(triggers(n.event))} ${refs(n.citations)}${n.sameArticle ? ' (same article)' : ''}</li>`)
        .join('');
      parts.push(
        `<li>${esc(describeEvent(c.asserted))}, ${esc(c.asserted.statusClass)}: ${trig(triggers(c.asserted))} ${refs(c.assertedCitations)}${c.sameArticle ? ' <em>(within one article)</em>' : ''}<ul>${denials}</ul></li>`,
      );
    }
    parts.push('</ul>');
  }

  parts.push('<h2>Sources</h2><ol class="sources">');
  cites.list.forEach((c, i) => {
    const url = safeUrl(c.url);
    const title = esc(c.title ?? `article ${c.articleId}`);
    const head = [url ? `<a href="${esc(url)}">${title}</a>` : title, c.source ? esc(c.source) : null, c.published ? esc(c.published) : null].filter((x) => x).join(', ');
    parts.push(`<li id="s${i + 1}">${head}: <span class="sentence">“${esc(c.sentence)}”</span></li>`);
  });
  parts.push('</ol>');

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(scopeTitle(brief))}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
