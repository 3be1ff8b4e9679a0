// One error type for everything wrong with user input (plans, configs, payload
// files). It prints as a single line: where, what, and how to fix it.

export interface ErrorLocation {
  readonly file: string;
  /** 1-based; present for YAML/JSON sources whose position is known. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  /** RFC 6901 pointer into the document, used when line and column are unknown. */
  readonly pointer?: string;
}

export class PlanError extends Error {
  override readonly name = 'PlanError';

  constructor(
    readonly location: ErrorLocation,
    /** What is wrong, as a sentence without trailing period. */
    readonly problem: string,
    /** How to fix it, as a sentence without trailing period; optional only when the fix is obvious from the problem. */
    readonly fix?: string,
  ) {
    super(formatPlanError(location, problem, fix));
  }
}

export function formatLocation({ file, line, column, pointer }: ErrorLocation): string {
  if (line !== undefined) return column !== undefined ? `${file}:${line}:${column}` : `${file}:${line}`;
  return pointer !== undefined ? `${file}#${pointer}` : file;
}

function formatPlanError(location: ErrorLocation, problem: string, fix?: string): string {
  return `${formatLocation(location)}: ${problem}.${fix ? ` ${fix}.` : ''}`;
}

/** True for a Node system error with this code (`ENOENT`...): what the file-system callers turn into a PlanError or an answer. */
export function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
