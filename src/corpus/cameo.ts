import { loadKnowledge } from '../knowledge.js';

interface CameoRoot {
  name: string;
  quadClass: number;
  goldstein: number;
}

let roots: Record<string, CameoRoot> | null = null;

/** The quad class and Goldstein score of a CAMEO code's root (its first two digits), as GDELT gives them. */
export function cameoRoot(code: string): { root: string; quadClass: number; goldstein: number } {
  roots ??= loadKnowledge<{ roots: Record<string, CameoRoot> }>('events/cameo-roots.json').roots;
  const root = code.slice(0, 2);
  const known = roots[root];
  return { root, quadClass: known?.quadClass ?? 0, goldstein: known?.goldstein ?? 0 };
}
