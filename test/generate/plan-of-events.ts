// A native plan of events `Event 0`, `Event 1`, ... with the given properties, loaded.
import { loadPlanText } from '../../packages/cli/src/load/load-plan.js';
import type { PlanModel } from '../../packages/cli/src/model/types.js';

export function planOfEvents(events: readonly (readonly (readonly [string, unknown])[])[]): PlanModel {
  const plan = {
    name: 'Shared',
    events: Object.fromEntries(events.map((properties, index) => [`Event ${index}`, { schema: { type: 'object', properties: Object.fromEntries(properties) } }])),
  };
  return loadPlanText(JSON.stringify(plan), 'plan.json', { onWarning: () => undefined }).model;
}
