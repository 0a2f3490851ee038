import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr-matrix';

/** A QR finder pattern: 7 × 7, dark ring, light ring, dark 3 × 3 core. */
const finderAt = (m: boolean[][], top: number, left: number) =>
  Array.from({ length: 7 }, (_, r) => Array.from({ length: 7 }, (_, c) => (m[top + r]![left + c] ? '#' : '.')).join(''));
const FINDER = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];

describe('qrMatrix', () => {
  it('draws a version-1 code (21 × 21) with its three finder patterns for a booking code', () => {
    const m = qrMatrix('K7M2QX');
    expect(m).toHaveLength(21);
    expect(m.every((row) => row.length === 21)).toBe(true);
    expect(finderAt(m, 0, 0)).toEqual(FINDER);
    expect(finderAt(m, 0, 14)).toEqual(FINDER);
    expect(finderAt(m, 14, 0)).toEqual(FINDER);
  });

  it('differs between codes (the data is really in it)', () => {
    const a = qrMatrix('K7M2QX').flat();
    const b = qrMatrix('K7M2QY').flat();
    expect(a.some((v, i) => v !== b[i])).toBe(true);
  });
});
