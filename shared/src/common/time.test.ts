import { describe, expect, it } from 'vitest';
import { formatShanghai, shanghaiDate, shanghaiInstant } from './time';

describe('Asia/Shanghai time', () => {
  it.each([
    ['2026-11-20T15:59:59.000Z', '2026-11-20'],
    ['2026-11-20T16:00:00.000Z', '2026-11-21'],
    ['2026-09-30T16:30:00.000Z', '2026-10-01'],
  ])('%s is %s in Shanghai', (iso, date) => expect(shanghaiDate(iso)).toBe(date));

  it('turns a Shanghai wall-clock time into an instant and back', () => {
    const at = shanghaiInstant('2026-10-08', '09:00');
    expect(at.toISOString()).toBe('2026-10-08T01:00:00.000Z');
    expect(formatShanghai(at)).toBe('2026-10-08 09:00');
  });
});
