// The oracle of the chunked types (type-chunks.ts): one json-schema-to-typescript
// run over every type, as emit-types.ts did it before it compiled in chunks.
import { createRequire } from 'node:module';
import { COMPILE_OPTIONS, ROOT_NAME, namedTypeDefinitions, type emitTypes } from '../../packages/cli/src/generate/emit-types.js';
import { safeCode } from '../../packages/cli/src/generate/escape.js';
import { Placeholders } from '../../packages/cli/src/generate/placeholders.js';
import { TYPES_KEY } from '../../packages/cli/src/generate/typing-definitions.js';

// plangen's own copy: the workspace root does not depend on it.
const { compile } = createRequire(new URL('../../packages/cli/package.json', import.meta.url))('json-schema-to-typescript') as {
  compile(schema: object, name: string, options: object): Promise<string>;
};
const SYNTHETIC_PLAN = new URL('../../bench/synthetic-plan.mjs', import.meta.url).href;
const { syntheticPlan } = (await import(SYNTHETIC_PLAN)) as { syntheticPlan(count: number, seed: number): { plan: unknown } };

type Entries = Parameters<typeof emitTypes>[0];

/** One run over every type: emit-types.ts before it compiled in chunks. */
export async function oneRun(entries: Entries, reserved: readonly string[]): Promise<string> {
  const placeholders = new Placeholders();
  const definitions = namedTypeDefinitions(entries, reserved, placeholders);
  const anyOf = entries.map((entry) => ({ $ref: `#/${TYPES_KEY}/${placeholders.type(entry.name)}` }));
  const output = await compile({ title: ROOT_NAME, [TYPES_KEY]: definitions, anyOf }, ROOT_NAME, COMPILE_OPTIONS);
  return placeholders.restore(safeCode(output.slice(output.indexOf('\n') + 1)).trim());
}
