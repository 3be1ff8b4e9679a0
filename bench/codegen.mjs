// Codegen benchmark: wall time, peak memory and output size of `plangen
// generate` and `typewriter build` on the same plan.json. The tools take turns
// (Typewriter, plangen, Typewriter, ...) so that load from anything else on the
// machine falls on both alike; never at the same time. Medians are reported.
import { join } from 'node:path';
import { median } from './lib/measure.mjs';
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

  const samples = { typewriter: [], plangen: [] };
  for (let i = 0; i < Math.max(runs.typewriter, runs.plangen); i += 1) {
    if (i < runs.typewriter) {
      log(`  typewriter build --mode ${mode} on ${plan.name} (run ${i + 1} of ${runs.typewriter})`);
      samples.typewriter.push(await runTypewriter(dirs.typewriter, mode, netLog));
    }
    if (i < runs.plangen) {
      log(`  plangen generate --mode ${mode} on ${plan.name} (run ${i + 1} of ${runs.plangen})`);
      samples.plangen.push(await runPlangen(plangenBin, plan.file, dirs.plangen, mode, netLog));
    }
  }
  return {
    plan: plan.name,
    mode,
    typewriter: { ...summary(samples.typewriter), output: outputSize(dirs.typewriter, TYPEWRITER_OUTPUT), dir: dirs.typewriter },
    plangen: { ...summary(samples.plangen), output: outputSize(dirs.plangen, PLANGEN_OUTPUT), dir: dirs.plangen },
  };
}

function summary(samples) {
  return {
    runs: samples.length,
    wallMs: median(samples.map((sample) => sample.wallMs)),
    cpuMs: median(samples.map((sample) => sample.cpuMs)),
    maxRssKb: median(samples.map((sample) => sample.maxRssKb)),
    wallSamplesMs: samples.map((sample) => Math.round(sample.wallMs)),
  };
}
