// One file written whole or not at all (pull's plan.json, export's and import's
// outputs): the content goes to a temporary file beside the target, is flushed,
// then renamed over it. A failure or a kill before the rename leaves the
// previous file untouched; the temporary file is removed on failure.
import path from 'node:path';
import { PlanError } from '../errors.js';
import { displayPath } from '../messages/display-path.js';
import { nodeWriter, type Writer } from './writer.js';

export async function writeFileAtomic(file: string, content: string, writer: Writer = nodeWriter): Promise<void> {
  const dir = path.dirname(file);
  const kind = await writer.kind(file);
  if (kind === 'folder' || kind === 'other') {
    throw new PlanError({ file: displayPath(file) }, `cannot write the file: a ${kind === 'folder' ? 'folder' : 'special file'} is in the way`, 'Pass another --out');
  }
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writer.mkdir(dir);
    await writer.writeFile(temporary, content);
    await writer.rename(temporary, file);
  } catch (error) {
    await writer.rm(temporary).catch(() => undefined);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new PlanError({ file: displayPath(file) }, `cannot write the file (${reason}); the previous file is untouched`, 'Check that the folder exists and is writable');
  }
}
