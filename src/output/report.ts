import type { Extraction } from './json.js';

/**
 * The human-readable report of one extraction: a header, then one section per layer that
 * found something, items in text order, each with its resolved value and its sentence
 * number so the reader can find the evidence.
 */
export function formatReport(x: Extraction): string {
  const sentenceOf = (offset: number) => 1 + x.sentences.findIndex((s) => offset >= s.start && offset < s.end);
  const lines: string[] = [];
  const a = x.article;
  lines.push(`== ${a.id}${a.title ? ` — ${a.title}` : ''}`);
  lines.push(`   published ${a.published ?? 'unknown (relative dates left unresolved)'}${a.source ? ` · ${a.source}` : ''}${a.url ? ` · ${a.url}` : ''}`);
  lines.push(`   ${x.sentences.length} sentences, ${x.text.length} characters`);

  section(lines, 'Times', x.times, (t) => `${pad(`s${sentenceOf(t.start)}`, 5)}${pad(t.type, 9)}${pad(t.value ?? '(unresolved)', 14)}“${t.text}”`);
  section(lines, 'Quantities', x.quantities, (q) => {
    const amount = q.value === null ? `≥${q.min ?? '?'} (vague)` : `${q.approx ? '~' : ''}${q.value.toLocaleString('en-US')}`;
    return `${pad(`s${sentenceOf(q.start)}`, 5)}${pad(amount, 14)}${pad(q.unit ?? '-', 16)}“${q.text}”`;
  });
  return lines.join('\n') + '\n';
}

function section<T>(lines: string[], title: string, items: readonly T[], line: (item: T) => string): void {
  lines.push('', `${title} (${items.length})`);
  if (items.length === 0) lines.push('   none found');
  for (const item of items) lines.push('   ' + line(item));
}

const pad = (s: string, n: number) => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));
