import type { DraftEvent } from './types.js';
import { segmentIndexAt, type SentenceView } from './view.js';

/**
 * Several triggers of one type in a sentence usually describe one event ("launched a raid ...
 * that killed four", "discussed ... at a meeting", "advising and assisting"). They are merged
 * unless what the clause says of them differs: different sources, reversed roles, or a
 * relative clause about a person between them ("a leader ... who was linked to the murder").
 * A merged event keeps the first trigger's status and the roles each trigger found.
 */
export function mergeIntoSentence(events: DraftEvent[], draft: DraftEvent, v: SentenceView, codeOf: (id: string | null) => string | null): boolean {
  for (const e of events) {
    if (e.type !== draft.type || e.mergedInto) continue;
    if (!compatible(e, draft, codeOf)) continue;
    if (personClauseBetween(v, e.triggers[0]!.start, draft.triggers[0]!.start)) continue;
    if (!sameClauseOrLinked(v, e.triggers[e.triggers.length - 1]!.start, draft.triggers[0]!.start) && !(bare(e) || bare(draft)) ) continue;
    if (inParenthesis(v, e) !== inParenthesis(v, draft)) continue;
    absorb(e, draft);
    return true;
  }
  return false;
}

/** Whether two mentions of one type can be the same event, by what their clauses say. */
export function compatible(a: DraftEvent, b: DraftEvent, codeOf: (id: string | null) => string | null): boolean {
  const as = codeOf(a.source), bs = codeOf(b.source), at = codeOf(a.target), bt = codeOf(b.target);
  if (a.sourceExplicit && b.sourceExplicit && as && bs && side(as) !== side(bs)) return false;
  if (as && bt && as === bt && a.sourceExplicit && b.targetExplicit && !(at && at === as)) return false;
  if (bs && at && bs === at && b.sourceExplicit && a.targetExplicit && !(bt && bt === bs)) return false;
  return true;
}

// "USA" and "USAMIL" are one side; "ISIS" and "COALITION" are each their own.
const side = (code: string) => (/^[A-Z]{6}$/.test(code) ? code.slice(0, 3) : code);

/** Folds `from` into `into`: its triggers join, and it fills what `into` lacks. */
export function absorb(into: DraftEvent, from: DraftEvent): void {
  into.triggers.push(...from.triggers);
  if (!into.sourceExplicit && from.sourceExplicit && from.source) {
    into.source = from.source;
    into.sourceExplicit = true;
  } else into.source ??= from.source;
  if (!into.targetExplicit && from.targetExplicit && from.target) {
    into.target = from.target;
    into.targetExplicit = true;
  } else into.target ??= from.target;
  into.mode ??= from.mode;
  into.fatalities ??= from.fatalities;
  into.place ??= from.place;
  if (into.date === null && from.date !== null) {
    into.date = from.date;
    into.time = from.time;
    into.dateSource = from.dateSource;
  }
  from.mergedInto = into;
}

/**
 * Triggers of one event share a clause, or the later one opens a relative clause about the
 * earlier event ("a raid ... that killed"), a time clause ("wounded after a drone struck"), or
 * a coordinated clause or list item ("..., and it also injured", "Advise, Assist, and Enable"). A parenthesis or another clause in between
 * ("— a deployment the administration had tried to shut down —") is another event.
 */
function sameClauseOrLinked(v: SentenceView, earlier: number, later: number): boolean {
  const a = segmentIndexAt(v, earlier);
  const b = segmentIndexAt(v, later);
  if (a === b) return true;
  const seg = v.segments[b]!;
  if (seg.kind === 'relative-thing' || (seg.kind === 'subordinate' && v.grammar.temporalSubordinators.has(v.norm(seg.start)!))) return true;
  if (seg.kind !== 'continuation') return false;
  const first = v.norm(seg.start);
  return first === 'and' || first === 'or' || first === 'including' || first === 'especially' || later - seg.start <= 1;
}

// An event noun with no actor of its own ("With the signing of a memorandum, X and Y agreed")
// is the event its sentence's other trigger of the same type tells with its actors.
const bare = (e: DraftEvent) => !e.sourceExplicit && !e.targetExplicit && e.triggers.every((t) => t.pos === 'noun');

const inParenthesis = (v: SentenceView, e: DraftEvent) => v.segments[segmentIndexAt(v, e.triggers[0]!.start)]!.kind === 'paren';

function personClauseBetween(v: SentenceView, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let k = lo + 1; k <= hi; k++) if (v.grammar.relativePeople.has(v.norm(k)!)) return true;
  return false;
}
