// The audit: plan model + the app's TypeScript project + the SDK folder -> findings.
// One syntactic pass over every file first (scan-file.ts); the type checker is
// asked only about the nodes it kept, so a big app costs a parse and a few
// hundred type queries, not a query per node.
import path from 'node:path';
import type { Locator } from '../model/locator.js';
import type { PlanModel, SourceRef } from '../model/types.js';
import { displayPath } from '../messages/display-path.js';
import { compareFindings, type AuditFinding } from './finding.js';
import { AUDIT_KINDS, type AuditKind, type AuditSeverity } from './kinds.js';
import { openProject } from './open-project.js';
import { clientOf, trackedEventName } from './raw-client.js';
import { sdkResolver } from './resolve-sdk-function.js';
import { scanFile, watchedNames, type FileScan } from './scan-file.js';
import { plannedCallFunction, sdkFunctions, type RawMethod, type SdkFunction } from './sdk-functions.js';
import { describeRawCall, describeSdkUse, describeUnused } from './messages.js';
import type { ts } from 'ts-morph';

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

export interface EventUsage {
  readonly event: string;
  /** SDK uses of each version, ascending by version. */
  readonly versions: readonly { readonly version: number; readonly sdkUses: number }[];
  readonly rawCalls: number;
}

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
        add({
          kind: 'pinned-version',
          ...where,
          message: `${fn.fn} pins "${fn.event.name}" to v${fn.version}, but v${newest} is the latest. Move the call to ${fn.event.identifiers.fn} (v${newest}) when it can send the new version`,
          event: fn.event.name,
          version: fn.version,
          function: fn.fn,
        });
      }
    }
    for (const call of scan.rawCalls) {
      if (sdkCalls.has(call)) continue;
      const client = clientOf(checker, call);
      if (client === undefined) continue;
      const method = (call.expression as ts.PropertyAccessExpression).name.text as RawMethod;
      const where = at(scan.file, call);
      if (method === 'track') {
        const name = trackedEventName(checker, call);
        if (!name.known) {
          add({ kind: 'raw-dynamic', ...where, message: describeRawCall({ method, client }), method, client });
          continue;
        }
        const event = model.events.find((candidate) => candidate.name === name.name);
        rawCalls.set(name.name, (rawCalls.get(name.name) ?? 0) + 1);
        const kind = event !== undefined ? 'raw-planned' : 'raw-unplanned';
        const fn = event?.identifiers.fn;
        add({ kind, ...where, message: describeRawCall({ method, client, event: name.name, ...(fn !== undefined ? { fn } : {}) }), event: name.name, ...(fn !== undefined ? { function: fn } : {}), method, client });
      } else {
        const fn = plannedCallFunction(model, method);
        add({
          kind: fn !== undefined ? 'raw-planned' : 'raw-unplanned',
          ...where,
          message: describeRawCall({ method, client, ...(fn !== undefined ? { fn } : {}) }),
          ...(fn !== undefined ? { function: fn } : {}),
          method,
          client,
        });
      }
    }
  }

  const place = (source: SourceRef) => {
    const position = input.locator.locate(source);
    const file = displayPath(path.resolve(cwd, source.file), cwd);
    return position !== undefined ? { file, line: position.line, column: position.column } : { file };
  };
  const events: EventUsage[] = [];
  for (const event of model.events) {
    const uses = sdkUses.get(event.name) ?? new Map<number, number>();
    const raw = rawCalls.get(event.name) ?? 0;
    events.push({ event: event.name, versions: event.versions.map(({ version }) => ({ version, sdkUses: uses.get(version) ?? 0 })), rawCalls: raw });
    if (uses.size === 0 && raw === 0) {
      add({ kind: 'unused-event', ...place(event.source), message: describeUnused(event), event: event.name });
      continue;
    }
    // A raw call sends no event_version: Protocols validates it against the oldest version.
    for (const [index, version] of event.versions.entries()) {
      if (uses.has(version.version) || (index === 0 && raw > 0)) continue;
      add({ kind: 'unused-version', ...place(version.source), message: describeUnused(event, version.version), event: event.name, version: version.version });
    }
  }
  return { findings: found.sort(compareFindings(AUDIT_KINDS)), events, files: appFiles.length };
}
