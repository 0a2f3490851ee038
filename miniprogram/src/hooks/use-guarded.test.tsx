import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../../test/helpers';
import { CloudError } from '../services/cloud';
import { useGuarded } from './use-guarded';

describe('useGuarded', () => {
  it('ignores a second tap while the first action runs, and says which action is busy', async () => {
    const { result } = renderHook(() => useGuarded<'save' | 'remove'>());
    const held = deferred();
    const first = vi.fn(() => held.promise);
    const second = vi.fn(() => Promise.resolve());
    let firstRun!: Promise<boolean>;
    let secondRan: boolean | undefined;
    await act(async () => {
      firstRun = result.current.run(first, 'save');
      // the same frame: state has not re-rendered yet, the ref already blocks
      secondRan = await result.current.run(second, 'remove');
    });
    expect(secondRan).toBe(false);
    expect(second).not.toHaveBeenCalled();
    expect(result.current.busy).toBe('save');
    expect(result.current.isRunning()).toBe(true);
    await act(async () => {
      held.resolve();
      expect(await firstRun).toBe(true);
    });
    expect(first).toHaveBeenCalledTimes(1);
    expect(result.current.busy).toBeNull();
    expect(result.current.isRunning()).toBe(false);
  });

  it('keeps a failure as a CloudError, anything else as COMMON.INTERNAL, and clears it on the next run', async () => {
    const { result } = renderHook(() => useGuarded());
    let ran: boolean | undefined;
    await act(async () => {
      ran = await result.current.run(() => Promise.reject(new CloudError('BOOKING.SLOT_FULL', { phone: '1' })));
    });
    expect(ran).toBe(false);
    expect(result.current.error).toMatchObject({ code: 'BOOKING.SLOT_FULL', details: { phone: '1' } });
    expect(result.current.busy).toBeNull();

    await act(async () => {
      await result.current.run(() => Promise.reject(new TypeError('x is undefined')));
    });
    expect(result.current.error?.code).toBe('COMMON.INTERNAL');

    const held = deferred();
    let run!: Promise<boolean>;
    act(() => {
      run = result.current.run(() => held.promise);
    });
    // a new attempt starts without the old error on screen
    expect(result.current.error).toBeNull();
    await act(async () => {
      held.resolve();
      await run;
    });
    expect(result.current.error).toBeNull();
  });

  it('runs again once the first action is over', async () => {
    const { result } = renderHook(() => useGuarded());
    const work = vi.fn(() => Promise.resolve());
    await act(async () => {
      await result.current.run(work);
      await result.current.run(work);
    });
    expect(work).toHaveBeenCalledTimes(2);
  });
});
