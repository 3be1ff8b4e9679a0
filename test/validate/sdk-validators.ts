// What `plangen validate` hands validatePayloadFiles: the model's validators, compiled
// exactly as the SDK's validators.ts is (commands/validate.ts does the same).
import { loadValidators } from '../../packages/cli/src/generate/validators/load-validators.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';
import { validatorEntries } from '../../packages/cli/src/model/validator-entries.js';
import type { Validators } from '../../packages/cli/src/validate/check-payload.js';

/** Compiled on first call, once per helper: a test file validates many inputs against one model. */
export function sdkValidators(model: PlanModel): () => Validators {
  let compiled: Validators | undefined;
  return () => (compiled ??= loadValidators(validatorEntries(model)));
}
