// Stand-ins for loadPlan and generate: a plan is JSON `{ name, events: { [name]: versionCount } }`,
// and the output is one line per event (plus validators.ts unless production).
import { readFile } from 'node:fs/promises';
import type { Stages } from '../../packages/cli/src/commands/generate.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { NO_LOCATOR } from '../../packages/cli/src/model/locator.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';

export const calls: { loadPlan: unknown[][]; generate: unknown[][] } = { loadPlan: [], generate: [] };

export const fakeStages: Stages = {
  async loadPlan(file, options) {
    // The bytes the command read (and fingerprinted) are what it loads; recorded calls show the options alone
    // (the schemas checked in earlier runs come from the cache, test/cache/checked-schemas-run.test.ts).
    const { bytes, checkedSchemas: _checked, ...rest } = options ?? {};
    calls.loadPlan.push([file, rest]);
    const text = bytes === undefined ? await readFile(file, 'utf8') : Buffer.from(bytes).toString('utf8');
    let json: { name: string; events: Record<string, number> };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      throw new PlanError({ file, line: 1, column: 1 }, 'the plan is not valid JSON', 'Fix the syntax');
    }
    const model = {
      name: json.name,
      file,
      format: 'plangen',
      events: Object.entries(json.events).map(([name, count]) => ({
        name,
        versions: Array.from({ length: count }, (_, i) => ({ version: i + 1 })),
      })),
    } as unknown as PlanModel;
    return { model, locator: NO_LOCATOR };
  },
  async generate({ model }, options) {
    calls.generate.push([model.name, options]);
    const ext = options.language;
    const index = model.events.map((event) => `// ${event.name} v${event.versions.length} (${options.client})\n`).join('');
    return [
      { path: `index.${ext}`, content: index },
      ...(options.mode === 'development' ? [{ path: `validators.${ext}`, content: `// validators for ${model.name}\n` }] : []),
    ];
  },
};
