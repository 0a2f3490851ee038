import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDevOpenid } from '../../services/dev-identity';
import * as fontScale from '../../services/font-scale';
import { careChoice, useCareMode } from './care-mode';

afterEach(() => {
  window.localStorage.clear();
  setDevOpenid(null);
  vi.restoreAllMocks();
});

describe('关怀模式', () => {
  it('is off at the standard font and on by itself from 1.2 × the standard size, until the person chooses', () => {
    const factor = vi.spyOn(fontScale, 'systemFontFactor').mockReturnValue(1);
    const { result, rerender } = renderHook(() => useCareMode());
    expect(result.current).toMatchObject({ on: false, chosen: false });
    factor.mockReturnValue(1.25);
    rerender();
    expect(result.current).toMatchObject({ on: true, chosen: false });
    act(() => result.current.set(false));
    expect(result.current).toMatchObject({ on: false, chosen: true });
    expect(document.documentElement.classList.contains('care-mode')).toBe(false);
  });

  it('is remembered per person and re-renders every user of the hook when switched', () => {
    vi.spyOn(fontScale, 'systemFontFactor').mockReturnValue(1);
    setDevOpenid('dev-resident-2');
    const a = renderHook(() => useCareMode());
    const b = renderHook(() => useCareMode());
    act(() => a.result.current.set(true));
    expect(b.result.current.on).toBe(true);
    expect(document.documentElement.classList.contains('care-mode')).toBe(true);
    expect(careChoice()).toBe('on');
    act(() => setDevOpenid('dev-resident-1'));
    expect(a.result.current).toMatchObject({ on: false, chosen: false });
    act(() => setDevOpenid('dev-resident-2'));
    expect(a.result.current.on).toBe(true);
  });
});
