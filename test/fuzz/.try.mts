import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import { generate } from '../../packages/cli/src/generate/index.js';
for (const text of ['{"name":"x","events":{"A":{"properties":{"__proto__":{"type":"string"}}}}}', 'name: x\nevents:\n  A:\n    properties:\n      __proto__: { type: string }\n']) {
  const m = loadPlanText(text, text.startsWith('{') ? 'plan.json' : 'plan.yaml');
  const p = m.events[0]!.versions[0]!.properties;
  console.log(JSON.stringify(p), Object.keys(p.properties ?? {}));
  try { await generate(m, { client: 'analytics-next', mode: 'development', language: 'ts' }); console.log('ok'); } catch (e) { console.log((e as Error).constructor.name, (e as Error).message); }
  try { await generate(m, { client: 'analytics-next', mode: 'production', language: 'ts' }); console.log('prod ok'); } catch (e) { console.log((e as Error).constructor.name, (e as Error).message); }
}
