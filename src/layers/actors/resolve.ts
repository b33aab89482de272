import type { Actor } from '../../doc/layers.js';
import type { Candidate, PersonCandidate, SectorCandidate } from './candidates.js';
import { countryOfCode, type CompiledLexicon, type Title } from './compile.js';
import type { ActorKind } from './lexicon-schema.js';
import type { ArticleContext } from './article-context.js';
import { codeBody, codeByHome, codePersonMention, codeSector, kindOfSector, sectorName } from './coding.js';

interface ActorRecord {
  key: string;
  code: string | null;
  kind: ActorKind;
  country: string | null;
  name: string;
  first: number;
  /** Token of the latest mention so far (text order). */
  last: number;
  mentions: { start: number; end: number }[];
}

/**
 * Codes every candidate, links short forms to what they stand for ("Ms. Singh", "the
 * Secretary", "the official", "the terror group", "the contractor") and groups the mentions
 * into one actor each.
 */
export class ActorResolver {
  private readonly records = new Map<string, ActorRecord>();
  private readonly personBySurname = new Map<string, ActorRecord>();
  private readonly personByTitle = new Map<string, ActorRecord>();
  private readonly byHead = new Map<string, ActorRecord>();
  private readonly anonymous: { singular: ActorRecord | null; plural: ActorRecord | null } = { singular: null, plural: null };
  private lastArmedGroup: ActorRecord | null = null;
  /** The latest named body of each kind. */
  private readonly lastNamedOfKind = new Map<ActorKind, ActorRecord>();
  private readonly appositionCode = new Map<PersonCandidate, string | null>();
  private readonly recordOfPerson = new Map<PersonCandidate, ActorRecord>();

  /** The codes unnamed partner forces take (SYRREB, IRQMIL): sides of the state, not "the militants". */
  private readonly partnerCodes: ReadonlySet<string>;

  constructor(private readonly lex: CompiledLexicon, private readonly ctx: ArticleContext, private readonly text: string) {
    this.partnerCodes = new Set(lex.partnerCodes.values());
  }

  resolve(candidates: readonly Candidate[]): Actor[] {
    this.foldAppositions(candidates);
    for (const c of candidates) {
      switch (c.type) {
        case 'named': {
          const key = `n:${c.actor.name}`;
          const r = this.records.get(key) ?? this.add(key, c.token, c.actor.code, c.actor.kind, c.actor.country, c.actor.name);
          this.mention(r, c);
          this.lastNamedOfKind.set(r.kind, r);
          if (c.actor.kind === 'armed_group') this.noteArmedGroup(r);
          break;
        }
        case 'state': {
          const code = c.capital ? `${c.country}GOV` : c.country;
          const key = `c:${code}`;
          const r = this.records.get(key) ?? this.add(key, c.token, code, c.capital ? 'government' : 'state', c.country, sectorName(code, c.country, this.lex));
          this.mention(r, c);
          break;
        }
        case 'sector':
          this.sector(c);
          break;
        case 'person':
          this.person(c);
          break;
        case 'partner': {
          // Where the sentence places them, else where the article is set.
          const sentencePlaces = this.ctx.placesBySentence.get(c.sentence) ?? [];
          const where = sentencePlaces.length > 0 ? sentencePlaces : this.ctx.setting ? [this.ctx.setting] : [];
          const codes = where.map((p) => this.lex.partnerCodes.get(p) ?? (c.local ? p + 'MIL' : null)).filter((x): x is string => !!x);
          if (codes.length === 0) this.mention(this.records.get(PARTNER_KEY) ?? this.add(PARTNER_KEY, c.token, null, 'military', null, 'partner forces'), c);
          for (const code of new Set(codes)) {
            const country = countryOfCode(code, this.lex.countries);
            const kind = kindOfSector(country ? code.slice(country.length) : code, 'military');
            const key = `c:${code}`;
            this.mention(this.records.get(key) ?? this.add(key, c.token, code, kind, country, sectorName(code, country, this.lex)), c);
          }
          break;
        }
        case 'groupRef':
          if (this.lastArmedGroup) this.mention(this.lastArmedGroup, c);
          break;
        case 'backRef': {
          const earlier = this.pointedAt(c.word);
          if (earlier) this.mention(earlier, c);
          break;
        }
      }
    }
    return this.actors();
  }

  /**
   * "the group", "the militants" point at the latest armed group named, except that a partner
   * force fighting beside the state ("the Syrian Democratic Forces", coded as partner forces
   * are) does not displace the group it fights: writers call their enemy "the militants".
   */
  private noteArmedGroup(r: ActorRecord): void {
    const partner = r.code !== null && this.partnerCodes.has(r.code);
    if (partner && this.lastArmedGroup && this.lastArmedGroup !== r && !(this.lastArmedGroup.code !== null && this.partnerCodes.has(this.lastArmedGroup.code))) return;
    this.lastArmedGroup = r;
  }

  /** "Gen. Michael Kurilla, commander of U.S. Central Command": the role codes the person and folds into it. */
  private foldAppositions(candidates: readonly Candidate[]): void {
    for (const p of candidates) {
      if (p.type !== 'person' || !p.name || !p.apposition) continue;
      const inside = candidates.filter((c) => c.token >= p.apposition!.from && c.token < p.apposition!.to);
      const role = inside.find((c): c is PersonCandidate => c.type === 'person' && c.name === null);
      if (!role) {
        // "Abu Halil, an ISIS senior official": an unnamed official in apposition is the person.
        const official = inside[0];
        if (official?.type === 'sector' && official.head.anonymous && !official.head.plural) {
          official.foldedInto = p;
          // "an official at the State Department": the body named after the unnamed official.
          const code = codeSector(official, this.ctx, []).code ?? bodyAfter(inside, official.token, official.head.sector, this.ctx);
          if (code) this.appositionCode.set(p, code);
        }
        continue;
      }
      role.foldedInto = p;
      let code = codePersonMention(role);
      // "the commanding general who heads the U.S.-led ... task force": the first body named after the role.
      code ??= bodyAfter(inside, role.token, role.titles[0]!.sector, this.ctx);
      if (code) this.appositionCode.set(p, code);
    }
  }

  private sector(c: SectorCandidate): void {
    if (c.foldedInto) {
      const r = this.recordOfPerson.get(c.foldedInto);
      if (r) this.mention(r, c);
      return;
    }
    const head = c.head;
    const bare = !c.country && !c.named && !c.person;
    const headKey = head.phrase.replace(FINAL_S, '');
    if (bare && c.definite && c.backRef) {
      // "the army said" after "the Sudanese army": the latest body called so.
      const earlier = this.pointedAt(c.backRef);
      if (earlier) {
        this.mention(earlier, c);
        return;
      }
    }
    if (bare && c.definite) {
      // "the contractor", "the official", "the government": the one named just before.
      const earlier = head.anonymous && c.description === head.phrase ? (head.plural ? this.anonymous.plural : this.anonymous.singular) : this.byHead.get(headKey);
      if (earlier) {
        this.mention(earlier, c);
        return;
      }
    }
    const coded = codeSector(c, this.ctx, this.ctx.placesBySentence.get(c.sentence) ?? []);
    if (!coded.code && !head.anonymous) return;
    let r: ActorRecord;
    if (head.anonymous) {
      const kind: ActorKind = head.plural ? coded.kind : 'person';
      const key = `an:${c.description}`;
      r = this.records.get(key) ?? this.add(key, c.token, coded.code, kind, coded.country, this.text.slice(c.start, c.end));
      if (head.plural) this.anonymous.plural = r;
      else this.anonymous.singular = r;
    } else if (coded.inheritedFrom) {
      const key = `n:${coded.inheritedFrom}`;
      r = this.records.get(key) ?? this.add(key, c.token, coded.code, coded.kind, coded.country, coded.inheritedFrom);
      this.lastNamedOfKind.set(r.kind, r);
      if (coded.kind === 'armed_group') this.noteArmedGroup(r);
    } else {
      const key = `c:${coded.code}`;
      r = this.records.get(key) ?? this.add(key, c.token, coded.code, coded.kind, coded.country, sectorName(coded.code, coded.country, this.lex));
      if (coded.kind === 'armed_group' && !c.country) this.lastArmedGroup ??= r;
    }
    this.mention(r, c);
    this.byHead.set(headKey, r);
  }

  private person(c: PersonCandidate): void {
    if (c.foldedInto) {
      const r = this.recordOfPerson.get(c.foldedInto);
      if (r) {
        this.mention(r, c);
        for (const t of c.titles) this.personByTitle.set(titleKey(t), r);
      }
      return;
    }
    if (c.name === null) return this.role(c);
    const linked = c.known ? this.personBySurname.get(c.known.name.toLowerCase()) : this.personBySurname.get(c.lookup);
    const key = linked?.key ?? personKey(c);
    const own = this.appositionCode.get(c) ?? codePersonMention(c);
    const r = this.records.get(key) ?? this.add(key, c.token, null, 'person', null, c.known?.name ?? c.name!);
    r.code = own ?? r.code ?? c.known?.code ?? codeByHome(c, this.ctx);
    r.country = countryOfCode(r.code, this.lex.countries);
    this.mention(r, c);
    this.recordOfPerson.set(c, r);
    for (const k of c.surnames) if (!this.personBySurname.has(k)) this.personBySurname.set(k, r);
    if (c.known) this.personBySurname.set(c.known.name.toLowerCase(), r);
    for (const t of c.titles) this.personByTitle.set(titleKey(t), r);
  }

  /** A title without a name: "the Secretary", "Prime Minister", "the Iraqi prime minister", "a CENTCOM spokesman". */
  private role(c: PersonCandidate): void {
    const title = c.titles[c.titles.length - 1]!;
    let own: string | null = null;
    for (const b of c.bodies) own ??= codeBody(b, title.sector);
    own ??= c.titles.find((t) => t.country) ? title.country + title.sector : null;
    const earlier = this.personByTitle.get(titleKey(title));
    if (earlier && (own === null || earlier.code === own)) {
      this.mention(earlier, c);
      return;
    }
    if (!own) {
      if (!title.office || !(c.definite || c.capitalized)) return;
      own = codeByHome(c, this.ctx);
      if (!own) return;
    }
    const code = own;
    const key = `r:${code}:${title.group}`;
    const r = this.records.get(key) ?? this.add(key, c.token, code, 'person', countryOfCode(code, this.lex.countries), this.text.slice(c.start, c.end));
    this.mention(r, c);
    this.personByTitle.set(titleKey(title), r);
  }

  /** The body "the <word>" points back at: the latest whose name or mention holds the word, else the latest named body of the kinds allowed. */
  private pointedAt(word: string): ActorRecord | null {
    // Back-references are rare: the records are searched only when one is met.
    let best: ActorRecord | null = null;
    for (const r of this.records.values()) {
      if (r.code === null || r.kind === 'person' || r.mentions.length === 0 || (best && r.last <= best.last)) continue;
      if (holdsWord(r.name, word) || r.mentions.some((m) => holdsWord(this.text.slice(m.start, m.end), word))) best = r;
    }
    if (best) return best;
    for (const kind of this.lex.backReferences.get(word)?.kinds ?? []) {
      const r = this.lastNamedOfKind.get(kind);
      if (r && (!best || r.last > best.last)) best = r;
    }
    return best;
  }

  /** A new record, first seen at `token`. Callers look the key up first and build the name only when it is new. */
  private add(key: string, token: number, code: string | null, kind: ActorKind, country: string | null, name: string): ActorRecord {
    const r: ActorRecord = { key, code, kind, country, name, first: token, last: token, mentions: [] };
    this.records.set(key, r);
    return r;
  }

  private mention(r: ActorRecord, c: { start: number; end: number; token: number }): void {
    r.first = Math.min(r.first, c.token);
    r.last = Math.max(r.last, c.token);
    r.mentions.push({ start: c.start, end: c.end });
  }

  private actors(): Actor[] {
    const list: ActorRecord[] = [];
    for (const r of this.records.values()) if (r.mentions.length > 0) list.push(r);
    sortStably(list, byFirst);
    return list.map((r, i) => {
      sortStably(r.mentions, byPosition);
      const mentions: Actor['mentions'] = [];
      // Sorted, a repeated span follows its twin.
      for (let k = 0; k < r.mentions.length; k++) {
        const m = r.mentions[k]!;
        const previous = r.mentions[k - 1];
        if (previous && previous.start === m.start && previous.end === m.end) continue;
        mentions.push({ start: m.start, end: m.end, text: this.text.slice(m.start, m.end) });
      }
      return { id: `a${i + 1}`, name: r.name, code: r.code, kind: r.kind, country: r.country, mentions };
    });
  }
}

/** The code of the first body named after `token` in an apposition: a named body, a state with the role's sector, a country's part. */
function bodyAfter(inside: readonly Candidate[], token: number, sector: string, ctx: ArticleContext): string | null {
  for (const c of inside) {
    if (c.token <= token) continue;
    let code: string | null = null;
    if (c.type === 'named') code = c.actor.code;
    else if (c.type === 'state') code = c.country + sector;
    else if (c.type === 'sector' && (c.named || c.country)) code = codeSector(c, ctx, []).code;
    if (code) return code;
  }
  return null;
}

const PARTNER_KEY = 'u:partner forces';
const FINAL_S = /s$/;

const byFirst = (a: ActorRecord, b: ActorRecord): number => a.first - b.first;

/** Array.sort (stable), skipped when the items are in order already, as most are: sort copies them all. */
function sortStably<T>(items: T[], order: (a: T, b: T) => number): void {
  for (let i = 1; i < items.length; i++) {
    if (order(items[i - 1]!, items[i]!) > 0) {
      items.sort(order);
      return;
    }
  }
}

const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }): number => a.start - b.start || a.end - b.end;

const LETTER = /\p{L}/u;

/** Whether `text` holds `word` (lower case) as a whole word: "Africa Command" holds "command". */
function holdsWord(text: string, word: string): boolean {
  const lower = text.toLowerCase();
  for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + 1)) {
    const before = i > 0 ? lower[i - 1]! : ' ';
    const after = i + word.length < lower.length ? lower[i + word.length]! : ' ';
    if (!LETTER.test(before) && !LETTER.test(after)) return true;
  }
  return false;
}

/** Titles answer to their short form: "the secretary" finds the Secretary of State. */
const titleKey = (t: Title): string => t.short ?? `group ${t.group}`;

const personKey = (c: PersonCandidate): string => `p:${(c.known?.name ?? c.name ?? '').toLowerCase()}`;
