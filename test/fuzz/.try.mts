import { writeFileSync } from 'node:fs';
import { loadPlan } from '../../packages/cli/src/load/load-plan.js';
for (const c of ['duplicate-key-json.json', 'trailing-comma.json', 'nested-too-deep.json']) {
  try { await loadPlan(`fixtures/invalid/${c}`); console.log(c, 'LOADED'); } catch (e) { const m = (e as Error).message; console.log(m); writeFileSync(`fixtures/invalid/${c.replace(/\.(yaml|json)$/, '')}.error.txt`, m + '\n'); }
}
