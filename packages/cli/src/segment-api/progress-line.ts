// "Pulling rules: 400 of 1200" on stderr while a large plan downloads: only on a
// terminal (CI logs and pipes never see it), and only once it takes more than a
// moment, so a small plan prints nothing.
import { statusLine, type Terminal } from '../messages/status-line.js';
import type { ListProgress } from './tracking-plans.js';

const QUIET_MS = 700;

export function progressLine(terminal: Terminal, now: () => number = () => performance.now()): { update(progress: ListProgress): void; done(): void } {
  const line = statusLine(terminal, { quietMs: QUIET_MS, now });
  return {
    update: ({ rules, total }) => line.show(() => `Pulling rules: ${rules}${total !== undefined ? ` of ${total}` : ''}`),
    done: line.done,
  };
}
