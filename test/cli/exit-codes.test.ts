// The one mapping from a thrown error to the exit code (cli/exit-codes.ts) and the
// one runner that prints it (cli/run-command.ts): commands throw, the runner reports.
import { describe, expect, it } from 'vitest';
import { EXIT_FAILURE, EXIT_UNUSABLE_INPUT, exitCodeFor } from '../../packages/cli/src/cli/exit-codes.js';
import { reportError, runCommand } from '../../packages/cli/src/cli/run-command.js';
import { main } from '../../packages/cli/src/cli.js';
import { PlanError } from '../../packages/cli/src/errors.js';
import { InterruptedError } from '../../packages/cli/src/write/interrupt-signals.js';
import { captureOutput, project } from './helpers.js';

const planError = new PlanError({ file: 'plan.yaml', line: 3, column: 7 }, 'something is wrong', 'Fix it');

function stream(): { write(text: string): boolean; text: () => string } {
  const written: string[] = [];
  return { write: (text: string) => written.push(text) > 0, text: () => written.join('') };
}

describe('exitCodeFor', () => {
  it('maps a PlanError to 1 for every command but validate, and to 2 (unusable input) for validate', () => {
    for (const command of ['generate', 'init', 'inspect', 'diff', 'lint']) expect(exitCodeFor(planError, command)).toBe(1);
    expect(exitCodeFor(planError, 'validate')).toBe(2);
    expect([EXIT_FAILURE, EXIT_UNUSABLE_INPUT]).toEqual([1, 2]);
  });

  it('maps a PlanError raised before any command ran (a usage error) to 1, also on the validate command line', () => {
    expect(exitCodeFor(planError)).toBe(1);
  });

  it('maps an interrupted write to 130 for SIGINT and 143 for SIGTERM, whatever the command', () => {
    expect(exitCodeFor(new InterruptedError('SIGINT'), 'generate')).toBe(130);
    expect(exitCodeFor(new InterruptedError('SIGTERM'), 'generate')).toBe(143);
    expect(exitCodeFor(new InterruptedError('SIGINT'), 'validate')).toBe(130);
  });

  it('has no code for any other error: that is a bug, not bad input', () => {
    expect(exitCodeFor(new Error('boom'), 'generate')).toBeUndefined();
    expect(exitCodeFor(new TypeError('x is undefined'))).toBeUndefined();
    expect(exitCodeFor('a string')).toBeUndefined();
  });
});

describe('runCommand', () => {
  it('returns the exit code the command returned, printing nothing', async () => {
    const stderr = stream();
    expect(await runCommand('lint', async () => 1, stderr)).toBe(1);
    expect(await runCommand('lint', async () => 0, stderr)).toBe(0);
    expect(stderr.text()).toBe('');
  });

  it('prints a thrown PlanError as its one line and returns its exit code', async () => {
    const stderr = stream();
    expect(await runCommand('validate', () => Promise.reject(planError), stderr)).toBe(2);
    expect(await runCommand('inspect', () => Promise.reject(planError), stderr)).toBe(1);
    expect(stderr.text()).toBe('plan.yaml:3:7: something is wrong. Fix it.\nplan.yaml:3:7: something is wrong. Fix it.\n');
  });

  it('prints an interrupt as its one line and returns 128 + the signal number', async () => {
    const stderr = stream();
    expect(await runCommand('generate', () => Promise.reject(new InterruptedError('SIGTERM')), stderr)).toBe(143);
    expect(stderr.text()).toBe('plangen: interrupted by SIGTERM; nothing was changed\n');
  });

  it('rethrows any other error unprinted, so a bug crashes with its stack', async () => {
    const stderr = stream();
    const bug = new Error('boom');
    await expect(runCommand('generate', () => Promise.reject(bug), stderr)).rejects.toBe(bug);
    expect(() => reportError(bug, 'generate', stderr)).toThrow(bug);
    expect(stderr.text()).toBe('');
  });
});

describe('plangen: one runner for every command', () => {
  it('a usage error on the validate command line exits 1, a plan error inside validate exits 2', async () => {
    await project({ 'events.jsonl': '{}\n' });
    const io = captureOutput();
    expect(await main(['validate', '--plam', 'plan.yaml', 'events.jsonl'])).toBe(1);
    expect(io.stderr()).toMatch(/^plangen: unknown option --plam for `plangen validate`\. Did you mean --plan\?/);
    expect(await main(['validate', '--plan', 'missing.yaml', 'events.jsonl'])).toBe(2);
    expect(io.stderr().split('\n')[1]).toBe('missing.yaml: cannot read the plan: no such file. Check the path, or pass --plan <file>.');
  });
});
