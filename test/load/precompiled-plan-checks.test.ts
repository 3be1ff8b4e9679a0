// The precompiled checks (packages/cli/src/load/precompiled/plan-checks.ts, schema/precompiled/meta-schema.ts)
// are what ajv compiles today from today's schemas: a changed shape, plan schema, ajv option or ajv version
// makes this fail until they are regenerated (UPDATE_PRECOMPILED=1).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAjv } from '../../packages/cli/src/schema/create-ajv.js';
import { DRAFT_07, precompiledSources } from '../../packages/cli/src/load/precompiled/plan-checks-source.js';

const FILES = {
  metaSchema: fileURLToPath(new URL('../../packages/cli/src/schema/precompiled/meta-schema.ts', import.meta.url)),
  planChecks: fileURLToPath(new URL('../../packages/cli/src/load/precompiled/plan-checks.ts', import.meta.url)),
};

describe('precompiled plan checks', () => {
  it('are up to date with the schemas and ajv', () => {
    const sources = precompiledSources();
    for (const [name, file] of Object.entries(FILES)) {
      const source = sources[name as keyof typeof FILES];
      if (process.env.UPDATE_PRECOMPILED) writeFileSync(file, source);
      expect(readFileSync(file, 'utf8'), name).toBe(source);
    }
  });

  it('draft-07 is the only meta-schema the ajv configuration knows, under its http and https addresses', () => {
    const ajv = createAjv();
    const metaSchemas = Object.entries(ajv.schemas)
      .filter(([, env]) => env?.meta)
      .map(([key]) => key)
      .sort();
    expect(metaSchemas).toEqual([DRAFT_07, DRAFT_07.replace('http:', 'https:')]);
  });
});
