import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { deferred } from '../../test/helpers';
import { CloudError } from '../services/cloud';
import { useAsync } from './use-async';

describe('useAsync', () => {
  it('loads on mount: loading, then the data', async () => {
    const load = vi.fn(() => Promise.resolve({ n: 1 }));
    const { result } = renderHook(() => useAsync(load, []));
    expect(result.current.state.status).toBe('loading');
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ok', data: { n: 1 } }));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('stays idle while there is nothing to load, and loads once there is', async () => {
    const { result, rerender } = renderHook(({ id }: { id: string | null }) => useAsync(id ? () => Promise.resolve(id) : null, [id]), {
      initialProps: { id: null as string | null },
    });
    expect(result.current.state.status).toBe('idle');
    rerender({ id: 'a' });
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ok', data: 'a' }));
  });

  it('keeps the error as a CloudError, and a reload fetches again', async () => {
    const load = vi.fn<() => Promise<string>>().mockRejectedValueOnce(new CloudError('COMMON.NETWORK')).mockResolvedValueOnce('fresh');
    const { result } = renderHook(() => useAsync(load, []));
    await waitFor(() => expect(result.current.state.status).toBe('error'));
    expect(result.current.state.error?.code).toBe('COMMON.NETWORK');
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'ok', data: 'fresh' }));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the last data on screen while it reloads, and after a failed reload', async () => {
    const second = deferred<string>();
    const load = vi.fn<() => Promise<string>>().mockResolvedValueOnce('first').mockReturnValueOnce(second.promise);
    const { result } = renderHook(() => useAsync(load, []));
    await waitFor(() => expect(result.current.state.data).toBe('first'));
    act(() => result.current.reload());
    expect(result.current.state).toMatchObject({ status: 'loading', data: 'first' });
    await act(async () => second.reject(new Error('boom')));
    expect(result.current.state).toMatchObject({ status: 'error', data: 'first', error: { code: 'COMMON.INTERNAL' } });
  });

  it('drops the answer of a superseded call', async () => {
    const slow = deferred<string>();
    const { result, rerender } = renderHook(
      ({ id }: { id: string }) => useAsync(() => (id === 'a' ? slow.promise : Promise.resolve(id)), [id]),
      {
        initialProps: { id: 'a' },
      },
    );
    rerender({ id: 'b' });
    await waitFor(() => expect(result.current.state.data).toBe('b'));
    await act(async () => slow.resolve('a'));
    expect(result.current.state.data).toBe('b');
  });

  it('setData replaces the data, and a call still in flight no longer overwrites it', async () => {
    const pending = deferred<string>();
    const { result } = renderHook(() => useAsync(() => pending.promise, []));
    act(() => result.current.setData('from a change'));
    expect(result.current.state).toMatchObject({ status: 'ok', data: 'from a change' });
    await act(async () => pending.resolve('stale'));
    expect(result.current.state.data).toBe('from a change');
  });
});
