// A one-line progress bar on stderr, redrawn at most every REDRAW_MS, and only
// when stderr is a terminal: piped or redirected output never sees it.

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

export interface Terminal {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export function createProgressBar(terminal: Terminal, now: () => number = () => performance.now()): ProgressBar {
  if (!terminal.isTTY) return { update() {}, done() {} };
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(progress) {
      const time = now();
      if (time - lastDraw < REDRAW_MS) return;
      lastDraw = time;
      drawn = true;
      const line = describe(progress);
      terminal.write(`\r${line.slice(0, (terminal.columns ?? 80) - 1)}\x1b[K`);
    },
    done() {
      if (drawn) terminal.write('\r\x1b[K');
    },
  };
}

function describe({ input, bytesRead, size, payloads }: Progress): string {
  const count = `${payloads.toLocaleString('en-US')} payloads`;
  if (size === undefined || size === 0) return `validating ${input}  ${count}`;
  const share = Math.min(1, bytesRead / size);
  const filled = Math.round(share * BAR_WIDTH);
  return `validating ${input} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}%  ${count}`;
}
