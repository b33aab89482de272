import type { DraftEvent } from './types.js';
import { segmentAt, segmentIndexAt, type SentenceView } from './view.js';

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
    // A clause that explains the event ("wounded after a drone struck a base") may name another
    // victim; two objects of one clause ("the fight against ISIS and the attacks on Jordanian
    // forces") with victims on different sides are two events.
    const laterSegment = v.segments[segmentIndexAt(v, draft.triggers[0]!.start)]!;
    const explains = laterSegment.kind === 'relative-thing' || (laterSegment.kind === 'subordinate' && v.grammar.temporalSubordinators.has(v.norm(laterSegment.start)!));
    if (!compatible(e, draft, codeOf, !explains)) continue;
    if (personClauseBetween(v, e.triggers[0]!.start, draft.triggers[0]!.start)) continue;
    const last = e.triggers[e.triggers.length - 1]!;
    const laterKind = v.segments[segmentIndexAt(v, draft.triggers[0]!.start)]!.kind;
    const bareJoin = ((bare(e) && !e.anaphoric) || (bare(draft) && !draft.anaphoric)) && (laterKind === 'continuation' || laterKind === 'main');
    if (!sameClauseOrLinked(v, last.start, draft.triggers[0]!.start, last.pos === 'verb') && !bareJoin) continue;
    if (inParenthesis(v, e) !== inParenthesis(v, draft)) continue;
    if (afterCauseMarker(v, draft.triggers[0]!.start) !== afterCauseMarker(v, e.triggers[0]!.start) && v.segments[segmentIndexAt(v, draft.triggers[0]!.start)]!.kind !== 'relative-thing') continue;
    absorb(e, draft);
    return true;
  }
  return false;
}

/** Whether two mentions of one type can be the same event, by what their clauses say. */
export function compatible(a: DraftEvent, b: DraftEvent, codeOf: (id: string | null) => string | null, sameTarget = false): boolean {
  const as = codeOf(a.source), bs = codeOf(b.source), at = codeOf(a.target), bt = codeOf(b.target);
  if (a.sourceExplicit && b.sourceExplicit && as && bs && side(as) !== side(bs)) return false;
  // Both name the same side as target, if both name one: "the attacks on the embassy" are not the
  // attacks on the bases; "a contractor was killed and service members were wounded" may be one.
  if (sameTarget && a.targetExplicit && b.targetExplicit && at && bt && side(at) !== side(bt)) return false;
  if (as && bt && as === bt && a.sourceExplicit && b.targetExplicit && !(at && at === as)) return false;
  if (bs && at && bs === at && b.sourceExplicit && a.targetExplicit && !(bt && bt === bs)) return false;
  return true;
}

// "USA" and "USAMIL" are one side; "ISIS" and "COALITION" are each their own.
const side = (code: string) => (/^[A-Z]{6}$/.test(code) ? code.slice(0, 3) : code);

/** Folds `from` into `into`: its triggers join, and it fills what `into` lacks. */
export function absorb(into: DraftEvent, from: DraftEvent): void {
  into.triggers.push(...from.triggers);
  into.anaphoricNoun ||= from.anaphoricNoun;
  // Roles read from a clause replace guesses; a guess never travels to another event.
  if (!into.sourceExplicit && from.sourceExplicit && from.source) {
    into.source = from.source;
    into.sourceExplicit = true;
    into.sourceGuessed = false;
  } else if (!from.sourceGuessed) into.source ??= from.source;
  if (!into.targetExplicit && from.targetExplicit && from.target) {
    into.target = from.target;
    into.targetExplicit = true;
    into.targetGuessed = false;
  } else if (!from.targetGuessed) into.target ??= from.target;
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
function sameClauseOrLinked(v: SentenceView, earlier: number, later: number, earlierIsVerb: boolean): boolean {
  const a = segmentIndexAt(v, earlier);
  const b = segmentIndexAt(v, later);
  if (a === b) return true;
  const seg = v.segments[b]!;
  if (seg.kind === 'relative-thing') return true;
  // "were wounded after a drone struck the base" tells one attack; "authorized the strikes after
  // soldiers were killed" tells a reprisal: only an event verb reads its cause this way.
  if (seg.kind === 'subordinate' && v.grammar.temporalSubordinators.has(v.norm(seg.start)!)) return earlierIsVerb;
  if (seg.kind !== 'continuation' && seg.kind !== 'paren') return false;
  const first = v.norm(seg.start);
  return first === 'and' || first === 'or' || ELABORATING.has(first ?? '') || later - seg.start <= 1;
}

// An event noun with no actor of its own ("With the signing of a memorandum, X and Y agreed")
// is the event its sentence's other trigger of the same type tells with its actors.
const bare = (e: DraftEvent) => !e.sourceExplicit && !e.targetExplicit && e.triggers.every((t) => t.pos === 'noun');

// A parenthesis tells something else, unless it lists instances ("- including the attack on December 27th -").
const ELABORATING = new Set(['including', 'especially', 'notably', 'particularly', 'namely', 'such', 'among']);
const inParenthesis = (v: SentenceView, e: DraftEvent) => {
  const seg = v.segments[segmentIndexAt(v, e.triggers[0]!.start)]!;
  return seg.kind === 'paren' && !ELABORATING.has(v.norm(seg.start) ?? '');
};

/** "in retaliation for a drone attack", "in response to today's attacks and earlier ones": earlier events (the marker's clause). */
export function afterCauseMarker(v: SentenceView, start: number): boolean {
  const from = segmentAt(v, start).start;
  for (let end = start; end >= from; end--) {
    for (const seq of v.grammar.causeMarkers) {
      const from = end - seq.length;
      if (from >= v.first && seq.every((w, j) => v.norm(from + j) === w)) return true;
    }
  }
  return false;
}

function personClauseBetween(v: SentenceView, a: number, b: number): boolean {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  for (let k = lo + 1; k <= hi; k++) if (v.grammar.relativePeople.has(v.norm(k)!)) return true;
  return false;
}
