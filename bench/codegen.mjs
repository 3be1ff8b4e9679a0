// Codegen benchmark: wall time, peak memory and output size of `plangen
// generate` and `typewriter build` on the same plan.json, several runs each
// (median reported), one after the other so the two tools never share the CPU.
import { join } from 'node:path';
import { repeat } from './lib/measure.mjs';
import {
  outputSize,
  PLANGEN_OUTPUT,
  prepareTypewriter,
  runPlangen,
  runTypewriter,
  TYPEWRITER_OUTPUT,
} from './lib/tools.mjs';

/** Where each tool writes for a plan and mode, under the bench work folder. */
export function outputDirs(workDir, planName, mode) {
  const base = join(workDir, 'codegen', `${planName}-${mode}`);
  return { typewriter: join(base, 'typewriter'), plangen: join(base, 'plangen', 'sdk') };
}

/**
 * Measures both tools on one plan. `runs` may differ per tool (Typewriter takes
 * minutes on the largest plan). Returns { typewriter, plangen } with medians,
 * samples and output sizes.
 */
export async function benchCodegen({ workDir, plangenBin, plan, mode, runs, log }) {
  const dirs = outputDirs(workDir, plan.name, mode);
  const netLog = join(workDir, 'network-attempts.log');

  prepareTypewriter(dirs.typewriter, plan.file);
  log(`  typewriter build --mode ${mode} on ${plan.name} (${runs.typewriter} run(s))`);
  const typewriter = await repeat(runs.typewriter, () => runTypewriter(dirs.typewriter, mode, netLog));

  log(`  plangen generate --mode ${mode} on ${plan.name} (${runs.plangen} run(s))`);
  const plangen = await repeat(runs.plangen, () => runPlangen(plangenBin, plan.file, dirs.plangen, mode, netLog));

  return {
    plan: plan.name,
    mode,
    typewriter: { ...summary(typewriter), output: outputSize(dirs.typewriter, TYPEWRITER_OUTPUT), dir: dirs.typewriter },
    plangen: { ...summary(plangen), output: outputSize(dirs.plangen, PLANGEN_OUTPUT), dir: dirs.plangen },
  };
}

function summary({ runs, wallMs, maxRssKb, samples }) {
  return { runs, wallMs, maxRssKb, wallSamplesMs: samples.map((sample) => Math.round(sample.wallMs)) };
}
