import type { ArticleResult, EvalResult } from './evaluate.js';
import type { Finding, LayerFindings, WrongField } from './findings.js';

/** "problem: …" lines, then one "name value" line per figure, as the reference scorer prints them. */
export function formatFigures(result: EvalResult): string {
  const lines = result.problems.map((p) => `problem: ${p}`);
  for (const [name, value] of Object.entries(result.figures)) lines.push(`${name} ${value}`);
  return lines.join('\n') + '\n';
}

/** One JSON object: the figures, the problem list, and with `byArticle` the findings of every article. */
export function formatJson(result: EvalResult, byArticle: boolean): string {
  const out: Record<string, unknown> = { ...result.figures, problem_list: result.problems };
  if (byArticle) out.articles = result.articles;
  return JSON.stringify(out) + '\n';
}

/**
 * What went wrong, grouped by article then layer: gold items missed, system items the gold
 * does not have, and matched items with a wrong field, each with its offset and words.
 */
export function formatByArticle(result: EvalResult): string {
  return result.articles.map(formatArticle).join('\n') + '\n';
}

function formatArticle(a: ArticleResult): string {
  const lines = [`== ${a.article}  (${a.goldFile})`];
  for (const p of a.problems) lines.push(`   problem: ${p}`);
  for (const layer of a.layers) {
    lines.push(`   ${pad(layer.layer, 11)}${summary(layer)}`);
    // Codes have no words or offsets to show: one line of them reads faster than a column.
    if (layer.layer === 'actors' && layer.misses.length) lines.push(`     ${pad('missed', 7)}${pad('', 7)}${layer.misses.map((m) => m.text).join(', ')}`);
    else for (const m of inTextOrder(layer.misses)) lines.push(findingLine('missed', m));
    for (const f of inTextOrder(layer.falseAlarms)) lines.push(findingLine('false', f));
    for (const w of inTextOrder(layer.wrong)) lines.push(wrongLine(w));
  }
  return lines.join('\n');
}

function summary(l: LayerFindings): string {
  const counts = `gold ${l.goldCount}, system ${l.systemCount}, matched ${l.matched}`;
  const faults = [
    l.misses.length ? `${l.misses.length} missed` : '',
    l.falseAlarms.length ? `${l.falseAlarms.length} false alarm${l.falseAlarms.length > 1 ? 's' : ''}` : '',
    l.wrong.length ? `${l.wrong.length} wrong field${l.wrong.length > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  return `${counts} — ${faults.length ? faults.join(', ') : 'all right'}`;
}

/** Items with offsets in text order; items without (places, actors) keep their order. */
function inTextOrder<T extends { at: number | null }>(items: readonly T[]): T[] {
  return items.every((i) => i.at !== null) ? [...items].sort((a, b) => a.at! - b.at!) : [...items];
}

const at = (offset: number | null) => pad(offset === null ? '' : `@${offset}`, 7);

function findingLine(kind: string, f: Finding): string {
  return `     ${pad(kind, 7)}${at(f.at)}${pad(`"${f.text}"`, 34)}${f.detail}`.trimEnd();
}

function wrongLine(w: WrongField): string {
  return `     ${pad('wrong', 7)}${at(w.at)}${pad(`"${w.text}"`, 34)}${w.field} got ${w.got}, want ${w.want}${w.systemText !== undefined ? ` (system span "${w.systemText}")` : ''}`;
}

const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length));
