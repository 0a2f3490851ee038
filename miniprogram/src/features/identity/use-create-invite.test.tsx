import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { useCreateInvite } from './use-create-invite';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
const call = asCloudCall(callCloud);
const INVITE = { code: 'K7Q2MP', role: 'pointLeader', placeName: '中捷木材小区', expiresAt: '2026-11-27T02:00:00.000Z' };

describe('useCreateInvite', () => {
  beforeEach(() => call.mockReset());

  it('creates one code however often it is tapped, and keeps it to show', async () => {
    const held = deferred<unknown>();
    call.mockReturnValue(held.promise);
    const { result } = renderHook(() => useCreateInvite('pointLeader'));
    let first!: Promise<void>;
    await act(async () => {
      first = result.current.create('p-zhongjie');
      await result.current.create('p-zhongjie');
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      held.resolve(INVITE);
      await first;
    });
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('identity', 'createInvite', { role: 'pointLeader', placeId: 'p-zhongjie' });
    expect(result.current.invite).toEqual(INVITE);
    act(() => result.current.again());
    expect(result.current.invite).toBeNull();
  });

  it('sends nothing without a place, and keeps a refusal to show', async () => {
    const { result } = renderHook(() => useCreateInvite('pointLeader'));
    await act(() => result.current.create(null));
    expect(call).not.toHaveBeenCalled();
    call.mockRejectedValueOnce(new CloudError('COMMON.FORBIDDEN'));
    await act(() => result.current.create('p-hemu'));
    expect(result.current.error?.code).toBe('COMMON.FORBIDDEN');
    expect(result.current.invite).toBeNull();
  });
});
