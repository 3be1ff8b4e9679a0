// One markdown file per event: safe, readable names; collisions resolved the same way every time.
import { describe, expect, it } from 'vitest';
import { eventFileNames, slug } from '../../packages/cli/src/catalog/markdown-file-names.js';

describe('markdown file names', () => {
  it('are lower-case ASCII words joined by -', () => {
    expect(slug('Order Completed')).toBe('order-completed');
    expect(slug('Crème Brûlée: Viewed!')).toBe('creme-brulee-viewed');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
  });

  it('never name nothing, a Windows device, or more than 80 characters', () => {
    expect(slug('🙂')).toBe('event');
    expect(slug('')).toBe('event');
    expect(slug('CON')).toBe('con-event');
    expect(slug('lpt1')).toBe('lpt1-event');
    expect(slug('x'.repeat(200))).toHaveLength(80);
    expect(slug(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
  });

  it('resolve collisions (case-insensitive, as macOS and Windows compare) with -2, -3 in the given order', () => {
    expect(eventFileNames(['ORDER_COMPLETED', 'Order Completed', 'order completed', 'order-completed-2'])).toEqual([
      'order-completed.md',
      'order-completed-2.md',
      'order-completed-3.md',
      'order-completed-2-2.md',
    ]);
  });

  it('are unique for any list of names', () => {
    const names = ['a', 'A', 'a!', 'a-2', 'a 2', '🙂', '😀', '', 'event', 'event-2'];
    const files = eventFileNames(names);
    expect(new Set(files.map((file) => file.toLowerCase())).size).toBe(names.length);
    expect(eventFileNames(names)).toEqual(files);
  });
});
