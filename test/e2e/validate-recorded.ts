// Closes the loop: what a real client put on the wire, checked by `plangen validate` against the same plan.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReceivedMessage } from './ingest-server.js';
import { plangenBin, runStatus } from './workspace.js';

/** The parts of `plangen validate --format json` these tests read (see docs/validate.md). */
export interface ValidationReport {
  readonly totals: Record<string, number>;
  readonly violations: { type: string; event?: string; version?: number; path: string; message: string }[];
}

/** Writes the messages as JSON lines to `file`, then runs `plangen validate --format json` on it in `cwd`. */
export async function validateRecorded(messages: readonly ReceivedMessage[], file: string, plan: string, cwd: string) {
  writeFileSync(file, messages.map((message) => `${JSON.stringify(message.payload)}\n`).join(''));
  const result = await runStatus(process.execPath, [plangenBin, 'validate', '--plan', plan, '--format', 'json', file], { cwd });
  return { code: result.code, report: JSON.parse(result.stdout) as ValidationReport, stderr: result.stderr };
}

/** The findings of a report, without counts and examples. */
export const findings = (report: ValidationReport) =>
  report.violations.map(({ type, event, version, path: pointer, message }) => ({ type, event, version, path: pointer, message }));

/** What the example apps' invalid calls look like to `plangen validate` once the warn policy let them through. */
export const invalidCallFindings = [
  { type: 'track', event: 'Order Completed', version: 2, path: '/properties/total', message: 'must be number' },
  { type: 'identify', event: undefined, version: undefined, path: '/traits/email', message: 'is required' },
];

export const recordingFile = (dir: string, name: string) => path.join(dir, `${name}.jsonl`);
