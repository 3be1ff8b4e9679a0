// Output paths are relative, forward-slashed and stay inside the output folder.
import path from 'node:path';

export function isSafeOutputPath(file: string): boolean {
  return (
    file !== '' &&
    !file.includes('\\') &&
    !path.posix.isAbsolute(file) &&
    path.posix.normalize(file) === file &&
    file !== '..' &&
    !file.startsWith('../') &&
    file !== '.'
  );
}

/** The absolute path of a generated file. */
export function resolveOutputPath(outDir: string, file: string): string {
  return path.join(outDir, ...file.split('/'));
}
