import type { Brief, Citation } from '../types.js';
import { CitationIndex, describeEvent, postureFigure, safeUrl, scopeLine, scopeTitle, sourcesCount, STANDING_LABEL, triggers } from './describe.js';

/**
 * Backslash-escapes what Markdown would read as markup (and raw HTML) in article text, and
 * folds line breaks, so a sentence stays one table cell of plain text.
 */
export function mdText(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** The brief as a Markdown document; every line ends with the numbers of the sentences it rests on. */
export function renderMarkdown(brief: Brief): string {
  const cites = new CitationIndex();
  const refs = (cs: readonly Citation[]) => cites.numbersOf(cs).map((n) => `[${n}]`).join('');
  const out: string[] = [];
  const table = (head: string[], rows: string[][]) => {
    if (rows.length === 0) return;
    out.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };
  const none = (what: string) => out.push(`_No ${what}._`, '');

  out.push(`# ${mdText(scopeTitle(brief))}`, '', mdText(scopeLine(brief)), '');

  out.push('## Summary', '');
  const s = brief.summary;
  if (s.byType.length === 0) none('events in scope');
  table(
    ['Event type', 'Happened', 'Planned', 'Negated', 'Hypothetical', 'Total', 'Examples'],
    s.byType.map((r) => [r.type, `${r.happened}`, `${r.planned}`, `${r.negated}`, `${r.hypothetical}`, `${r.total}`, refs(r.citations)]),
  );
  if (s.actors.length > 0) {
    out.push('Most active actors:', '');
    table(['Actor', 'Code', 'Events', 'Examples'], s.actors.map((r) => [mdText(r.label), mdText(r.actor.code ?? ''), `${r.count}`, refs(r.citations)]));
  }
  if (s.places.length > 0) {
    out.push('Most active places:', '');
    table(['Place', 'Kind', 'Events', 'Examples'], s.places.map((r) => [mdText(r.label), r.place.kind, `${r.count}`, refs(r.citations)]));
  }

  out.push('## Timeline', '');
  if (brief.timeline.length === 0) none('reported events');
  for (const t of brief.timeline) {
    const basis = t.dateBasis === 'text' ? '' : t.dateBasis === 'published' ? ' (publication day)' : ' (first reported)';
    const toll = t.event.fatalities !== null ? `, ${t.event.fatalities} killed` : '';
    out.push(`- **${t.date}**${basis}: ${mdText(describeEvent(t.event))}, ${mdText(triggers(t.event))}${toll} — ${sourcesCount(t.event)} ${refs(t.citations)}`);
  }
  out.push('');

  out.push('## Commitments and deadlines', '');
  if (brief.commitments.length === 0) none('commitments');
  table(
    ['Standing', 'Deadline', 'Commitment', 'First reported', 'Evidence', 'Sources'],
    brief.commitments.map((c) => [
      `**${STANDING_LABEL[c.standing]}**${c.late ? ' (late)' : ''}`,
      c.deadline ? `${c.deadline} (${c.event.date})` : '—',
      `${mdText(describeEvent(c.event))}, ${mdText(c.family)}: ${mdText(triggers(c.event))}`,
      c.event.firstReported,
      c.evidence.length === 0
        ? '—'
        : c.evidence.map((e) => `${e.reported}: ${mdText(describeEvent(e.event))}, ${mdText(triggers(e.event))} (${e.event.status}) ${refs(e.citations)}`).join('; '),
      refs(c.citations),
    ]),
  );

  out.push('## Force posture', '');
  if (brief.forcePosture.length === 0) none('troop numbers');
  table(
    ['Actor', 'Place', 'Figure', 'Date', 'Context', 'Source'],
    brief.forcePosture.map((p) => [
      mdText(p.actor?.name ?? '?'),
      mdText(p.place?.name ?? '?'),
      mdText(postureFigure(p)),
      `${p.date}${p.dateBasis === 'published' ? ' (publication day)' : ''}`,
      p.context ? `${p.context.type} ${p.context.statusClass}: “${mdText(p.context.trigger)}”` : '',
      refs(p.citations),
    ]),
  );

  out.push('## Who said what', '');
  if (brief.quotes.length === 0) none('direct quotes');
  for (const g of brief.quotes) {
    out.push(`### ${mdText(g.speaker)}${g.role && g.role !== g.speaker ? ` (${mdText(g.role)})` : ''}`, '');
    for (const q of g.quotes) out.push(`- ${q.date ?? 'undated'}: “${mdText(q.text)}” ${refs(q.citations)}`);
    out.push('');
  }

  out.push('## Contradictions', '');
  if (brief.contradictions.length === 0) none('contradictions');
  for (const c of brief.contradictions) {
    out.push(`- ${mdText(describeEvent(c.asserted))}, ${c.asserted.statusClass}: ${mdText(triggers(c.asserted))} ${refs(c.assertedCitations)}${c.sameArticle ? ' _(within one article)_' : ''}`);
    for (const n of c.negations) {
      out.push(`  - denied: ${mdText(describeEvent(n.event))}: ${mdText(triggers(n.event))} ${refs(n.citations)}${n.sameArticle ? ' (same article)' : ''}`);
    }
  }
  out.push('');

  out.push('## Sources', '');
  cites.list.forEach((c, i) => {
    const url = safeUrl(c.url);
    const head = [c.title ? `*${mdText(c.title)}*` : `article ${c.articleId}`, c.source ? mdText(c.source) : null, c.published, url ? `<${url}>` : null]
      .filter((x) => x)
      .join(', ');
    out.push(`${i + 1}. ${head}: “${mdText(c.sentence)}”`);
  });
  return `${out.join('\n').trimEnd()}\n`;
}
