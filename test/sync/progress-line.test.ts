// pull's progress on stderr: only on a terminal, and only once the download takes a moment.
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../packages/cli/src/segment-api/progress-line.js';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, write: (text: string) => written.push(text), written };
}

describe('pull progress', () => {
  it('draws nothing when stderr is not a terminal', () => {
    const out = terminal(false);
    let now = 0;
    const progress = progressLine(out, () => now);
    now = 5000;
    progress.update({ rules: 400, total: 1200 });
    progress.done();
    expect(out.written).toEqual([]);
  });

  it('on a terminal, draws once the first 0.7 s have passed, then clears its line', () => {
    const out = terminal(true);
    let now = 0;
    const progress = progressLine(out, () => now);
    now = 100;
    progress.update({ rules: 200, total: 1200 });
    expect(out.written).toEqual([]);
    now = 800;
    progress.update({ rules: 400, total: 1200 });
    progress.update({ rules: 600 });
    progress.done();
    expect(out.written).toEqual(['\rPulling rules: 400 of 1200\x1b[K', '\rPulling rules: 600\x1b[K', '\r\x1b[K']);
  });
});
