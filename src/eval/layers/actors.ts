import type { GoldArticle } from '../gold.js';
import type { Tally } from '../metrics.js';
import type { SystemOutput, SystemRecord } from '../system.js';
import { emptyFindings, type LayerFindings } from '../findings.js';

/** Actors are scored as the set of codes per article: which parties the article involves. */
export function scoreActors(gold: GoldArticle, system: SystemOutput, tally: Tally): LayerFindings {
  const wanted = new Set(gold.actors);
  const given = new Set(system.actors.map((a) => a.code).filter(Boolean));
  const findings = { ...emptyFindings('actors'), goldCount: wanted.size, systemCount: given.size };
  for (const code of wanted) {
    if (given.has(code)) {
      findings.matched++;
      tally.actors.truePositives++;
    } else {
      tally.actors.falseNegatives++;
      findings.misses.push({ text: code, at: null, detail: '' });
    }
  }
  for (const code of given) {
    if (wanted.has(code as string)) continue;
    tally.actors.falsePositives++;
    findings.falseAlarms.push({ text: String(code), at: null, detail: namesWithCode(system.actors, code) });
  }
  return findings;
}

/** Which system actors carry a code, so a wrong code can be traced to the words behind it. */
function namesWithCode(actors: readonly SystemRecord[], code: unknown): string {
  const names = actors.filter((a) => a.code === code).map((a) => String(a.name ?? a.id));
  return names.length ? `from ${names.slice(0, 4).map((n) => `"${n}"`).join(', ')}${names.length > 4 ? ' …' : ''}` : '';
}
