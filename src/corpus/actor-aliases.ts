import { loadLexicons } from '../layers/actors/lexicon-load.js';
import { nameKey } from './names.js';

let aliases: Map<string, string[]> | null = null;

/**
 * The canonical names (as name keys) the shipped actor lexicon gives an alias: "Daesh" and
 * "ISIL" → "islamic state", "Pentagon" → "united states department of defense". The store
 * keeps each entity under the name the actors layer gave it, so a query written with another
 * of its names reaches it through here. Read once, on first use.
 */
export function lexiconNamesFor(query: string): readonly string[] {
  aliases ??= buildAliases();
  return aliases.get(nameKey(query)) ?? [];
}

function buildAliases(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (alias: string, canonical: string) => {
    const key = nameKey(alias);
    const target = nameKey(canonical);
    if (key === target) return;
    const known = map.get(key);
    if (!known) map.set(key, [target]);
    else if (!known.includes(target)) known.push(target);
  };
  let files;
  try {
    files = loadLexicons();
  } catch {
    // A broken lexicon file stops extraction with its own message; queries still work by name and code.
    return map;
  }
  for (const file of files) {
    for (const a of file.actors ?? []) for (const alias of a.aliases) add(alias, a.name);
    for (const p of file.people ?? []) for (const alias of p.aliases ?? []) add(alias, p.name);
    for (const c of file.countries ?? []) for (const alias of c.aliases ?? []) add(alias, c.name);
  }
  return map;
}
