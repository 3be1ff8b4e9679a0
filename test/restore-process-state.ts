// Test files share a few reused processes (vitest.config.ts: a new process for every file re-loaded
// typescript, ajv and yaml each time, most of `pnpm test:unit`'s time). vitest evaluates our modules
// and mocks afresh for each file; this gives each file the rest of what a new process gave it, so no
// file passes or fails because of the one before: the working directory, environment variables and
// exit code are put back after each file.
import { afterAll } from 'vitest';

const cwd = process.cwd();
const env = { ...process.env };
const exitCode = process.exitCode;

afterAll(() => {
  process.chdir(cwd);
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
  process.exitCode = exitCode;
});
