import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoleHolder } from '@linli/shared';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { useRolesRoster } from './use-roles-roster';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
const call = asCloudCall(callCloud);

const HOLDER: RoleHolder = {
  openid: 'dev-leader-zhongjie',
  name: '李斌',
  role: 'pointLeader',
  placeId: 'p-zhongjie',
  placeName: '中捷木材小区',
  since: '2026-11-01T02:00:00.000Z',
  grantedBy: { openid: 'dev-staff-zhongfang', name: '王丽' },
  inviteCode: null,
  canRevoke: true,
};
const ROSTER = { place: { _id: 'c-zhongfang', fullName: '中房社区', kind: 'community' }, holders: [HOLDER], invites: [], revocations: [] };

describe('useRolesRoster', () => {
  beforeEach(() => call.mockReset());

  it('revokes once however often 确认撤销 is tapped, with one key and the reason, then reads the roster again', async () => {
    call.mockResolvedValueOnce(ROSTER);
    const { result } = renderHook(() => useRolesRoster('c-zhongfang'));
    await waitFor(() => expect(result.current.roster.state.status).toBe('ok'));
    act(() => result.current.ask(HOLDER));
    act(() => result.current.setReason(' 已调离 '));
    const held = deferred<unknown>();
    call.mockReturnValueOnce(held.promise);
    call.mockResolvedValueOnce({ ...ROSTER, holders: [] });
    let first!: Promise<void>;
    await act(async () => {
      first = result.current.confirm();
      await result.current.confirm();
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      held.resolve({ revocation: {} });
      await first;
    });
    const revokes = call.mock.calls.filter((c) => c[1] === 'revokeRole');
    expect(revokes).toHaveLength(1);
    expect(revokes[0]?.[2]).toMatchObject({ placeId: 'p-zhongjie', role: 'pointLeader', openid: 'dev-leader-zhongjie', reason: '已调离' });
    expect(result.current.confirming).toBeNull();
    await waitFor(() => expect(result.current.roster.state.data?.holders).toEqual([]));
  });

  it('keeps a refusal to show and the confirmation open, and a retry sends the same key', async () => {
    call.mockResolvedValueOnce(ROSTER);
    const { result } = renderHook(() => useRolesRoster('c-zhongfang'));
    await waitFor(() => expect(result.current.roster.state.status).toBe('ok'));
    act(() => result.current.ask(HOLDER));
    call.mockRejectedValueOnce(new CloudError('COMMON.INTERNAL'));
    await act(() => result.current.confirm());
    expect(result.current.error?.code).toBe('COMMON.INTERNAL');
    expect(result.current.confirming).toEqual(HOLDER);
    call.mockResolvedValueOnce({ revocation: {} });
    call.mockResolvedValueOnce(ROSTER);
    await act(() => result.current.confirm());
    const keys = call.mock.calls.filter((c) => c[1] === 'revokeRole').map((c) => (c[2] as { key: string }).key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });
});
