// How much each fuzz property runs. CI runs the small default; `pnpm fuzz` sets
// PLANGEN_FUZZ_SCALE to multiply every count. The seed is fixed so a failure
// replays exactly; PLANGEN_FUZZ_SEED explores other seeds.
import type { Parameters } from 'fast-check';

const scale = positiveNumber(process.env.PLANGEN_FUZZ_SCALE, 1);
const seed = positiveNumber(process.env.PLANGEN_FUZZ_SEED, 20261125);

/** fast-check parameters for a property that runs `ciRuns` times in CI. */
export function fuzzParameters<T>(ciRuns: number): Parameters<T> {
  return { seed, numRuns: Math.max(1, Math.round(ciRuns * scale)) };
}

function positiveNumber(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}
