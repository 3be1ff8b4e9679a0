// @plangen/core ships in browser bundles: the browser runtime must not pull in the Node one, and
// modules must not run code at import time (the package is marked `sideEffects: false`).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';

const SOURCE = new URL('../../packages/core/src/', import.meta.url);

function sourceOf(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(new URL(file, SOURCE), 'utf8'), ts.ScriptTarget.ES2022, true);
}

// Relative modules a file imports or re-exports at run time (type-only imports vanish from the output).
function runtimeImports(file: string): string[] {
  const found: string[] = [];
  for (const statement of sourceOf(file).statements) {
    const isImport = ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly;
    const isExport = ts.isExportDeclaration(statement) && !statement.isTypeOnly;
    if (!isImport && !isExport) continue;
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('./')) continue;
    found.push(new URL(specifier.text.replace(/\.js$/, '.ts'), new URL(file, SOURCE)).pathname.slice(SOURCE.pathname.length));
  }
  return found;
}

function reachableFrom(file: string): Set<string> {
  const seen = new Set<string>([file]);
  const queue = [file];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const imported of runtimeImports(next)) {
      if (seen.has(imported)) continue;
      seen.add(imported);
      queue.push(imported);
    }
  }
  return seen;
}

describe('@plangen/core module shape', () => {
  it('the browser runtime never reaches the Node runtime, and the other way round', () => {
    expect(reachableFrom('browser-runtime.ts')).not.toContain('node-runtime.ts');
    expect(reachableFrom('node-runtime.ts')).not.toContain('browser-runtime.ts');
    expect(reachableFrom('browser-runtime.ts')).toContain('runtime-core.ts');
  });

  it('no module runs code at import time', () => {
    const files = readdirSync(SOURCE).filter((file) => file.endsWith('.ts'));
    const offending: string[] = [];
    for (const file of files) {
      for (const statement of sourceOf(file).statements) {
        if (!isDeclarationOnly(statement)) offending.push(`${file}: ${statement.getText().split('\n')[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });
});

function isDeclarationOnly(statement: ts.Statement): boolean {
  if (
    ts.isImportDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement)
  ) {
    return true;
  }
  if (!ts.isVariableStatement(statement)) return false;
  return statement.declarationList.declarations.every((declaration) => declaration.initializer === undefined || isPure(declaration.initializer));
}

// Values that can be built without calling user-visible code: literals, functions, property reads of
// built-ins, and new Set/Map of literals.
function isPure(node: ts.Expression): boolean {
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || ts.isSatisfiesExpression(node)) return isPure(node.expression);
  if (ts.isStringLiteral(node) || ts.isNumericLiteral(node) || ts.isRegularExpressionLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return true;
  if (ts.isArrayLiteralExpression(node)) return node.elements.every(isPure);
  if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(node.expression) || isPure(node.expression);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ['Set', 'Map'].includes(node.expression.text)) {
    return (node.arguments ?? []).every(isPure);
  }
  return false;
}
