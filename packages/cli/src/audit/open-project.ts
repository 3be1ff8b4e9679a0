// One ts-morph Project from the app's tsconfig, with the project's own compiler
// settings: its files are exactly the tsconfig's (include/exclude/files, JS ones
// when allowJs is on); what they import is read for types but never audited.
import path from 'node:path';
import { Project, ts } from 'ts-morph';
import { PlanError } from '../errors.js';

export interface OpenedProject {
  readonly checker: ts.TypeChecker;
  /** The tsconfig's own source files (no declaration files, nothing under node_modules). */
  readonly files: readonly ts.SourceFile[];
}

export function openProject(tsconfig: string, displayName: string): OpenedProject {
  let project: Project;
  try {
    // The tsconfig's files only: what they import is still read by the program, for types.
    project = new Project({ tsConfigFilePath: tsconfig, skipFileDependencyResolution: true });
  } catch (error) {
    throw new PlanError({ file: displayName }, `cannot read the TypeScript project: ${(error as Error).message.split('\n')[0]}`, 'Pass --project <tsconfig.json>');
  }
  const configErrors = project.getConfigFileParsingDiagnostics().filter((diagnostic) => diagnostic.getCategory() === ts.DiagnosticCategory.Error);
  const [first] = configErrors;
  if (first !== undefined) {
    const message = first.getMessageText();
    throw new PlanError(
      { file: displayName },
      `invalid tsconfig: ${typeof message === 'string' ? message : message.getMessageText()}`,
      'Fix the tsconfig, or pass another with --project <tsconfig.json>',
    );
  }
  const files = project
    .getSourceFiles()
    .map((file) => file.compilerNode)
    .filter((file) => !file.isDeclarationFile && !file.fileName.split(path.sep).join('/').includes('/node_modules/'));
  return { checker: project.getTypeChecker().compilerObject, files };
}
