// One ts-morph Project from the app's tsconfig, with the project's own compiler
// settings: its files are exactly the tsconfig's (include/exclude/files, JS ones
// when allowJs is on); what they import is read for types but never audited.
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { PlanError, type ErrorLocation } from '../errors.js';

export interface OpenedProject {
  readonly checker: ts.TypeChecker;
  /** The tsconfig's own source files (no declaration files, nothing under node_modules). */
  readonly files: readonly ts.SourceFile[];
}

export function openProject(tsconfig: string, displayName: string): OpenedProject {
  // Checked first with the compiler's own reader, so an error is placed at its line and column in the tsconfig.
  const read = ts.readConfigFile(tsconfig, (file) => ts.sys.readFile(file));
  if (read.error !== undefined) throw tsconfigError(read.error, displayName, 'cannot read the TypeScript project');
  const source = ts.readJsonConfigFile(tsconfig, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonSourceFileConfigFileContent(source, ts.sys, path.dirname(tsconfig), undefined, tsconfig);
  const [first] = parsed.errors.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (first !== undefined) throw tsconfigError(first, displayName, 'invalid tsconfig');
  const references = parsed.projectReferences ?? [];
  if (parsed.fileNames.length === 0 && references.length > 0) {
    const names = references.map((reference) => path.relative(path.dirname(tsconfig), reference.path) || '.').join(', ');
    throw new PlanError(
      { file: displayName },
      `this tsconfig has no files of its own, only project references (${names})`,
      'Pass --project with the tsconfig of the app to audit',
    );
  }
  // The tsconfig's files only: what they import is still read by the program, for types.
  const project = new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: true });
  const files = project
    .getSourceFiles()
    .map((file) => file.compilerNode)
    .filter((file) => !file.isDeclarationFile && !file.fileName.split(path.sep).join('/').includes('/node_modules/'));
  return { checker: project.getTypeChecker().compilerObject, files };
}

function tsconfigError(diagnostic: ts.Diagnostic, displayName: string, what: string): PlanError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\.$/, '');
  let location: ErrorLocation = { file: displayName };
  if (diagnostic.file !== undefined && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    location = { file: displayName, line: line + 1, column: character + 1 };
  }
  return new PlanError(location, `${what}: ${message}`, 'Fix the tsconfig, or pass another with --project <tsconfig.json>');
}
