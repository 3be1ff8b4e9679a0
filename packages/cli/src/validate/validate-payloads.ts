// `plangen validate` as a function: payload inputs in, one report out, in one
// streaming pass with precompiled validators. The CLI command and the
// benchmark both call this. The validators are handed in (the command compiles
// them with generate's compiler), so validate depends on no stage above the model.
import { formatLocation } from '../errors.js';
import type { PlanModel } from '../model/types.js';
import { ReportBuilder, type Position } from './build-report.js';
import { batchMessages } from './batch-body.js';
import { createPayloadChecker, type PayloadChecker, type Validators } from './check-payload.js';
import { openInput } from './open-input.js';
import type { Progress } from './progress-bar.js';
import { readPayloads, type PayloadShape, type PayloadSink } from './read-payloads.js';
import type { ValidationReport } from './report.js';

export interface ValidateOptions {
  /**
   * The model's validators by name, compiled exactly as the SDK's validators.ts is (`loadValidators(validatorEntries(model))`).
   * Called once, after every input is opened, so a misspelled file fails before a large plan's compile.
   */
  readonly validators: () => Validators;
  /** Called after every read from an input (about every 256 KB). */
  readonly onProgress?: (progress: Progress) => void;
  /** What `-` reads; process.stdin by default. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Longest JSON Lines line read, in characters (DEFAULT_MAX_LINE_LENGTH); longer lines are malformed entries. */
  readonly maxLineLength?: number;
}

/** Validates every payload in `files` (paths, or `-` for stdin) against the plan. Unreadable inputs throw a PlanError before any work. */
export async function validatePayloadFiles(model: PlanModel, files: readonly string[], options: ValidateOptions): Promise<ValidationReport> {
  const inputs = await Promise.all(files.map((file) => openInput(file, options.stdin)));
  const check = createPayloadChecker(model, options.validators());
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
  /** The message's index when the current line or element is a batch body. */
  private index: number | undefined;

  constructor(
    private readonly name: string,
    private readonly check: PayloadChecker,
    private readonly builder: ReportBuilder,
  ) {}

  begin(shape: PayloadShape): void {
    this.shape = shape;
  }

  payload(value: unknown, position: number): void {
    this.position = position;
    const messages = batchMessages(value);
    if (messages === undefined) {
      this.payloads++;
      this.builder.add(this.check(value), value, this);
      return;
    }
    for (let index = 0; index < messages.length; index++) {
      this.payloads++;
      this.index = index;
      this.builder.add(this.check(messages[index]), messages[index], this);
    }
    this.index = undefined;
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

  // A message of a batch body is located inside it: `events.jsonl:3#/batch/2`, `events.json#/0/batch/2`.
  location(): string {
    const inBatch = this.index === undefined ? '' : `/batch/${this.index}`;
    if (this.shape === 'json-lines') {
      const line = formatLocation({ file: this.name, line: this.position });
      return inBatch === '' ? line : `${line}#${inBatch}`;
    }
    return formatLocation({ file: this.name, pointer: `/${this.position}${inBatch}` });
  }
}
