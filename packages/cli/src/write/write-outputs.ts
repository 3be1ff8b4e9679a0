// Several output folders written as one: all or nothing. Every folder is read
// and checked first (a foreign file in any of them changes none), then every
// folder is staged with its journal, then all are placed, and only then are the
// journals removed, one commit point per folder, all at the end. A failure
// before that rolls every folder back in process; a kill before it leaves each
// placed folder's journal, from which the next run restores it (recover-output.ts).
import path from 'node:path';
import type { GeneratedFile } from '../generate/options.js';
import { InterruptedError, interruptible, watchSignals } from './interrupt-signals.js';
import type { GenerationRecord } from './manifest.js';
import type { OutputFolder } from './output-folder.js';
import { releaseStagingFolder } from './staging-folder.js';
import { abandonWrite, commitWrite, placeWrite, planWrite, stageWrite, type WriteOptions, type WriteResult, type WriteTransaction } from './write-output.js';
import { describeFileSystemError } from './file-system-error.js';
import { nodeWriter } from './writer.js';

export interface OutputWrite {
  readonly outDir: string;
  readonly files: readonly GeneratedFile[];
  /** What this output was generated from, for its manifest (WriteOptions.fingerprint). */
  readonly fingerprint?: GenerationRecord;
}

/** The result of each output, in the order given. */
export async function writeOutputs(outputs: readonly OutputWrite[], options: WriteOptions = {}): Promise<WriteResult[]> {
  const base = options.writer ?? nodeWriter;
  const signals = watchSignals();
  const writer = interruptible(base, signals);
  const results: WriteResult[] = [];
  const transactions: WriteTransaction[] = [];
  try {
    for (const { outDir, files, fingerprint } of outputs) {
      let folder: OutputFolder = { shown: path.resolve(outDir), real: path.resolve(outDir), exists: false };
      try {
        const planned = await planWrite(outDir, files, writer, (located) => (folder = located), fingerprint);
        results.push(planned.result);
        if (planned.transaction !== undefined) transactions.push(planned.transaction);
      } catch (error) {
        throw describeFileSystemError(error, folder, undefined, 'no output was changed');
      }
    }
    let failed: WriteTransaction | undefined;
    try {
      for (const transaction of transactions) await (failed = transaction, stageWrite(transaction, writer));
      for (const transaction of transactions) await (failed = transaction, placeWrite(transaction, writer));
      for (const transaction of transactions) await (failed = transaction, commitWrite(transaction, writer));
    } catch (error) {
      // The folder that failed explains the error; every other one is put back as it was.
      let reported: unknown = error;
      for (const transaction of [...transactions].reverse()) {
        const outcome = transaction.journal === undefined && transaction !== failed ? 'its output was already complete' : 'no output was changed';
        const described = await abandonWrite(transaction, error, base, outcome);
        if (transaction === failed) reported = described;
      }
      throw reported;
    } finally {
      for (const transaction of transactions) if (transaction.staging !== undefined) releaseStagingFolder(transaction.staging);
    }
    for (const transaction of transactions) await base.rm(transaction.staging!).catch(() => undefined);
    const signal = signals.received();
    if (signal !== undefined) throw new InterruptedError(signal, 'every output was written completely');
    return results;
  } finally {
    signals.stop();
  }
}
