import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { useProxyPoints } from './use-proxy-points';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));

const call = asCloudCall(callCloud);
const calls = (action: string) => call.mock.calls.filter(([, a]) => a === action);
const CHEN = { id: 'p-zhongjie-b1-u1-101:陈秀英', communityId: 'c-zhongfang' };
const redemption = {
  id: 'vd_1',
  code: 'ABC123',
  rewardName: '午餐',
  price: 3,
  name: '陈秀英',
  status: 'held',
  createdAt: '',
  handedOverAt: null,
};

beforeEach(() => {
  call.mockReset();
  call.mockImplementation(async (_fn, action) => {
    if (action === 'activities') return { communityName: '中房社区', canPost: true, activities: [] };
    if (action === 'myPoints') return { totals: { balance: 5, earned: 5, spent: 0, hours: 2, entries: 1 }, entries: [] };
    if (action === 'rewards') return { rewards: [] };
    if (action === 'signUp') return { activity: {} };
    return { redemption, balance: 2 };
  });
});

describe('代办 积分: her points, sign-up and redemption on her behalf', () => {
  it('reads her balance, signs her up and redeems with onBehalfOf', async () => {
    const { result } = renderHook(() => useProxyPoints(CHEN));
    await waitFor(() => expect(result.current.points.state.data?.balance).toBe(5));
    expect(calls('myPoints')[0]?.[2]).toEqual({ communityId: 'c-zhongfang', onBehalfOf: CHEN.id });
    await act(async () => void (await result.current.signUp('va_1')));
    expect(calls('signUp')[0]?.[2]).toEqual({ activityId: 'va_1', waitlist: false, onBehalfOf: CHEN.id });
    expect(result.current.signedUp).toEqual(['va_1']);
    await act(async () => void (await result.current.redeem('vr_1')));
    expect(calls('redeem')[0]?.[2]).toMatchObject({ rewardId: 'vr_1', onBehalfOf: CHEN.id });
    expect(result.current.redeemed?.code).toBe('ABC123');
    // her balance is read again after the redemption
    await waitFor(() => expect(calls('myPoints').length).toBe(2));
  });

  it('a retry after a failed redemption sends the same key; the next one after success a new key', async () => {
    const { result } = renderHook(() => useProxyPoints(CHEN));
    await waitFor(() => expect(result.current.rewards.state.data).toEqual([]));
    call.mockRejectedValueOnce(new CloudError('COMMON.NETWORK'));
    await act(async () => void (await result.current.redeem('vr_1')));
    expect(result.current.error).not.toBeNull();
    await act(async () => void (await result.current.redeem('vr_1')));
    await act(async () => void (await result.current.redeem('vr_1')));
    const keys = calls('redeem').map(([, , input]) => input.key);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
  });
});
