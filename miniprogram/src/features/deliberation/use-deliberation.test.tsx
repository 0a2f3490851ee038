import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { useProposeForm, useStepsPage, useTopicPage, useVotePage } from './use-deliberation';

const params: Record<string, string> = { id: 't1' };
vi.mock('@tarojs/taro', async (real) => ({ ...(await real<object>()), useRouter: () => ({ params }) }));
vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('../../services/routes', () => ({
  redirectTo: vi.fn(() => Promise.resolve()),
  navigateTo: vi.fn(() => Promise.resolve()),
  goTo: vi.fn(),
}));

const call = asCloudCall(callCloud);
beforeEach(() => {
  call.mockReset();
  vi.mocked(redirectTo).mockClear();
});

describe('useProposeForm', () => {
  it('sends once while a submit runs, with the same key on a retry, and opens the new topic', async () => {
    const held = deferred<unknown>();
    call.mockImplementationOnce(() => Promise.reject(new CloudError('COMMON.NETWORK' as never))).mockImplementation(() => held.promise);
    const { result } = renderHook(() => useProposeForm());
    act(() => {
      result.current.setTitle('楼道照明改造');
      result.current.setBody('楼道灯经常坏，建议换成声控节能灯。');
    });
    await act(async () => result.current.submit());
    await waitFor(() => expect(result.current.guard.error?.code).toBe('COMMON.NETWORK'));
    act(() => {
      result.current.submit();
      result.current.submit();
    });
    expect(call).toHaveBeenCalledTimes(2);
    const [first, second] = call.mock.calls.map((c) => c[2]);
    expect(second!.key).toBe(first!.key);
    expect(second).toMatchObject({ scope: 'compound', title: '楼道照明改造', photos: [] });
    await act(async () => held.resolve({ id: 'new-topic' }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith('agora/topic', { id: 'new-topic', fresh: true }));
  });
});

describe('useTopicPage', () => {
  it('supports and then reads the topic again; an error is kept and shown', async () => {
    call.mockImplementation((fn, action) => {
      if (action === 'support') return Promise.resolve({ supports: 10, stage: 'agenda' });
      if (action === 'get') return Promise.resolve({ id: 't1', stage: 'agenda' });
      return Promise.resolve({ comments: [], votes: [] });
    });
    const { result } = renderHook(() => useTopicPage());
    await waitFor(() => expect(result.current.topic.state.data).toBeTruthy());
    const gets = () => call.mock.calls.filter((c) => c[1] === 'get').length;
    const before = gets();
    await act(async () => result.current.support());
    await waitFor(() => expect(result.current.done).toContain('列入社区议程'));
    await waitFor(() => expect(gets()).toBe(before + 1));

    call.mockImplementation((fn, action) =>
      action === 'cast'
        ? Promise.reject(new CloudError('DELIB.ALREADY_VOTED' as never, { source: 'paper' }))
        : Promise.resolve({ votes: [] }),
    );
    await act(async () => result.current.cast('v1', 0));
    await waitFor(() => expect(result.current.guard.error?.code).toBe('DELIB.ALREADY_VOTED'));
  });
});

describe('useVotePage', () => {
  it('enters one paper ballot at a time and clears the form after it', async () => {
    const held = deferred<unknown>();
    call.mockImplementation((fn, action) => (action === 'paperBallot' ? held.promise : Promise.resolve({ id: 'v1' })));
    const { result } = renderHook(() => useVotePage());
    act(() => result.current.setPaper({ householdId: 'h1', voterName: '王大爷', option: 1 }));
    act(() => {
      result.current.enter();
      result.current.enter();
    });
    expect(call.mock.calls.filter((c) => c[1] === 'paperBallot')).toEqual([
      ['deliberation', 'paperBallot', { voteId: 't1', householdId: 'h1', voterName: '王大爷', option: 1 }],
    ]);
    await act(async () => held.resolve({}));
    await waitFor(() => expect(result.current.done).toBe('纸质选票已登记'));
    expect(result.current.paper).toEqual({ householdId: '', voterName: '', option: 0 });
  });
});

describe('useStepsPage', () => {
  const answer = (communityKind: 'urban' | 'village') => (fn: string, action: string) => {
    if (action === 'get') return Promise.resolve({ id: 't1', stage: 'agenda', communityKind });
    if (action === 'scheduleMeeting') return Promise.resolve({ id: 'm1', notified: 3 });
    if (action === 'openVote') return Promise.resolve({ id: 'v1' });
    return Promise.resolve({ meetings: [], votes: [] });
  };

  it('in a 村 offers only the village law’s meetings (and party, 两委), with the article, and schedules and votes under it', async () => {
    call.mockImplementation(answer('village') as never);
    const { result } = renderHook(() => useStepsPage());
    await waitFor(() => expect(result.current.kind).toBe('village'));
    expect(result.current.meetingTypes).toEqual(['villagersMeeting', 'villagersRepMeeting', 'partyAssembly', 'committeeMeeting']);
    // the urban default gave way to the village one, with its quorum and source
    expect(result.current.meeting).toMatchObject({ type: 'villagersRepMeeting', base: 'members', title: '村民代表会议' });
    expect(result.current.rule?.source).toBe('《中华人民共和国村民委员会组织法》第二十六条');
    act(() => result.current.pickType('villagersMeeting'));
    act(() => result.current.pickBase('households'));
    expect(result.current.rule?.text).toContain('三分之二以上的户的代表');
    await act(async () => result.current.schedule());
    await waitFor(() => expect(result.current.done).toContain('已通知 3 人'));
    expect(call.mock.calls.find((c) => c[1] === 'scheduleMeeting')![2]).toMatchObject({
      type: 'villagersMeeting',
      base: 'households',
      title: '村民会议',
    });
    act(() => result.current.setVote({ ...result.current.vote, question: '是否硬化村道？' }));
    await act(async () => result.current.openVote());
    await waitFor(() => expect(result.current.done).toBe('入户投票已发起'));
    expect(call.mock.calls.find((c) => c[1] === 'openVote')![2]).toMatchObject({ law: 'village' });
  });

  it('in a 社区 offers 居民会议 (counted on the groups’ representatives it is the 居民代表会议) and no village meeting', async () => {
    call.mockImplementation(answer('urban') as never);
    const { result } = renderHook(() => useStepsPage());
    await waitFor(() => expect(result.current.topic.state.data).toBeTruthy());
    expect(result.current.meetingTypes).toEqual(['residentsMeeting', 'partyAssembly', 'committeeMeeting']);
    expect(result.current.meeting).toMatchObject({ type: 'residentsMeeting', base: 'groupReps', title: '居民代表会议' });
    expect(result.current.rule?.source).toContain('城市居民委员会组织法');
    act(() => result.current.pickBase('households'));
    expect(result.current.meeting.title).toBe('居民会议');
  });
});
