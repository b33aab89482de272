import type { Brief, Citation, EventRef, PostureItem, Standing } from '../types.js';

/**
 * Wording shared by the Markdown and HTML renderers, as plain text: each renderer escapes it
 * for its own format.
 */

/** "American armed forces RETREAT (withdraw) in Iraq", "Joe Biden CONSULT (meeting) with Mohammed Shia al-Sudani". */
export function describeEvent(e: EventRef): string {
  const who = e.source?.name ?? 'unnamed actor';
  const what = e.mode ? `${e.type} (${e.mode})` : e.type;
  const whom = e.target ? ` → ${e.target.name}` : '';
  const where = e.place ? ` in ${e.place.name}` : '';
  return `${who} ${what}${whom}${where}`;
}

/** The words that reported it: “wind down” / “reduced”. */
export function triggers(e: EventRef): string {
  return e.triggers.map((t) => `“${t}”`).join(' / ');
}

export function sourcesCount(e: EventRef): string {
  const s = `${e.numSources} source${e.numSources === 1 ? '' : 's'}`;
  return e.numArticles === e.numSources ? s : `${s}, ${e.numArticles} articles`;
}

export const STANDING_LABEL: Record<Standing, string> = {
  upcoming: 'upcoming',
  'overdue-unconfirmed': 'overdue, unconfirmed',
  fulfilled: 'fulfilled',
  contradicted: 'contradicted',
  'no-deadline': 'no deadline',
};

/** "≈2,500 “about 2,500 troops”", "≥2,000 “thousands of troops”". */
export function postureFigure(p: PostureItem): string {
  const n = p.value !== null ? `${p.approx ? '≈' : ''}${p.value.toLocaleString('en-US')}` : p.min !== null ? `≥${p.min.toLocaleString('en-US')}` : '?';
  return `${n} “${p.text}”`;
}

export function scopeLine(brief: Brief): string {
  const parts = [`as of ${brief.options.asOf}`];
  if (brief.options.from || brief.options.to) parts.push(`window ${brief.options.from ?? '…'} to ${brief.options.to ?? '…'}`);
  const s = brief.summary;
  parts.push(`${s.articles} article${s.articles === 1 ? '' : 's'}${s.firstPublished ? ` published ${s.firstPublished} to ${s.lastPublished}` : ''}`);
  parts.push(`${s.events} event${s.events === 1 ? '' : 's'} in scope`);
  return parts.join(' · ');
}

export function scopeTitle(brief: Brief): string {
  if (!brief.scope) return 'Situation report';
  const names = [...brief.scope.actors.map((a) => a.name), ...brief.scope.places.map((p) => p.name)];
  const shown = [...new Set(names)].slice(0, 6).join(', ');
  return `Situation report: ${brief.scope.query}${shown ? ` (${shown}${names.length > 6 ? ', …' : ''})` : ''}`;
}

/**
 * Numbers the cited sentences in the order a report first uses them, so each sentence is listed
 * once at the end however many lines rest on it.
 */
export class CitationIndex {
  private readonly numbers = new Map<number, number>();
  readonly list: Citation[] = [];

  number(c: Citation): number {
    let n = this.numbers.get(c.sentenceId);
    if (n === undefined) {
      this.list.push(c);
      n = this.list.length;
      this.numbers.set(c.sentenceId, n);
    }
    return n;
  }

  numbersOf(cs: readonly Citation[]): number[] {
    return cs.map((c) => this.number(c));
  }
}

/** Only web addresses become links; anything else an article carries stays text. */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}
