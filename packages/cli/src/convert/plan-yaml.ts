// A native plan document as YAML text: the `yaml` package quotes whatever a
// name or description holds (quotes, `#`, line breaks, U+2028), and the keys
// keep the order the document gives them, so the same plan gives the same bytes.
import { stringify } from 'yaml';
import type { NativePlan } from './native-plan.js';

export function nativePlanYaml(plan: NativePlan, header: string): string {
  const document = {
    name: plan.name,
    ...(plan.description !== undefined ? { description: plan.description } : {}),
    events: plan.events,
    ...(plan.identify !== undefined ? { identify: plan.identify } : {}),
    ...(plan.group !== undefined ? { group: plan.group } : {}),
    ...(plan.page !== undefined ? { page: plan.page } : {}),
    ...(plan.screen !== undefined ? { screen: plan.screen } : {}),
    ...(plan.common !== undefined ? { common: plan.common } : {}),
  };
  const comment = header
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  // lineWidth 0: no folding, so a long description stays one line (and diffs stay small).
  return `${comment}\n${stringify(document, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
