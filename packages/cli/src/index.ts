// Programmatic API: the same pipeline the CLI runs.
export type { PlanModel, EventModel, EventVersion, TraitsModel, PageModel, CommonModel, JsonSchema, PlanFormat } from './model/types.js';
export type { GenerateOptions, GeneratedFile, ClientKind } from './generate/options.js';
export { PlanError } from './errors.js';
export type { PlangenConfig } from './config/types.js';
export { defineConfig } from './config/types.js';
