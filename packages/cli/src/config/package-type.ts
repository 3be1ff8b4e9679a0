// How Node will read the generated `.js` files: the `type` of the package.json
// nearest to the output folder (the folder may not exist yet). `--module`
// defaults to it, and the file extensions follow it (generate/options.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isCode } from '../errors.js';
import type { ModuleFormat, PackageType } from '../generate/options.js';

/** `module` or `commonjs` (Node's reading of a package.json without `type`); undefined outside any package. */
export function nearestPackageType(outDir: string): PackageType | undefined {
  for (let dir = path.resolve(outDir); ; dir = path.dirname(dir)) {
    const type = packageJsonType(path.join(dir, 'package.json'));
    if (type !== null) return type;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The module format an SDK gets when neither `--module` nor the config says: ESM outside a CommonJS package. */
export function defaultModuleFormat(packageType: PackageType | undefined): ModuleFormat {
  return packageType === 'commonjs' ? 'cjs' : 'esm';
}

/** null when there is no package.json here; a package.json that is not JSON reads as Node reads it: no type. */
function packageJsonType(file: string): PackageType | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR') || isCode(error, 'EISDIR')) return null;
    throw error;
  }
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'module' ? 'module' : 'commonjs';
  } catch {
    return 'commonjs';
  }
}
