import type { EventLexicon } from './lexicon.js';
import { subjectOf } from './roles.js';
import type { DraftEvent } from './types.js';
import type { ActorMention, SentenceView } from './view.js';

/**
 * Announced intentions are events of their own in CAMEO and PLOVER: promising or announcing
 * a cooperative act is AGREE ("Finland will give Tanzania a grant", "said they would meet"),
 * announcing a hostile one, or one tied to a condition, is THREATEN ("said it would boycott",
 * "will withdraw its force unless ..."). Two readings follow:
 * - an intent trigger ("promised to", "offered to", "vowed to") whose complement is hostile
 *   becomes THREATEN;
 * - a planned event in a sentence that reports it as the actor's own announcement (a speech
 *   verb whose speaker is on the actor's side, or no other speaker) adds an AGREE or THREATEN
 *   by the same actor, unless the sentence already has one.
 */
export function announceIntentions(
  v: SentenceView,
  events: DraftEvent[],
  lex: EventLexicon,
  codeOf: (id: string | null) => string | null,
  resolve: (m: ActorMention | null) => string | null,
  quoted: (tokenIndex: number) => boolean,
): DraftEvent[] {
  const g = lex.grammar;
  for (const e of events) {
    const t = e.triggers[0]!;
    if (!t.entry.intent || e.type !== 'AGREE') continue;
    const complement = events.find((o) => o !== e && !o.mergedInto && o.triggers[0]!.start > t.end && o.triggers[0]!.start <= t.end + 4);
    if (!complement) continue;
    if (g.threateningTypes.has(complement.type)) {
      e.type = 'THREATEN';
      e.cameo = lex.types.get('THREATEN')!.cameo;
    }
    // What is promised is the promise's content, not an event of its own.
    complement.mergedInto = e;
  }

  const added: DraftEvent[] = [];
  // "will withdraw its force unless ...": a negative condition turns an announcement into a threat.
  // Read only when an announcement needs it: most sentences hold none.
  let conditional: boolean | undefined;
  const speech = speechVerbIndex(v);
  const speakerId = speech === null ? null : resolve(subjectOf(v, speech, new Set())?.mention ?? null);
  const speaker = speech === null ? null : codeOf(speakerId);
  for (const e of events) {
    if (e.status !== 'planned' || e.type === 'AGREE' || e.type === 'THREATEN' || quoted(e.triggers[0]!.start)) continue;
    // "operations will continue until 2026", "will continue to strike": keeping up what goes on announces nothing new.
    if (keepsUp(v, e)) continue;
    if (!announcedByOwnSide(v, e, speech, speaker, codeOf)) continue;
    conditional ??= hasWord(v, g.threatConditions);
    const threat = conditional || g.threateningTypes.has(e.type);
    // An announced demand, accusation or refusal is that statement itself, not a promise.
    if (!threat && lex.types.get(e.type)!.hostile) continue;
    const type = threat ? 'THREATEN' : 'AGREE';
    if (events.some((o) => o.type === type && o.status === 'reported') || added.some((o) => o.type === type)) continue;
    added.push({
      ...e,
      type,
      cameo: lex.types.get(type)!.cameo,
      mode: 'announced intent',
      status: 'reported',
      time: null,
      date: null,
      dateSource: null,
      fatalities: null,
      triggers: [e.triggers[0]!],
      anaphoric: false,
      anaphoricNoun: false,
      mergedInto: null,
    });
  }
  const blame = attributedBlame(v, events, speech, speakerId, codeOf, lex);
  if (blame) added.push(blame);
  return added;
}

/**
 * "The Secretary noted that the attacks are being carried out by militias": a statement that
 * names who did an attack is an accusation (CAMEO 112) by the speaker against the agent.
 */
function attributedBlame(v: SentenceView, events: readonly DraftEvent[], speech: number | null, speaker: string | null, codeOf: (id: string | null) => string | null, lex: EventLexicon): DraftEvent | null {
  if (speech === null || speaker === null || events.some((e) => e.type === 'ACCUSE')) return null;
  const reported = v.segments.findIndex((s) => s.start > speech);
  const violent = events.find((e) => e.type === 'ASSAULT' && e.triggers[0]!.passive && e.sourceExplicit && e.source !== null && v.segmentOf[e.triggers[0]!.start] === reported);
  if (!violent || codeOf(violent.source) === codeOf(speaker)) return null;
  return {
    ...violent,
    type: 'ACCUSE',
    cameo: lex.types.get('ACCUSE')!.cameo,
    mode: 'accuse',
    status: 'reported',
    source: speaker,
    target: violent.source,
    targetExplicit: true,
    time: null,
    date: null,
    dateSource: null,
    place: null,
    fatalities: null,
    triggers: [{ ...violent.triggers[0]!, start: speech, end: speech + 1, lemma: v.norm(speech)!, passive: false }],
    anaphoric: false,
    anaphoricNoun: false,
    mergedInto: null,
  };
}

/**
 * "No group will strike our troops with impunity", "threatened to ban voting": the act a threat
 * names is its content, not an event of its own, when it is not said to have happened.
 */
export function dropThreatContents(v: SentenceView, events: DraftEvent[], lex: EventLexicon): void {
  const threats = events.filter((e) => e.type === 'THREATEN' && !e.mergedInto);
  for (const e of events) {
    if (e.mergedInto || e.status === 'reported' || e.status === 'ongoing' || e.type === 'THREATEN' || !lex.types.get(e.type)!.hostile) continue;
    // "threatened to strike", and "warned that further attacks would ..." (the clause the threat opens).
    const own = v.segmentOf[e.triggers[0]!.start]!;
    const threat = threats.find((th) => v.segmentOf[th.triggers[0]!.start] === own || v.segments[own]!.start === th.triggers[0]!.end);
    if (threat) e.mergedInto = threat;
  }
}

function announcedByOwnSide(v: SentenceView, e: DraftEvent, speech: number | null, speaker: string | null, codeOf: (id: string | null) => string | null): boolean {
  const t = e.triggers[0]!;
  const intentWord = (() => {
    for (let k = Math.max(v.first, t.start - 6); k < t.start; k++) {
      const n = v.norm(k)!;
      if (v.grammar.intentWords.has(n)) return true;
    }
    return false;
  })();
  if (intentWord) return true;
  if (speech === null) return false;
  const source = codeOf(e.source);
  return speaker === null || source === null || speaker.slice(0, 3) === source.slice(0, 3);
}

function keepsUp(v: SentenceView, e: DraftEvent): boolean {
  const t = e.triggers[0]!;
  if (t.entry.continued) return true;
  for (let k = t.start - 1; k >= Math.max(v.first, t.start - 3); k--) if (v.grammar.continuationVerbs.has(v.norm(k)!)) return true;
  return false;
}

function speechVerbIndex(v: SentenceView): number | null {
  for (let k = v.first; k < v.end; k++) if (v.speechVerbs.has(k)) return k;
  return null;
}

function hasWord(v: SentenceView, words: ReadonlySet<string>): boolean {
  for (let k = v.first; k < v.end; k++) if (words.has(v.norm(k)!)) return true;
  return false;
}
