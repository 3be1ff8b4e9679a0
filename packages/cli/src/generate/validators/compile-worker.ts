// A worker thread of compile-pool.ts: loads the compiler at once (it may be started before the
// plan is read), then, for each request, takes batches from the request's shared counter and
// answers with each one's code, until none is left. It then waits for the next request: a
// `--watch` session hands the same thread every regeneration (its JIT stays warm), and the pool
// ends it (terminate) when no one keeps it. Its checking ajv instance serves every batch; each
// batch compiles with one of its own.
import { parentPort } from 'node:worker_threads';
import { compileValidatorBatch, createChecker } from './compile-validator-batch.js';
import type { BatchReply, BatchRequest } from './compile-pool.js';

const checker = createChecker();
parentPort?.on('message', ({ batches, next }: BatchRequest) => {
  for (let index = Atomics.add(next, 0, 1); index < batches.length; index = Atomics.add(next, 0, 1)) {
    let reply: BatchReply;
    try {
      reply = { index, ok: true, compiled: compileValidatorBatch(batches[index]!, checker) };
    } catch (error) {
      reply = { index, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    parentPort?.postMessage(reply);
  }
});
