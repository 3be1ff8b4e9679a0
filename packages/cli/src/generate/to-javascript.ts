// `--language js`: the formatted index.ts becomes index.js + index.d.ts with the
// TypeScript compiler, in memory. Loaded only when JavaScript is asked for.
import ts from 'typescript';
import type { ModuleFormat } from './options.js';

/**
 * `header`: the do-not-edit comment, which declaration emit drops with the imports it rewrites.
 * `module: 'cjs'` gives `require`/`exports` code; the declarations keep `import`/`export` syntax, which
 * TypeScript reads as CommonJS in a `.d.cts` file or a CommonJS package.
 */
export function toJavaScript(source: string, header: string, module: ModuleFormat = 'esm'): { code: string; declarations: string } {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: module === 'cjs' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext,
    // Type-only imports are marked `type` in the source, so CommonJS emit drops them without it.
    verbatimModuleSyntax: module !== 'cjs',
    declaration: true,
  };
  const code = ts.transpileModule(source, { compilerOptions, fileName: 'index.ts', reportDiagnostics: false }).outputText;
  // Every export of the SDK is explicitly typed, so declarations need no type checking of its imports.
  const declarations = ts.transpileDeclaration(source, { compilerOptions, fileName: 'index.ts', reportDiagnostics: true });
  const errors = declarations.diagnostics ?? [];
  if (errors.length > 0) {
    const message = ts.flattenDiagnosticMessageText(errors[0]?.messageText ?? '', '\n');
    throw new Error(`plangen: cannot emit index.d.ts: ${message}`);
  }
  const dts = declarations.outputText;
  return { code, declarations: dts.startsWith(header) ? dts : `${header}\n${dts}` };
}
