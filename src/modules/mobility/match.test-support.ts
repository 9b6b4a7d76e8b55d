/** Test helpers shared by the matching suites: deterministic random postings. */

/** A small deterministic generator (Lehmer), so that a failing case can be replayed. */
export function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

export function randomNeeds(random: () => number, skillIds: number[], maxSkills: number, maxLevel: number) {
  const count = 1 + Math.floor(random() * maxSkills);
  return [...skillIds]
    .sort(() => random() - 0.5)
    .slice(0, count)
    .map((skillId) => ({
      skillId,
      level: 1 + Math.floor(random() * maxLevel),
      required: random() < 0.6,
    }));
}
