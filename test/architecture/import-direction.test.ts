// Imports follow the pipeline (docs/architecture.md, "Which folder may import which"):
// a folder imports only folders below it, so shared helpers live in leaf modules.
// Every packages/cli/src file is scanned with the TypeScript compiler's own
// import pre-processor.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = 'packages/cli/src';

/** Which areas each area may import (besides itself). Root files are areas of their own. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  'line-breaks': [],
  messages: ['errors', 'line-breaks'],
  schema: ['errors', 'line-breaks', 'messages'],
  model: ['errors', 'line-breaks', 'messages', 'schema'],
  load: ['errors', 'line-breaks', 'messages', 'schema', 'model'],
  generate: ['errors', 'line-breaks', 'messages', 'schema', 'model'],
  lint: ['errors', 'line-breaks', 'messages', 'schema', 'model'],
  diff: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'load'],
  write: ['errors', 'line-breaks', 'messages', 'generate'],
  catalog: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'diff', 'generate'],
  validate: ['errors', 'line-breaks', 'messages', 'schema', 'model'],
  audit: ['errors', 'line-breaks', 'messages', 'schema', 'model'],
  config: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'generate', 'lint', 'audit', 'catalog'],
  // Segment's Public API (HTTP, retries, the token's redaction) and the conversions between plan formats and CSV.
  'segment-api': ['errors', 'line-breaks', 'messages', 'schema'],
  convert: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'diff'],
  commands: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'load', 'generate', 'lint', 'diff', 'write', 'validate', 'config', 'cli', 'fast-path', 'cache', 'audit', 'catalog', 'segment-api', 'convert'],
  cli: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'load', 'generate', 'lint', 'diff', 'write', 'validate', 'config', 'commands', 'audit', 'catalog', 'segment-api', 'convert'],
  // The nothing-changed fast path: runs before the full CLI loads, so it reads config, write and generate's light modules only.
  // The content-addressed cache generate memoizes through (generate/stage-cache.ts is its interface).
  cache: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'generate', 'config', 'write'],
  'fast-path': ['errors', 'line-breaks', 'messages', 'schema', 'model', 'generate', 'config', 'write'],
  index: ['errors', 'line-breaks', 'messages', 'schema', 'model', 'load', 'generate', 'lint', 'diff', 'write', 'validate', 'config'],
};

/** `load/check-shape.ts` -> `load`, `cli.ts` and `cli/usage-error.ts` -> `cli`, `errors.ts` -> `errors`. */
export function areaOf(relative: string): string {
  const [first = ''] = relative.split('/');
  return first.replace(/\.ts$/, '');
}

/** Undefined when `from` may import `to` (paths relative to packages/cli/src), else the rule it breaks. */
export function brokenRule(from: string, to: string): string | undefined {
  const source = areaOf(from);
  const target = areaOf(to);
  if (source === target) return undefined;
  const allowed = ALLOWED[source];
  if (allowed === undefined) return `${source} is in no rule: add it to docs/architecture.md and to ALLOWED`;
  if (allowed.includes(target)) return undefined;
  return `${source} may import only ${allowed.join(', ') || 'nothing'}`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = path.relative(SRC, file).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue; // packages: not part of the graph
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(from), fileName)).replace(/\.js$/, '.ts');
      const rule = brokenRule(from, to);
      if (rule !== undefined) found.push(`${from} imports ${fileName}: ${rule}`);
    }
  }
  return found;
}

describe('import direction', () => {
  it('the rule refuses a folder importing one above it, and allows one below', () => {
    expect(brokenRule('generate/refuse-catastrophic-patterns.ts', 'lint/checks/patterns.ts')).toBe(
      'generate may import only errors, line-breaks, messages, schema, model',
    );
    expect(brokenRule('model/build-model.ts', 'load/located-error.ts')).toBe('model may import only errors, line-breaks, messages, schema');
    expect(brokenRule('config/load-config.ts', 'write/writer.ts')).toMatch(/^config may import only /);
    // validate is handed the SDK's validators by the command; it reads no file of generate (not even its compiler).
    expect(brokenRule('validate/check-payload.ts', 'generate/view-model.ts')).toBe('validate may import only errors, line-breaks, messages, schema, model');
    expect(brokenRule('validate/validate-payloads.ts', 'generate/validators/load-validators.ts')).toBe(
      'validate may import only errors, line-breaks, messages, schema, model',
    );
    expect(brokenRule('commands/validate.ts', 'generate/validators/load-validators.ts')).toBeUndefined();
    expect(brokenRule('schema/patterns.ts', 'errors.ts')).toBeUndefined();
    expect(brokenRule('lint/lint-plan.ts', 'model/locate-finding.ts')).toBeUndefined();
    expect(brokenRule('newfolder/x.ts', 'errors.ts')).toBe('newfolder is in no rule: add it to docs/architecture.md and to ALLOWED');
  });

  it('every import in packages/cli/src follows the pipeline', () => {
    expect(violations()).toEqual([]);
  });
});
