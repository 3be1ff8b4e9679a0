// Checks the config's `docs` object key by key (`plangen docs`: where the catalog
// goes and its format), so an error points at the one wrong key and shows a
// correct line to copy, like validate-config.ts does for the top-level keys.
import { DOCS_FORMATS } from '../catalog/formats.js';
import { PlanError } from '../errors.js';
import type { DocsConfig } from './types.js';

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

const DOCS_KEYS: Readonly<Record<keyof DocsConfig, { readonly expected: string; readonly example: string; readonly check: (value: unknown) => boolean }>> = {
  out: { expected: 'a path to the docs folder, relative to the config file', example: '"out": "docs/tracking-plan"', check: (value) => typeof value === 'string' && value !== '' },
  format: { expected: `one of ${quoted(DOCS_FORMATS)}`, example: '"format": "markdown"', check: (value) => typeof value === 'string' && (DOCS_FORMATS as readonly string[]).includes(value) },
};

/** Throws a located PlanError for the first wrong key of `docs` (an object: validate-config.ts checked that). */
export function checkDocsConfig(docs: object, file: string, pointer: string): void {
  for (const [key, value] of Object.entries(docs)) {
    const rule = (DOCS_KEYS as Record<string, (typeof DOCS_KEYS)[keyof DocsConfig] | undefined>)[key];
    if (rule === undefined) {
      throw new PlanError({ file, pointer: `${pointer}/${key}` }, `invalid plangen config: unknown key "${key}" in "docs"`, `Use only ${quoted(Object.keys(DOCS_KEYS))}`);
    }
    if (!rule.check(value)) {
      throw new PlanError(
        { file, pointer: `${pointer}/${key}` },
        `invalid plangen config: "${key}" of "docs" must be ${rule.expected}, not ${JSON.stringify(value) ?? String(value)}`,
        `Write it like { "docs": { ${rule.example} } }`,
      );
    }
  }
}
