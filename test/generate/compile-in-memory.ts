// Type-checks generated files with the real TypeScript compiler, in memory, under
// the strict options an app would use; `@plangen/core` resolves to its sources.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repo, so NodeNext reads the root package.json ("type": "module") and the files are ESM.
export const VIRTUAL_ROOT = `${REPO_ROOT}test/generate/.virtual/`;

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: false,
  verbatimModuleSyntax: true,
  // Declaration files are checked too: the `--language js` goldens are .d.ts.
  skipLibCheck: false,
  skipDefaultLibCheck: true,
  noEmit: true,
  allowJs: false,
  baseUrl: REPO_ROOT,
  paths: {
    '@plangen/core': ['packages/core/src/index.ts'],
    '@plangen/core/runtime': ['packages/core/src/runtime.ts'],
    '@plangen/core/internal': ['packages/core/src/internal.ts'],
  },
  types: [],
};

/**
 * Diagnostics of the given files (path relative to `base` -> content), one line each. Files not
 * given are read from disk, so a virtual file may import real ones. `overrides` tightens the
 * options for one check (the real-world corpus adds `exactOptionalPropertyTypes`).
 */
export function typeCheck(files: Readonly<Record<string, string>>, base = VIRTUAL_ROOT, overrides: ts.CompilerOptions = {}): string[] {
  const options = { ...OPTIONS, ...overrides };
  const virtual = new Map(Object.entries(files).map(([path, content]) => [base + path, content]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  const folders = new Set([...virtual.keys()].flatMap((file) => file.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'))));
  host.directoryExists = (folder) => folders.has(folder.replace(/\/$/, '')) || (directoryExists?.call(host, folder) ?? false);
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError) => {
    const content = virtual.get(file);
    return content !== undefined ? ts.createSourceFile(file, content, language) : getSourceFile.call(host, file, language, onError);
  };
  const roots = [...virtual.keys()].filter((file) => /\.(ts|tsx)$/.test(file));
  const program = ts.createProgram(roots, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => !diagnostic.file?.fileName.includes('/node_modules/'))
    .map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (!diagnostic.file || diagnostic.start === undefined) return text;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName.replace(REPO_ROOT, '')}:${line + 1}:${character + 1}: ${text}`;
    });
}
