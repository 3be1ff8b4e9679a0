// The fast path runs before the full CLI is loaded, so it may import only
// Node's own modules and light plangen modules: this walks its import graph in
// the sources (type-only imports are erased) and fails on any package.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The fast path's bundle entry (scripts/build-cli.mjs), which imports run-fast-path.ts.
const ENTRY = 'packages/cli/src/fast-path/first-step.ts';

function importGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const clause = ts.isImportDeclaration(statement) ? statement.importClause : undefined;
      if (clause?.isTypeOnly || (ts.isExportDeclaration(statement) && statement.isTypeOnly)) continue;
      const specifier = statement.moduleSpecifier;
      if (specifier === undefined || !ts.isStringLiteral(specifier)) continue;
      const name = specifier.text;
      if (name.startsWith('.')) visit(path.join(path.dirname(file), name).replace(/\.js$/, '.ts'));
      else packages.add(name);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages].sort() };
}

describe('the fast path is light', () => {
  it('imports no package but node:*', () => {
    const { packages, files } = importGraph(ENTRY);
    expect(packages.filter((name) => !name.startsWith('node:'))).toEqual([]);
    expect(files.length).toBeLessThan(25);
  });
});
