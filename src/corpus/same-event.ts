import { z } from 'zod';
import { loadKnowledge } from '../knowledge.js';

const schema = z.object({
  symmetricTypes: z.object({ list: z.array(z.string()) }),
  stateBodies: z.object({ list: z.array(z.string()) }),
});

interface SameEventKnowledge {
  symmetricTypes: ReadonlySet<string>;
  stateBodies: ReadonlySet<string>;
}

let cached: SameEventKnowledge | undefined;

/** knowledge/same-event.json: one rule for the corpus's merging and the brief's corroboration. */
function knowledge(): SameEventKnowledge {
  if (cached) return cached;
  const k = schema.parse(loadKnowledge<unknown>('same-event.json'));
  cached = { symmetricTypes: new Set(k.symmetricTypes.list), stateBodies: new Set(k.stateBodies.list) };
  return cached;
}

/** An actor as far as its coding tells who it acts for. */
export interface CodedActor {
  code: string | null;
  country: string | null;
}

/** Whether a type's source and target may trade places between two reports of one event. */
export function isSymmetricType(type: string): boolean {
  return knowledge().symmetricTypes.has(type);
}

/**
 * Whether two differently resolved actors can be the one that acted: the same CAMEO code, one
 * code refining the other ("ISIS" and "ISISMIL", "USAGOV" and "USAGOVDEF"), or both organs of the
 * same state ("USAGOV" announces what "USAMIL" carries out). A bare country refines only to its
 * state: "USA" is not "USAMED", as a country's media or rebels are not the state.
 */
export function codesAgree(a: CodedActor, b: CodedActor): boolean {
  if (!a.code || !b.code) return false;
  if (a.code === b.code) return true;
  if (a.country !== null && a.country === b.country && isStateOrgan(a) && isStateOrgan(b)) return true;
  const [short, long] = a.code.length <= b.code.length ? [a, b] : [b, a];
  if (short.code === short.country) return false;
  return long.code!.startsWith(short.code!);
}

function isStateOrgan({ code, country }: CodedActor): boolean {
  if (code === null || country === null || !code.startsWith(country)) return false;
  const body = code.slice(country.length);
  return body === '' || knowledge().stateBodies.has(body);
}
