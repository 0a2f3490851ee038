import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { usePart } from './use-part';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
const call = asCloudCall(callCloud);
const PART = { part: { _id: 'r1:d1', status: 'pending' }, events: [], now: '2026-11-20T02:00:00.000Z' };

describe('usePart', () => {
  beforeEach(() => {
    call.mockReset();
    call.mockImplementation((_fn, action) => (action === 'part' ? Promise.resolve(PART) : Promise.resolve({ part: PART.part })));
  });

  it('报到 once however often it is tapped, with the photos, then reads the part again', async () => {
    const { result } = renderHook(() => usePart('r1:d1'));
    await waitFor(() => expect(result.current.part.state.status).toBe('ok'));
    act(() => result.current.setPhotos(['cloud://spot.png']));
    const held = deferred<unknown>();
    call.mockImplementation((_fn, action) => (action === 'arrive' ? held.promise : Promise.resolve(PART)));
    let first!: Promise<void>;
    await act(async () => {
      first = result.current.act('arrive');
      await result.current.act('arrive');
    });
    expect(result.current.busy).toBe('arrive');
    await act(async () => {
      held.resolve({ part: PART.part });
      await first;
    });
    const arrives = call.mock.calls.filter(([, a]) => a === 'arrive');
    expect(arrives).toEqual([['departments', 'arrive', { dispatchId: 'r1:d1', photos: ['cloud://spot.png'] }]]);
    await waitFor(() => expect(call.mock.calls.filter(([, a]) => a === 'part')).toHaveLength(2));
    expect(result.current.photos).toEqual([]);
  });

  it('keeps a refused return to show, and the reason typed', async () => {
    const { result } = renderHook(() => usePart('r1:d1'));
    await waitFor(() => expect(result.current.part.state.status).toBe('ok'));
    call.mockImplementation((_fn, action) =>
      action === 'return'
        ? Promise.reject(new CloudError('DISPATCH.RETURN_TOO_LATE', { returnBy: '2026-11-21T02:00:00.000Z' }))
        : Promise.resolve(PART),
    );
    act(() => result.current.setText('井盖产权属于燃气公司'));
    await act(() => result.current.act('return'));
    expect(result.current.error?.code).toBe('DISPATCH.RETURN_TOO_LATE');
    expect(result.current.text).toBe('井盖产权属于燃气公司');
  });
});
