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
    const n = (v: number) => v.toLocaleString('en-US');
    const amount =
      q.value === null ? `≥${q.min ?? '?'} (vague)`
      : q.min !== undefined && q.max !== undefined && q.min !== q.max ? `${n(q.min)}–${n(q.max)}`
      : `${q.approx ? '~' : ''}${n(q.value)}`;
    return `${pad(`s${sentenceOf(q.start)}`, 5)}${pad(amount, 14)}${pad(q.unit ?? '-', 16)}“${q.text}”`;
  });
  section(lines, 'Places', x.places, (p) => {
    const at = p.lat === null || p.lon === null ? '-' : `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`;
    const count = `${p.mentions.length} mention${p.mentions.length === 1 ? '' : 's'}`;
    return `${pad(p.id, 5)}${pad(p.kind, 9)}${pad(p.country ?? '-', 5)}${pad(at, 18)}${p.name} (${count})`;
  });
  section(lines, 'Actors', x.actors, (actor) => {
    const count = `${actor.mentions.length} mention${actor.mentions.length === 1 ? '' : 's'}`;
    return `${pad(actor.id, 5)}${pad(actor.code ?? '(uncoded)', 11)}${pad(actor.kind, 12)}${pad(actor.country ?? '-', 5)}${actor.name} (${count})`;
  });
  section(lines, 'Quotes', x.quotes, (q) => {
    const code = q.speaker?.actor ? x.actors.find((actor) => actor.id === q.speaker?.actor)?.code : null;
    return `${pad(`s${sentenceOf(q.start)}`, 5)}${pad(q.direct ? 'direct' : 'reported', 10)}${pad(speakerLabel(q.speaker), 44)}${pad(code ?? '-', 10)}“${firstWords(q.text)}”`;
  });
  section(lines, 'Events', [...x.events].sort((a, b) => a.trigger.start - b.trigger.start), (e) => eventLines(x, e));
  return lines.join('\n') + '\n';
}

// One event: date, status, type(mode), source → target, place, toll, trigger; then its sentence.
function eventLines(x: Extraction, e: Extraction['events'][number]): string {
  const actor = (id: string | null) => {
    const found = id ? x.actors.find((a) => a.id === id) : undefined;
    return found ? `${found.name} (${found.code ?? 'uncoded'})` : '?';
  };
  const place = e.place ? (x.places.find((p) => p.id === e.place)?.name ?? e.place) : 'place unknown';
  const toll = e.fatalities === null ? '' : ` · ${e.fatalities} killed`;
  const type = `${e.type}${e.mode ? `(${e.mode})` : ''}`;
  const sentence = x.text.slice(e.sentence.start, e.sentence.end).replace(/\s+/g, ' ');
  return `${pad(e.date ?? 'no date', 11)}${pad(e.status, 13)}${pad(type, 22)}${actor(e.source)} → ${actor(e.target)} · ${place}${toll} · “${e.trigger.text}”\n      ${sentence}`;
}

// "Sabrina Singh (Pentagon spokeswoman)", "senior administration official (anonymous)".
function speakerLabel(s: Extraction['quotes'][number]['speaker']): string {
  if (!s) return '(no speaker)';
  const who = s.name ?? s.role ?? s.text ?? '?';
  const detail = s.name && s.role ? s.role : s.anonymous ? 'anonymous' : null;
  return detail ? `${who} (${detail})` : who;
}

const firstWords = (text: string, n = 8) => {
  const words = text.split(/\s+/);
  return words.length > n ? `${words.slice(0, n).join(' ')} …` : text;
};

function section<T>(lines: string[], title: string, items: readonly T[], line: (item: T) => string): void {
  lines.push('', `${title} (${items.length})`);
  if (items.length === 0) lines.push('   none found');
  for (const item of items) lines.push('   ' + line(item));
}

const pad = (s: string, n: number) => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));
