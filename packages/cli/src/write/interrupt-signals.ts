// Ctrl+C (SIGINT) or SIGTERM during a write must not leave a half-written output
// folder or a staging folder: while a write runs, the signal is only recorded;
// the write stops at its next file-system operation, rolls back, removes its
// staging folder, and the CLI then exits with 128 + the signal number.
import type { Writer } from './writer.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  readonly exitCode: number;
  constructor(
    readonly signal: HandledSignal,
    /** What the interrupted write left, for the message. */
    outcome = 'nothing was changed',
  ) {
    super(`plangen: interrupted by ${signal}; ${outcome}`);
    this.exitCode = EXIT_CODES[signal];
  }
}

export interface SignalWatch {
  /** The first signal received since the watch started. */
  received(): HandledSignal | undefined;
  stop(): void;
}

/** Writes in progress in this process; one process listener per signal serves them all. */
const watching = new Set<(signal: HandledSignal) => void>();
const SIGNALS = Object.keys(EXIT_CODES) as HandledSignal[];
const onSignal = SIGNALS.map((signal) => () => {
  for (const notify of [...watching]) notify(signal);
});

export function watchSignals(): SignalWatch {
  let received: HandledSignal | undefined;
  const notify = (signal: HandledSignal) => {
    received ??= signal;
    // A second Ctrl+C kills at once (a write stuck on a slow disk); the journal makes that recoverable too.
    stop();
  };
  const stop = () => {
    if (!watching.delete(notify) || watching.size > 0) return;
    SIGNALS.forEach((signal, index) => process.off(signal, onSignal[index]!));
  };
  if (watching.size === 0) SIGNALS.forEach((signal, index) => process.on(signal, onSignal[index]!));
  watching.add(notify);
  return { received: () => received, stop };
}

/** The writer, except that every operation after a signal throws InterruptedError instead of running. */
export function interruptible(writer: Writer, signals: SignalWatch): Writer {
  const stopped = Object.create(null) as Record<keyof Writer, unknown>;
  for (const op of Object.keys(writer) as (keyof Writer)[]) {
    const real = writer[op] as (...args: unknown[]) => Promise<unknown>;
    stopped[op] = (...args: unknown[]) => {
      const signal = signals.received();
      return signal === undefined ? real(...args) : Promise.reject(new InterruptedError(signal));
    };
  }
  return stopped as unknown as Writer;
}
