import type { Doc } from '../../doc/document.js';
import type { Offsets } from '../../doc/span.js';
import { prepositionBefore } from './roles.js';
import type { DraftEvent, PloverType } from './types.js';
import type { ActorMention, SentenceView } from './view.js';

/**
 * What the article has said so far, for pronouns: "we" and "our" are the speaker of the
 * quote they are in (outside quotes, the article's voice: its first actor); "it", "they",
 * "he" are the subject just before them in the sentence, else the previous sentence's
 * subject; "both leaders", "the two sides" are the participants of the last meeting or call.
 */
export class Discourse {
  private previousSubject: string | null = null;
  private lastConsult: DraftEvent | null = null;
  /** The armed force named last ("the U.S. military mission"), for "the deployment" without an owner. */
  private lastForce: string | null = null;
  private readonly forces: ReadonlySet<string>;
  /** Who carried out the last hostile act told with its author, for "the attackers". */
  private lastAssailant: string | null = null;
  private readonly author: string | null;
  private readonly quotes: { span: Offsets; speaker: string | null }[];
  // Cut only when a pronoun or a guess asks: most articles never need them.
  private regions: Offsets[] | null = null;

  constructor(private readonly doc: Doc, forceCodes: ReadonlySet<string> = new Set(), private readonly isHostile: (type: PloverType) => boolean = () => false) {
    this.author = firstActor(doc);
    this.forces = new Set(doc.layers.actors.filter((a) => a.kind === 'military' || (a.code !== null && forceCodes.has(a.code))).map((a) => a.id));
    this.quotes = doc.layers.quotes.filter((q) => q.direct).map((q) => ({ span: q, speaker: q.speaker?.actor ?? null }));
  }

  private get quoteRegions(): Offsets[] {
    return (this.regions ??= quotationRegions(this.doc.text));
  }

  /** The actor a mention stands for; pronouns are resolved here. */
  resolve(m: ActorMention | null, v: SentenceView): string | null {
    if (!m) return null;
    if (m.pronoun === null) return m.actor;
    if (m.pronoun === 'speaker') return this.speakerAt(this.doc.tokens[m.t0]!.start);
    if (m.pronoun === 'group' && this.lastConsult?.source) return this.lastConsult.source;
    return this.antecedent(m, v);
  }

  /** For "they" or "both leaders" as the subject of a two-sided event: the other participant of the last meeting. */
  groupPartner(m: ActorMention | null): string | null {
    if (!m || m.pronoun !== 'group' || !this.lastConsult) return null;
    return this.lastConsult.target;
  }

  /**
   * The other participant of the last meeting or call, for a two-sided event with no stated
   * partner ("the incident is being jointly investigated" after a call with Baghdad).
   */
  partnerOf(source: string | null, codeOf: (id: string | null) => string | null): string | null {
    const c = this.lastConsult;
    if (!c || !c.source || !c.target) return null;
    const side = (id: string | null) => codeOf(id)?.slice(0, 3) ?? null;
    if (source === null || side(source) === side(c.source)) return c.target;
    if (side(source) === side(c.target)) return c.source;
    return null;
  }

  speakerAt(offset: number): string | null {
    const quote = this.quotes.find((q) => q.span.start <= offset && offset < q.span.end);
    if (quote) return quote.speaker;
    if (this.quoteRegions.some((r) => r.start <= offset && offset < r.end)) return null;
    return this.author;
  }

  /**
   * "exchanged fire with the attackers": the author of the last hostile act told with its author,
   * in the sentence before token \`at\`, else in an earlier sentence.
   */
  assailantBefore(at: number, sentenceEvents: readonly DraftEvent[]): string | null {
    let last: string | null = null;
    for (const e of sentenceEvents) if (!e.mergedInto && e.triggers[0]!.start < at) last = assailantOf(e, this.isHostile) ?? last;
    return last ?? this.lastAssailant;
  }

  inQuote(offset: number): boolean {
    return this.quotes.some((q) => q.span.start <= offset && offset < q.span.end) || this.quoteRegions.some((r) => r.start <= offset && offset < r.end);
  }

  /** The last armed force named before token `at` of the sentence, else in an earlier sentence. */
  forceBefore(v: SentenceView, at: number): string | null {
    let last: string | null = null;
    for (const m of v.mentions) if (m.t1 <= at && m.actor !== null && this.forces.has(m.actor)) last = m.actor;
    return last ?? this.lastForce;
  }

  private rememberForces(mentions: readonly ActorMention[]): void {
    for (const m of mentions) if (m.actor !== null && this.forces.has(m.actor)) this.lastForce = m.actor;
  }

  private antecedent(m: ActorMention, v: SentenceView): string | null {
    let best: ActorMention | null = null;
    for (const o of v.mentions) {
      if (o.t1 > m.t0) break;
      if (o.pronoun === null && prepositionBefore(v, o, NO_TOKENS) === null) best ??= o;
    }
    return best?.actor ?? this.previousSubject;
  }

  /** Called after each sentence: remembers its subject and its last meeting or call. */
  /**
   * After a sentence with no event: its subject is the first actor not after a preposition
   * (a lighter reading than the clause analysis, for the many sentences without triggers).
   */
  afterQuietSentence(doc: Doc, mentions: readonly ActorMention[], prepositions: ReadonlySet<string>, first: number): void {
    const subject = mentions.find((m) => m.pronoun === null && !(m.t0 > first && prepositions.has(doc.tokens[m.t0 - 1]!.norm)));
    if (subject) this.previousSubject = subject.actor;
    this.rememberForces(mentions);
  }

  afterSentence(v: SentenceView, events: readonly DraftEvent[]): void {
    const subject = v.mentions.find((m) => m.pronoun === null && prepositionBefore(v, m, NO_TOKENS) === null);
    if (subject) this.previousSubject = subject.actor;
    for (const e of events) if (e.type === 'CONSULT' && e.status === 'reported' && e.source && !e.mergedInto) this.lastConsult = e;
    for (const e of events) if (!e.mergedInto) this.lastAssailant = assailantOf(e, this.isHostile) ?? this.lastAssailant;
    this.rememberForces(v.mentions);
  }
}

function assailantOf(e: DraftEvent, isHostile: (type: PloverType) => boolean): string | null {
  return e.sourceExplicit && e.source !== null && isHostile(e.type) ? e.source : null;
}

function firstActor(doc: Doc): string | null {
  let best: { id: string; at: number } | null = null;
  for (const a of doc.layers.actors) for (const m of a.mentions) if (!best || m.start < best.at) best = { id: a.id, at: m.start };
  return best?.id ?? null;
}

// No token is a trigger: for subjects read outside any event.
const NO_TOKENS: ReadonlySet<number> = new Set();

const NEWLINE = 10;
const STRAIGHT_QUOTE = 34;
const LEFT_QUOTE = 0x201c;
const RIGHT_QUOTE = 0x201d;

// Text between quotation marks, per paragraph: curly quotes open and close, straight ones toggle.
function quotationRegions(text: string): Offsets[] {
  const regions: Offsets[] = [];
  let open = -1;
  // Character codes, not one-character strings: this runs over every character of the article.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE && open >= 0 && text.charCodeAt(i + 1) === NEWLINE) {
      regions.push({ start: open, end: i });
      open = -1;
    } else if (c === LEFT_QUOTE || (c === STRAIGHT_QUOTE && open < 0)) open = i + 1;
    else if ((c === RIGHT_QUOTE || c === STRAIGHT_QUOTE) && open >= 0) {
      regions.push({ start: open, end: i });
      open = -1;
    }
  }
  return regions;
}
