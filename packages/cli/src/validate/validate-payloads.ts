// `plangen validate` as a function: payload inputs in, one report out, in one
// streaming pass with precompiled validators. The CLI command and the
// benchmark both call this.
import { formatLocation } from '../errors.js';
import { validatorEntries } from '../generate/schema-entries.js';
import { loadValidators } from '../generate/validators/load-validators.js';
import type { PlanModel } from '../model/types.js';
import { ReportBuilder, type Position } from './build-report.js';
import { createPayloadChecker, type PayloadChecker, type Validators } from './check-payload.js';
import { openInput } from './open-input.js';
import type { Progress } from './progress-bar.js';
import { readPayloads, type PayloadShape, type PayloadSink } from './read-payloads.js';
import type { ValidationReport } from './report.js';

export interface ValidateOptions {
  /** Compiled validators by name; when absent, the model's are compiled exactly as the SDK's validators.ts is. */
  readonly validators?: Validators;
  /** Called after every read from an input (about every 256 KB). */
  readonly onProgress?: (progress: Progress) => void;
  /** What `-` reads; process.stdin by default. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Longest JSON Lines line read, in characters (DEFAULT_MAX_LINE_LENGTH); longer lines are malformed entries. */
  readonly maxLineLength?: number;
}

/** Validates every payload in `files` (paths, or `-` for stdin) against the plan. Unreadable inputs throw a PlanError before any work. */
export async function validatePayloadFiles(model: PlanModel, files: readonly string[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const inputs = await Promise.all(files.map((file) => openInput(file, options.stdin)));
  const check = createPayloadChecker(model, options.validators ?? loadValidators(validatorEntries(model)));
  const builder = new ReportBuilder();
  let payloads = 0;
  for (const input of inputs) {
    const cursor = new InputCursor(input.name, check, builder);
    let bytesRead = 0;
    const onRead = options.onProgress
      ? (bytes: number) => {
          bytesRead += bytes;
          options.onProgress!({ input: input.name, bytesRead, size: input.size, payloads: payloads + cursor.payloads });
        }
      : undefined;
    await readPayloads(input.chunks(onRead), cursor, options.maxLineLength !== undefined ? { maxLineLength: options.maxLineLength } : {});
    payloads += cursor.payloads;
  }
  return builder.build(model.file, inputs.map((input) => input.name));
}

/** Feeds one input's payloads to the checker and the report, and knows where the current one is. */
class InputCursor implements PayloadSink, Position {
  payloads = 0;
  private shape: PayloadShape = 'json-lines';
  private position = 0;

  constructor(
    private readonly name: string,
    private readonly check: PayloadChecker,
    private readonly builder: ReportBuilder,
  ) {}

  begin(shape: PayloadShape): void {
    this.shape = shape;
  }

  payload(value: unknown, position: number): void {
    this.payloads++;
    this.position = position;
    this.builder.add(this.check(value), value, this);
  }

  unparsable(position: number, detail: string): void {
    this.payloads++;
    this.position = position;
    this.builder.add({ kind: 'malformed', reason: 'not valid JSON', detail }, undefined, this);
  }

  tooLong(position: number, length: number, limit: number): void {
    this.payloads++;
    this.position = position;
    const detail = `${length.toLocaleString('en-US')} characters, over the limit of ${limit.toLocaleString('en-US')}; raise it with --max-line-length`;
    this.builder.add({ kind: 'malformed', reason: 'line too long', detail }, undefined, this);
  }

  location(): string {
    return this.shape === 'json-lines'
      ? formatLocation({ file: this.name, line: this.position })
      : formatLocation({ file: this.name, pointer: `/${this.position}` });
  }
}
