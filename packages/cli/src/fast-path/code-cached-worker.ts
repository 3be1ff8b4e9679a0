// The validators' worker thread as the built CLI starts it (dist/bundle/compile-worker.cjs, which
// start-compile-worker.ts and compile-pool.ts find): it runs the worker's code (generate/validators/
// compile-worker.ts, bundled as compile-worker-code.cjs) from V8's code cache, as the bin runs generate.cjs.
// Compiling that ~370 KB, and lazily each ajv function a batch first calls, was on the critical path
// of a cold 25-event generation. The build starts one thread with `workerData` RECORD_CODE_CACHE
// during its recording run (scripts/build-cli.mjs), which saves the code V8 compiled before each answer
// it posts: the batch's compilation included, and saved before the main thread can have the answer.
import { fileURLToPath } from 'node:url';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadCodeCached, loadRecording, RECORD_CODE_CACHE } from './code-cached-bundle.js';

const bundle = fileURLToPath(new URL('./compile-worker-code.cjs', import.meta.url));

if (workerData === RECORD_CODE_CACHE && parentPort !== null) record(parentPort);
else loadCodeCached(bundle);

function record(port: MessagePort): void {
  // The bundle's parentPort: this thread's, whose postMessage first saves the code compiled so far.
  const saving = new Proxy(port, {
    get(target, key) {
      if (key === 'postMessage') {
        return (...args: Parameters<MessagePort['postMessage']>) => {
          recording.save();
          target.postMessage(...args);
        };
      }
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const recording = loadRecording(bundle, (bundleRequire) => (id) => {
    const module = bundleRequire(id) as object;
    return id === 'node:worker_threads' || id === 'worker_threads' ? { ...module, parentPort: saving } : module;
  });
  // Also once loaded (ajv and its checking instance ready), in case the main thread compiles every batch itself.
  recording.save();
}
