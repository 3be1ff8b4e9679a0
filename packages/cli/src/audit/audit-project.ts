// The audit: plan model + the app's TypeScript project + the SDK folders -> findings.
// One syntactic pass over every file first (scan-file.ts); the type checker is
// asked only about the nodes it kept (calls and references whose name is an SDK
// function's or an alias of one, calls of track/identify/group/page/screen), so
// a big app costs its parse and bind and one query per candidate, not per node.
import path from 'node:path';
import type { ts } from 'ts-morph';
import { displayPath } from '../messages/display-path.js';
import type { Locator } from '../model/locator.js';
import type { EventModel, PlanModel } from '../model/types.js';
import { classifyRawCall } from './classify-raw-call.js';
import { compareFindings, type AuditFinding } from './finding.js';
import { findUnused, planPlace, type EventUsage } from './find-unused.js';
import { AUDIT_KINDS, type AuditKind, type AuditSeverity } from './kinds.js';
import { describePinned, describeSdkUse } from './messages.js';
import { openProject } from './open-project.js';
import { clientOf } from './raw-client.js';
import { sdkResolver } from './resolve-sdk-function.js';
import { scanFile, watchedNames, type FileScan } from './scan-file.js';
import { sdkFunctions, type RawMethod, type SdkFunction } from './sdk-functions.js';

export interface AuditInput {
  readonly model: PlanModel;
  readonly locator: Locator;
  /** Absolute path of the tsconfig. */
  readonly tsconfig: string;
  /**
   * The generated SDK folders (absolute), each with the model it was generated from: the whole
   * plan, or an output's selection of it (where `trackX` follows the latest selected version).
   */
  readonly sdks: readonly { readonly dir: string; readonly model: PlanModel }[];
  readonly severities: Readonly<Record<AuditKind, AuditSeverity>>;
  /** Paths in findings are shown relative to this folder. */
  readonly cwd: string;
  /** Called as each file's candidates are resolved by the type checker (the command shows it on a TTY). */
  readonly onProgress?: (done: number, total: number) => void;
}

export type { EventUsage } from './find-unused.js';

export interface AuditReport {
  /** Every finding whose kind is not `off`, in output order. */
  readonly findings: readonly AuditFinding[];
  readonly events: readonly EventUsage[];
  /** How many files of the project were read. */
  readonly files: number;
}

export function auditProject(input: AuditInput): AuditReport {
  const { model, severities, cwd } = input;
  const sdks = input.sdks.map((sdk) => ({ dir: sdk.dir, functions: sdkFunctions(sdk.model) }));
  const { checker, files } = openProject(input.tsconfig, displayPath(input.tsconfig, cwd));
  const resolver = sdkResolver(checker, sdks);
  const appFiles = files.filter((file) => !resolver.inSdk(file.fileName));

  const scans: FileScan[] = appFiles.map((file) => scanFile(file));
  const watched = watchedNames(sdks.flatMap((sdk) => [...sdk.functions.keys()]), scans);

  const found: AuditFinding[] = [];
  /** Event name -> version -> SDK uses. */
  const sdkUses = new Map<string, Map<number, number>>();
  const rawCalls = new Map<string, number>();
  const eventsByName = new Map<string, EventModel>(model.events.map((event) => [event.name, event]));
  const add = (finding: Omit<AuditFinding, 'severity'>) => {
    const { kind, ...rest } = finding;
    if (severities[kind] !== 'off') found.push({ kind, severity: severities[kind], ...rest });
  };
  const at = (file: ts.SourceFile, node: ts.Node) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return { file: displayPath(file.fileName, cwd), line: line + 1, column: character + 1 };
  };
  const countSdkUse = (fn: SdkFunction) => {
    const versions = sdkUses.get(fn.event.name) ?? new Map<number, number>();
    versions.set(fn.version, (versions.get(fn.version) ?? 0) + 1);
    sdkUses.set(fn.event.name, versions);
  };

  for (const [index, scan] of scans.entries()) {
    input.onProgress?.(index + 1, scans.length);
    const sdkCalls = new Set<ts.Node>();
    const uses = [
      ...scan.calls.map((entry) => ({ ...entry, use: 'call' as const })),
      ...scan.references.map((entry) => ({ ...entry, use: 'reference' as const })),
    ];
    for (const { name, node, use } of uses) {
      if (!watched.has(name.text)) continue;
      const fn = resolver.resolve(name);
      if (fn === undefined) continue;
      sdkCalls.add(node);
      countSdkUse(fn);
      const where = at(scan.file, node);
      const newest = fn.event.versions[fn.event.versions.length - 1]!.version;
      add({ kind: 'sdk-call', ...where, message: describeSdkUse(fn, use), event: fn.event.name, version: fn.version, function: fn.fn, use });
      if (!fn.latest && fn.version < newest) {
        add({ kind: 'pinned-version', ...where, message: describePinned(fn, newest), event: fn.event.name, version: fn.version, function: fn.fn });
      }
    }
    for (const call of scan.rawCalls) {
      if (sdkCalls.has(call)) continue;
      const client = clientOf(checker, call);
      if (client === undefined) continue;
      const method = (call.expression as ts.PropertyAccessExpression).name.text as RawMethod;
      const finding = classifyRawCall(checker, call, method, client, model, eventsByName);
      if (finding.kind !== 'raw-dynamic' && finding.event !== undefined) rawCalls.set(finding.event, (rawCalls.get(finding.event) ?? 0) + 1);
      add({ ...finding, ...at(scan.file, call) });
    }
  }

  const place = planPlace(input.locator, (file) => displayPath(path.resolve(cwd, file), cwd));
  const unused = findUnused(model, { sdkUses, rawCalls }, place);
  for (const finding of unused.findings) add(finding);
  const events = unused.events;
  return { findings: found.sort(compareFindings(AUDIT_KINDS)), events, files: appFiles.length };
}
