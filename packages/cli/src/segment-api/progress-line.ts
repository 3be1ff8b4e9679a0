// "Pulling rules: 400 of 1200" on stderr while a large plan downloads: only on a
// terminal (CI logs and pipes never see it), and only once it takes more than a
// moment, so a small plan prints nothing.
import type { ListProgress } from './tracking-plans.js';

export interface Terminal {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const QUIET_MS = 700;

export function progressLine(terminal: Terminal, now: () => number = () => performance.now()): { update(progress: ListProgress): void; done(): void } {
  const started = now();
  let drawn = false;
  return {
    update({ rules, total }) {
      if (!terminal.isTTY || now() - started < QUIET_MS) return;
      drawn = true;
      terminal.write(`\rPulling rules: ${rules}${total !== undefined ? ` of ${total}` : ''}\x1b[K`);
    },
    done() {
      if (drawn) terminal.write('\r\x1b[K');
    },
  };
}
