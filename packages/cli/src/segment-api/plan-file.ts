// What `pull` writes: the Public API `plan.json` shape that plangen and
// Typewriter read (load/read-segment-public-api.ts), with every key sorted and
// the rules in a fixed order, and without timestamps: an unchanged remote plan
// gives a byte-identical file, whatever order the API answered in.
import { canonicalJson } from '../schema/canonical-json.js';
import type { Rule } from './tracking-plans.js';

const TYPE_ORDER = ['TRACK', 'IDENTIFY', 'GROUP', 'PAGE', 'SCREEN', 'COMMON'];

/** `info.id` is absent for a plan exported from a file, which no tracking plan holds yet. */
export function planFileText(info: { readonly id?: string; readonly name: string; readonly description?: string }, rules: readonly Rule[]): string {
  const plan = {
    ...(info.id !== undefined ? { id: info.id } : {}),
    name: info.name,
    ...(info.description !== undefined ? { description: info.description } : {}),
    rules: sortRules(rules),
  };
  // canonicalJson sorts every key; parsed back, the object keeps that order for the indented print.
  return `${JSON.stringify(JSON.parse(canonicalJson(plan)), null, 2)}\n`;
}

export function sortRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort(
    (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || compare(a.key ?? '', b.key ?? '') || a.version - b.version,
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
