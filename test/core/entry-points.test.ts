// @plangen/core has one entry point per audience: apps, generated code, the plangen CLI. Each
// exports what its audience uses and nothing else, so app code never sees the runtime's
// plumbing and generated code never reaches the CLI's helpers.
import { describe, expect, it } from 'vitest';
import * as app from '@plangen/core';
import * as cli from '@plangen/core/internal';
import * as runtime from '@plangen/core/runtime';
import { RUNTIME_EXPORT_NAMES } from '../../packages/cli/src/generate/validators/runtime-imports.js';
import * as cliPointers from '../../packages/cli/src/schema/json-pointer.js';

describe('@plangen/core entry points', () => {
  it('@plangen/core (apps): the errors a wrapper throws and the violation report', () => {
    expect(Object.keys(app).sort()).toEqual(['PlangenNotConfiguredError', 'PlangenViolationError', 'formatViolation']);
  });

  it('@plangen/core/runtime (generated code): the runtimes, createValidation and the validator helpers', () => {
    expect(Object.keys(runtime).sort()).toEqual(['createBrowserRuntime', 'createNodeRuntime', 'createReactNativeRuntime', 'createValidation', ...RUNTIME_EXPORT_NAMES].sort());
  });

  it('@plangen/core/internal (the CLI): version resolution, error translation and JSON pointers', () => {
    expect(Object.keys(cli).sort()).toEqual([
      'childPointer',
      'comparePointers',
      'escapePointerToken',
      'eventVersionOf',
      'formatPointer',
      'parsePointer',
      'resolveEventVersion',
      'toValidationErrors',
      'unescapePointerToken',
    ]);
  });

  it("the CLI's JSON pointers are core's functions, not a copy that could escape differently", () => {
    expect(Object.keys(cliPointers).length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(cliPointers)) expect({ name, same: value === (cli as Record<string, unknown>)[name] }).toEqual({ name, same: true });
  });
});
