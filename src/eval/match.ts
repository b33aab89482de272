/**
 * One-to-one greedy matching: each gold item, in the order the gold file gives them, takes
 * the first system item (in output order) that is still free and fits it.
 */
export interface Matching<G, S> {
  pairs: { gold: G; system: S | null }[];
  unmatched: S[];
}

export function matchGreedy<G, S>(golds: readonly G[], systems: readonly S[], fits: (gold: G, system: S) => boolean): Matching<G, S> {
  const taken = new Array<boolean>(systems.length).fill(false);
  const pairs = golds.map((gold) => {
    const j = systems.findIndex((system, k) => !taken[k] && fits(gold, system));
    if (j < 0) return { gold, system: null };
    taken[j] = true;
    return { gold, system: systems[j]! };
  });
  return { pairs, unmatched: systems.filter((_, k) => !taken[k]) };
}
