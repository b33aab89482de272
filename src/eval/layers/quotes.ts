import type { GoldArticle, Located } from '../gold.js';
import type { GoldQuote } from '../gold-schema.js';
import type { Tally } from '../metrics.js';
import type { SystemOutput, SystemRecord } from '../system.js';
import { matchGreedy } from '../match.js';
import { normalizeName } from '../normalize.js';
import { clip, emptyFindings, offsetOf, show, type LayerFindings } from '../findings.js';
import { recordContains, recordText } from './spans.js';

/**
 * Direct quotes match when the system's span contains the first words of the gold quote;
 * the speaker is right when its words (text, name or role) and the gold speaker contain one
 * another, or when its actor code is the gold code.
 */
export function scoreQuotes(gold: GoldArticle, system: SystemOutput, tally: Tally): LayerFindings {
  const direct = system.quotes.filter((q) => q.direct !== false);
  const findings = { ...emptyFindings('quotes'), goldCount: gold.quotes.length, systemCount: direct.length };
  const { pairs, unmatched } = matchGreedy(gold.quotes, direct, (g, s) => recordContains(s, g.span.start));
  for (const { gold: g, system: s } of pairs) {
    if (!s) {
      tally.quotes.falseNegatives++;
      findings.misses.push({ text: g.text, at: g.span.start, detail: `speaker ${show(g.speaker)}${g.code ? ` ${g.code}` : ''}` });
      continue;
    }
    findings.matched++;
    tally.quotes.truePositives++;
    const speaker = speakerOf(s, system);
    const right = speakerRight(g, speaker);
    tally.quotesSpeaker.add(right);
    if (!right) {
      const got = speaker.words.length ? speaker.raw.join(' / ') : '(none)';
      findings.wrong.push({ text: g.text, at: g.span.start, field: 'speaker', got: `${got}${speaker.code ? ` ${show(speaker.code)}` : ''}`, want: `${show(g.speaker)}${g.code ? ` ${g.code}` : ''}` });
    }
  }
  tally.quotes.falsePositives += unmatched.length;
  for (const s of unmatched) {
    const speaker = speakerOf(s, system);
    findings.falseAlarms.push({ text: clip(recordText(s, gold.text)), at: offsetOf(s.start), detail: `speaker ${speaker.raw.length ? speaker.raw.join(' / ') : '(none)'}` });
  }
  return findings;
}

interface SpeakerView {
  /** The speaker's text, name and role as given, and normalized for comparison. */
  raw: string[];
  words: string[];
  code: unknown;
}

function speakerOf(quote: SystemRecord, system: SystemOutput): SpeakerView {
  const sp = (quote.speaker ?? {}) as SystemRecord;
  const raw = [sp.text, sp.name, sp.role].filter(Boolean).map(String);
  const words = raw.map(normalizeName).filter(Boolean);
  // The contract links the speaker to an actor; a bare `code` on the speaker is accepted too.
  const code = sp.actor ? system.actorsById.get(sp.actor)?.code : sp.code;
  return { raw, words, code };
}

function speakerRight(g: Located<GoldQuote>, speaker: SpeakerView): boolean {
  const want = normalizeName(g.speaker);
  if (speaker.words.some((w) => w === want || w.includes(want) || want.includes(w))) return true;
  return Boolean(g.code) && speaker.code === g.code;
}
