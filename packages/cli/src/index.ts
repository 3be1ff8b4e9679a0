// Programmatic API: the same pipeline the CLI runs. The stages are imported when
// first called, so a `plangen.config.ts` that imports `defineConfig` stays light.
import type { GeneratedFile, GenerateOptions } from './generate/options.js';
import type { LoadedPlan } from './load/load-plan.js';
import type { Locator } from './model/locator.js';
import type { PlanFormat, PlanModel } from './model/types.js';

export type { PlanModel, EventModel, EventVersion, TraitsModel, PageModel, CommonModel, JsonSchema, PlanFormat } from './model/types.js';
export type { GenerateOptions, GeneratedFile, ClientKind, ModuleFormat } from './generate/options.js';
export { DEFAULT_GENERATE_OPTIONS } from './generate/options.js';
export { PlanError } from './errors.js';
export type { LoadedPlan } from './load/load-plan.js';
export type { Locator, Position } from './model/locator.js';
export type { OutputConfig, PlangenConfig, SelectionRule } from './config/types.js';
// A selection of the plan (config `outputs[].include`/`exclude`): a new model, names kept (docs/config.md).
export { selectPlan, type Selection } from './model/select-plan.js';
export { defineConfig } from './config/types.js';

/** Reads, checks and normalizes a plan file (any supported format); throws a located `PlanError` on bad input. */
export async function loadPlan(file: string, options: { format?: PlanFormat } = {}): Promise<PlanModel> {
  return (await loadPlanWithLocator(file, options)).model;
}

/** `loadPlan`, with the locator that places the plan's elements at `file:line:col` (pass it on to `generate`). */
export async function loadPlanWithLocator(file: string, options: { format?: PlanFormat } = {}): Promise<LoadedPlan> {
  return (await import('./load/load-plan.js')).loadPlan(file, options);
}

/**
 * The SDK's files for a model, in memory (paths relative to the output folder); writes nothing.
 * With the plan's `locator`, a refused pattern is reported at `file:line:col`; without, at `file#pointer`.
 */
export async function generate(model: PlanModel, options: GenerateOptions, locator?: Locator): Promise<GeneratedFile[]> {
  return (await import('./generate/index.js')).generate(model, options, locator);
}
