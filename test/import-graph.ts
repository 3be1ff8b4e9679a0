// The static import graph of a source module (type-only imports are erased): which
// plangen modules and which packages loading it evaluates. Dynamic import() is not followed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export function importGraph(entry: string): { files: string[]; packages: string[] } {
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
