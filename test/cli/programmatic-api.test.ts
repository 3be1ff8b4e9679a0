// `import { loadPlan, generate } from 'plangen'`: the CLI's pipeline, callable from code.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATE_OPTIONS, generate, loadPlan, PlanError } from '../../packages/cli/src/index.js';

describe('programmatic API', () => {
  it('loads a plan and generates the SDK in memory', async () => {
    const model = await loadPlan('fixtures/shop/plan.yaml');
    expect(model.events.find((event) => event.name === 'Order Completed')?.versions.map((v) => v.version)).toEqual([1, 2]);
    const files = await generate(model, DEFAULT_GENERATE_OPTIONS);
    expect(files.map((file) => file.path)).toEqual(['index.ts', 'validators.ts']);
    expect(files[0]?.content).toContain('export function trackOrderCompletedV1(');
  });

  it('throws a located PlanError for a bad plan', async () => {
    await expect(loadPlan('fixtures/invalid/unknown-data-type.yaml')).rejects.toBeInstanceOf(PlanError);
  });
});
