// `--language js`: the formatted index.ts becomes index.js + index.d.ts with the
// TypeScript compiler, in memory. Loaded only when JavaScript is asked for.
import ts from 'typescript';

/** `header`: the do-not-edit comment, which declaration emit drops with the imports it rewrites. */
export function toJavaScript(source: string, header: string): { code: string; declarations: string } {
  const compilerOptions: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    verbatimModuleSyntax: true,
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
