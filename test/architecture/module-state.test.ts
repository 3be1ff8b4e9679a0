// No module-level mutable state in the pipeline (issue 14): a stage gets what it
// needs as arguments (the plan's locator, lint's parsed patterns), so a run never
// sees what an earlier run in the same process (--watch, the programmatic API,
// tests) left behind. A module-level `let`, or an empty Map/Set/WeakMap/WeakSet
// made to be filled at run time, is state; the few that remain are listed below,
// each with why it is safe, and the test fails on any other.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = 'packages/cli/src';

/** `file:name` -> why it is not pipeline state. */
const ALLOWED_STATE: Readonly<Record<string, string>> = {
  'config/loaders.ts:generation': "a counter that gives each config import a fresh URL; it defeats Node's module cache, which is process-wide itself, and holds no plan data",
  'load/plan-schema.ts:cached': 'the published JSON Schema of the native format, read once: the same file for every plan, never changed',
  'generate/render.ts:cache': 'the compiled handlebars templates of the package: bounded by the templates folder, the same for every plan',
  'generate/validators/compile-in-parallel.ts:prestarted': 'a worker thread started ahead of the next compile (the CLI starts it before reading the plan): it holds no plan data, and the compile that takes it clears it',
  'generate/validators/compile-in-parallel.ts:kept': "the idle worker threads a --watch session keeps warm between its compiles: they hold no plan data (each compile posts its own batches), never keep the process alive, and the session's end terminates them",
  'write/staging-folder.ts:activeHere': 'which staging folders this process is writing: a fact of the process, like the pid in their names, needed to tell a live folder from one left behind',
  'cache/disk-store.ts:crc32': "zlib's crc32 function, loaded at the first checksum rather than with the module: process-wide like the module it comes from, and no plan data",
  'schema/json-text.ts:texts': "a WeakMap from frozen values (the model's schemas) to their JSON text: a text goes with its value, and a value that can change is never kept",
  'write/interrupt-signals.ts:watching': 'the writes that listen for SIGINT/SIGTERM: signals reach the whole process, so one listener per signal serves them all',
};

const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet']);

/** The names of the module-level state `code` declares: `let`/`var` bindings and empty collections. */
export function moduleState(code: string): string[] {
  const file = ts.createSourceFile('module.ts', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const constant = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      const emptyCollection =
        init !== undefined &&
        ts.isNewExpression(init) &&
        ts.isIdentifier(init.expression) &&
        COLLECTIONS.has(init.expression.text) &&
        (init.arguments ?? []).length === 0;
      if (!constant || emptyCollection) found.push(declaration.name.getText(file));
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

describe('module-level state', () => {
  it('finds let, var and empty collections at module level, not constants or function locals', () => {
    const code = [
      'let a = 0;',
      'var b;',
      'const c = new Map<string, number>();',
      'const d = new WeakMap();',
      'const e = new Set(["x"]);',
      'const f: ReadonlySet<string> = new Set(["y"]);',
      'export const g = 1;',
      'function h() { let i = 0; const j = new Map(); return [i, j]; }',
    ].join('\n');
    expect(moduleState(code)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('packages/cli/src holds only the listed, process-wide state', () => {
    const found = sourceFiles(SRC).flatMap((file) => {
      const relative = path.relative(SRC, file).split(path.sep).join('/');
      return moduleState(readFileSync(file, 'utf8')).map((name) => `${relative}:${name}`);
    });
    expect(found.sort()).toEqual(Object.keys(ALLOWED_STATE).sort());
  });
});
