// The worker thread of compile-in-parallel.ts: compiles the validators it is given and answers once.
import { parentPort, workerData } from 'node:worker_threads';
import type { CompileReply, CompileRequest } from './compile-in-parallel.js';
import { compileValidators } from './compile-validators.js';

const { entries, options } = workerData as CompileRequest;
let reply: CompileReply;
try {
  reply = { ok: true, file: compileValidators(entries, options) };
} catch (error) {
  reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
