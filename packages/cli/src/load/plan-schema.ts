// The published JSON Schema of the native format (schema/plangen-plan.schema.json)
// is the one the loader checks plans against, so editors and plangen agree.
import { readFileSync } from 'node:fs';
import type { JsonSchema } from '../model/types.js';

// Safe to keep for the process: the same published file for every plan, never changed.
let cached: JsonSchema | undefined;

export function planSchema(): JsonSchema {
  // Sources sit at packages/cli/src/load, the build at packages/cli/dist/load with the schema copied beside dist.
  const url = import.meta.url.endsWith('.ts')
    ? new URL('../../../../schema/plangen-plan.schema.json', import.meta.url)
    : new URL('../../schema/plangen-plan.schema.json', import.meta.url);
  cached ??= JSON.parse(readFileSync(url, 'utf8')) as JsonSchema;
  return cached;
}
