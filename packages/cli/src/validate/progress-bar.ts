// validate's progress bar on stderr, redrawn at most every REDRAW_MS (messages/status-line.ts draws it).
import { statusLine, type Terminal } from '../messages/status-line.js';

export type { Terminal } from '../messages/status-line.js';

export interface Progress {
  readonly input: string;
  /** Raw bytes read from the current input so far (compressed bytes for gzip). */
  readonly bytesRead: number;
  /** Size of the current input; undefined for stdin. */
  readonly size: number | undefined;
  /** Payloads read so far, across all inputs. */
  readonly payloads: number;
}

export interface ProgressBar {
  update(progress: Progress): void;
  /** Clears the line so the report starts on a clean one. */
  done(): void;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export function createProgressBar(terminal: Terminal, now: () => number = () => performance.now()): ProgressBar {
  const line = statusLine(terminal, { redrawMs: REDRAW_MS, now });
  return { update: (progress) => line.show(() => describe(progress)), done: line.done };
}

function describe({ input, bytesRead, size, payloads }: Progress): string {
  const count = `${payloads.toLocaleString('en-US')} payloads`;
  if (size === undefined || size === 0) return `validating ${input}  ${count}`;
  const share = Math.min(1, bytesRead / size);
  const filled = Math.round(share * BAR_WIDTH);
  return `validating ${input} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}%  ${count}`;
}
