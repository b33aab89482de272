/** Name keys shared by entity resolution and queries. */

/** Lower case, single spaces, curly apostrophes straightened, a leading "the" dropped. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

// Arabic articles written joined to the name: al-Sudani, el-Sisi, ad-Dawla.
const ARTICLE_PREFIX = /^(?:al|el|ad|ar|as|ash|at|az|an)[-‑]/;

/** The tokens of a person's name that identify them: lower case, Arabic article prefixes dropped. */
export function personTokens(name: string): string[] {
  return nameKey(name)
    .split(/[\s]+/)
    .map((t) => t.replace(ARTICLE_PREFIX, '').replace(/[.,]/g, ''))
    .filter((t) => t.length > 0);
}

// A capitalized name, or a surname behind a lower-case Arabic article ("al-Sudani" alone).
const NAMED = /^(?:(?:al|el|ad|ar|as|ash|at|az|an)[-‑])?\p{Lu}/u;

/** A person named with a capitalized name ("Sabrina Singh", "al-Araji"), not a description ("a senior official"). */
export function isNamedPerson(kind: string, name: string): boolean {
  return kind === 'person' && NAMED.test(name);
}

/** True when every token of the shorter name is in the longer one ("Sudani" in "Mohammed Shia al-Sudani"). */
export function namesCompatible(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const pool = new Set(long);
  return short.every((t) => pool.has(t));
}
