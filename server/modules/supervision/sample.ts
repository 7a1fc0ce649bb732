import { createHash, randomBytes } from 'node:crypto';

/**
 * A reproducible random sample: each tip of the population is ranked by SHA-256 of "seed:id" and the
 * `size` lowest ranks are taken. The result depends only on the seed and the set of ids — not on their
 * order, the database or the time — so the same seed over the same population draws the same tips,
 * and anyone holding the seed and the stored population can check a draw. Returned in id order.
 */
export function drawSample(population: readonly number[], size: number, seed: string): number[] {
  const rank = (id: number) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return [...new Set(population)]
    .map((id) => ({ id, r: rank(id) }))
    .sort((a, b) => (a.r < b.r ? -1 : a.r > b.r ? 1 : a.id - b.id))
    .slice(0, size)
    .map((x) => x.id)
    .sort((a, b) => a - b);
}

/** A fresh seed: 16 hex digits from the system's random source. */
export const newSeed = () => randomBytes(8).toString('hex');
