// ts-morph (and the TypeScript compiler it carries) loads only when `plangen audit` runs:
// nothing the CLI imports statically reaches it, so `plangen --help` and every other
// command start without it. Followed here through the static imports of packages/cli/src
// from cli.ts (`import()` expressions are the lazy edges and are not followed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('packages/cli/src');

/** The module specifiers of a file's static imports and re-exports (type-only ones erased at build time are skipped). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      found.push(statement.moduleSpecifier.text);
    }
  }
  return found;
}

/** Every package a module's static import graph reaches, with the chain of files that leads to it. */
function reachedPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')), [...chain, path.relative(SRC, file)]);
      else if (!packages.has(specifier)) packages.set(specifier, [...chain, path.relative(SRC, file)]);
    }
  };
  visit(entry, []);
  return packages;
}

describe('audit loads lazily', () => {
  it('cli.ts reaches ts-morph through no static import', () => {
    const packages = reachedPackages(path.join(SRC, 'cli.ts'));
    expect(packages.size).toBeGreaterThan(0);
    expect(packages.get('ts-morph')).toBeUndefined();
  });

  it('the audit modules do import it: the check above follows real edges', () => {
    expect(reachedPackages(path.join(SRC, 'audit/audit-project.ts')).get('ts-morph')?.[0]).toBe('audit/audit-project.ts');
    expect(reachedPackages(path.join(SRC, 'audit/open-project.ts')).get('ts-morph')).toEqual(['audit/open-project.ts']);
  });
});
