// The validators module compiled on this thread, batch by batch (compile-in-parallel.ts spreads
// the batches over worker threads instead): the synchronous API of tests and load-validators.ts.
import { assembleValidatorModule, BATCH_SIZE, planValidatorModule, type ValidatorEntry, type ValidatorModule } from './build-validator-module.js';
import { compileValidatorBatch } from './compile-validator-batch.js';
import { renderValidators, type CompileValidatorsOptions, type CompiledValidatorsFile } from './render-validators.js';

export type { ValidatorEntry } from './build-validator-module.js';

export function compileValidators(entries: readonly ValidatorEntry[], options: CompileValidatorsOptions): CompiledValidatorsFile {
  return renderValidators(buildValidatorModule(entries), options);
}

export function buildValidatorModule(entries: readonly ValidatorEntry[], batchSize = BATCH_SIZE): ValidatorModule {
  const plan = planValidatorModule(entries, batchSize);
  return assembleValidatorModule(
    plan,
    plan.batches.map((batch) => compileValidatorBatch(batch)),
  );
}
