// --project, else the nearest tsconfig.json from the working directory upwards
// (as tsc finds it).
import path from 'node:path';
import { ts } from 'ts-morph';
import { PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';

export function findTsconfig(flag: string | undefined, cwd: string): string {
  if (flag !== undefined) {
    const file = path.resolve(cwd, flag);
    const resolved = ts.sys.directoryExists(file) ? path.join(file, 'tsconfig.json') : file;
    if (!ts.sys.fileExists(resolved)) {
      throw new PlanError({ file: displayPath(resolved, cwd) }, 'no such TypeScript project file', 'Pass --project <tsconfig.json> of the app to audit');
    }
    return resolved;
  }
  const found = ts.findConfigFile(cwd, ts.sys.fileExists, 'tsconfig.json');
  if (found === undefined) {
    throw new PlanError({ file: displayPath(cwd, cwd) }, 'no tsconfig.json in this folder or any folder above it', 'Pass --project <tsconfig.json> of the app to audit');
  }
  return path.resolve(found);
}
