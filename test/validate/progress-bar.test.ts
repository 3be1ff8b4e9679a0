import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../../packages/cli/src/validate/progress-bar.js';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, columns: 200, written, write: (text: string) => written.push(text) };
}

describe('createProgressBar', () => {
  it('draws nothing when the stream is not a terminal', () => {
    const target = terminal(false);
    const bar = createProgressBar(target, () => 0);
    bar.update({ input: 'a.jsonl', bytesRead: 5, size: 10, payloads: 3 });
    bar.done();
    expect(target.written).toEqual([]);
  });

  it('redraws at most every 100 ms of its clock and clears the line when done', () => {
    const target = terminal(true);
    let clock = 1000;
    const bar = createProgressBar(target, () => clock);
    bar.update({ input: 'a.jsonl', bytesRead: 50, size: 100, payloads: 1234 });
    clock += 50;
    bar.update({ input: 'a.jsonl', bytesRead: 60, size: 100, payloads: 1500 });
    clock += 50;
    bar.update({ input: 'stdin', bytesRead: 70, size: undefined, payloads: 2000 });
    bar.done();
    expect(target.written).toEqual([
      '\rvalidating a.jsonl [############------------] 50%  1,234 payloads\x1b[K',
      '\rvalidating stdin  2,000 payloads\x1b[K',
      '\r\x1b[K',
    ]);
  });
});
