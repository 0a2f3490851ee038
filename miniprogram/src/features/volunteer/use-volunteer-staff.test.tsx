import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { useVisitPage } from './use-lianbao';
import {
  activityFromDraft,
  shanghaiDay,
  shanghaiMonth,
  useLianbaoAdmin,
  usePostActivity,
  useShopAdmin,
  useVolunteerSettings,
} from './use-volunteer-staff';

const params: Record<string, string> = {};
vi.mock('@tarojs/taro', async (real) => ({ ...(await real<object>()), useRouter: () => ({ params }) }));
vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('../../services/routes', () => ({ redirectTo: vi.fn(() => Promise.resolve()), navigateTo: vi.fn(() => Promise.resolve()) }));

const call = asCloudCall(callCloud);
const setParams = (p: Record<string, string>) => {
  for (const k of Object.keys(params)) delete params[k];
  Object.assign(params, p);
};
const calls = (action: string) => call.mock.calls.filter(([, a]) => a === action);

beforeEach(() => {
  call.mockReset();
  vi.mocked(redirectTo).mockClear();
});

describe('Shanghai days and the activity the form describes', () => {
  const now = Date.parse('2026-12-03T17:30:00.000Z'); // 01:30 on 12-04 in Shanghai
  it.each([
    [0, '2026-12-04'],
    [1, '2026-12-05'],
    [-1, '2026-12-03'],
  ])('day %i from now → %s', (offset, day) => expect(shanghaiDay(offset, now)).toBe(day));
  it.each([
    [0, '2026-12'],
    [1, '2027-01'],
    [-12, '2025-12'],
  ])('month %i from now → %s', (offset, month) => expect(shanghaiMonth(offset, now)).toBe(month));

  it('wall times in Shanghai become instants, the duration the end, text numbers numbers', () => {
    expect(
      activityFromDraft({
        title: '帮厨',
        location: '食堂',
        description: '',
        day: '2026-12-04',
        start: '09:00',
        hours: 2,
        seats: '10',
        pointsKind: 'perHour',
        points: '1.5',
        whoMayJoin: 'community',
      }),
    ).toMatchObject({
      startAt: '2026-12-04T01:00:00.000Z',
      endAt: '2026-12-04T03:00:00.000Z',
      seats: 10,
      points: { kind: 'perHour', points: 1.5 },
    });
  });
});

describe('usePostActivity', () => {
  it('posts once however often it is tapped, with one key kept for a retry, then opens the activity', async () => {
    setParams({ communityId: 'c-zhongfang' });
    const held = deferred<unknown>();
    call.mockImplementationOnce(() => Promise.reject(new CloudError('COMMON.NETWORK' as never))).mockImplementation(() => held.promise);
    const { result } = renderHook(() => usePostActivity());
    act(() => result.current.set('title', '帮厨'));
    await act(async () => result.current.submit());
    await waitFor(() => expect(result.current.guard.error?.code).toBe('COMMON.NETWORK'));
    act(() => {
      result.current.submit();
      result.current.submit();
    });
    expect(calls('post')).toHaveLength(2);
    const [first, second] = calls('post').map(([, , input]) => input);
    expect(second!.key).toBe(first!.key); // the retry is the same post
    expect(second).toMatchObject({ communityId: 'c-zhongfang', activity: { title: '帮厨' } });
    await act(async () => held.resolve({ activity: { id: 'va_1' } }));
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith('volunteer/activity', { id: 'va_1' }));
  });
});

describe('useShopAdmin', () => {
  beforeEach(() => setParams({ communityId: 'c-zhongfang' }));

  it('hands over by the code typed, shows who got what, clears the field; a refused code is kept as the error', async () => {
    call.mockImplementation((_fn, action) =>
      action === 'rewards'
        ? Promise.resolve({ rewards: [] })
        : Promise.resolve({
            redemption: { id: 'vd_1', code: 'K7M2QX', rewardName: '食堂午餐一份', name: '陈秀英', price: 2, status: 'handedOver' },
          }),
    );
    const { result } = renderHook(() => useShopAdmin());
    await waitFor(() => expect(result.current.rewards.state.status).toBe('ok'));
    act(() => result.current.setCode('k7m 2qx'));
    await act(async () => result.current.handOver());
    await waitFor(() => expect(result.current.handed?.rewardName).toBe('食堂午餐一份'));
    expect(calls('handOver')[0]![2]).toEqual({ communityId: 'c-zhongfang', code: 'k7m 2qx' });
    expect(result.current.code).toBe('');
    call.mockImplementation(() => Promise.reject(new CloudError('VOLUNTEER.REDEMPTION_DONE' as never)));
    act(() => result.current.setCode('K7M2QX'));
    await act(async () => result.current.handOver());
    await waitFor(() => expect(result.current.guard.error?.code).toBe('VOLUNTEER.REDEMPTION_DONE'));
    expect(result.current.handed).toBeNull();
  });

  it('saves a reward’s price and stock as numbers and reads the shelf again', async () => {
    const reward = { id: 'rw1', name: '理发一次', description: '', price: 5, stock: 10, left: 8, active: true };
    call.mockImplementation((_fn, action) => Promise.resolve(action === 'rewards' ? { rewards: [reward] } : { reward }));
    const { result } = renderHook(() => useShopAdmin());
    await waitFor(() => expect(result.current.rewards.state.status).toBe('ok'));
    act(() => result.current.setEdit(reward, 'stock', '20'));
    expect(result.current.edit(reward)).toEqual({ price: '5', stock: '20' });
    await act(async () => result.current.save(reward));
    await waitFor(() => expect(calls('rewards')).toHaveLength(2));
    expect(calls('saveReward')[0]![2]).toMatchObject({ rewardId: 'rw1', reward: { price: 5, stock: 20, name: '理发一次' } });
  });
});

describe('useLianbaoAdmin', () => {
  it('assigns the households picked to the member chosen and keeps the warning above the number', async () => {
    setParams({ communityId: 'c-zhongfang' });
    call.mockImplementation((_fn, action) => {
      if (action === 'listChildren') return Promise.resolve({ children: [{ _id: 'p-zhongjie', name: '中捷木材小区' }] });
      if (action === 'lianbaoMap') return Promise.resolve({ buildings: [] });
      if (action === 'partyMembers') return Promise.resolve({ members: [], householdsPerMember: 10, cadres: [] });
      return Promise.resolve({ member: { name: '黄立新', households: 11 }, warning: { households: 11, perMember: 10 } });
    });
    const { result } = renderHook(() => useLianbaoAdmin());
    await waitFor(() => expect(result.current.chosen).toBe('p-zhongjie'));
    await waitFor(() => expect(calls('lianbaoMap')[0]![2]).toEqual({ compoundId: 'p-zhongjie' }));
    act(() => {
      result.current.setMember('pm1');
      result.current.toggle('h1');
      result.current.toggle('h2');
      result.current.toggle('h1');
    });
    expect(result.current.picked).toEqual(['h2']);
    await act(async () => result.current.assign());
    await waitFor(() => expect(result.current.warning).toEqual({ name: '黄立新', households: 11, perMember: 10 }));
    expect(calls('assign')[0]![2]).toEqual({ communityId: 'c-zhongfang', partyMemberOpenid: 'pm1', householdIds: ['h2'] });
    expect(result.current.picked).toEqual([]);
  });
});

describe('useVolunteerSettings', () => {
  it('sends blank caps and a blank life as none, against the version read', async () => {
    setParams({ communityId: 'c-zhongfang' });
    const settings = {
      capPerDay: null,
      capPerMonth: 40,
      householdsPerMember: 10,
      visitEveryDays: 30,
      pointsLifeMonths: 12,
      leads: [],
      partyItems: [],
      version: 3,
    };
    call.mockImplementation((_fn, action) => Promise.resolve(action === 'settings' ? settings : { ...settings, version: 4 }));
    const { result } = renderHook(() => useVolunteerSettings());
    await waitFor(() => expect(result.current.shown?.capPerMonth).toBe('40'));
    act(() => result.current.set('capPerMonth', ''));
    act(() => result.current.set('pointsLifeMonths', ''));
    await act(async () => result.current.save());
    await waitFor(() => expect(result.current.saved).toBe(true));
    expect(calls('saveSettings')[0]![2]).toMatchObject({
      version: 3,
      settings: { capPerDay: null, capPerMonth: null, householdsPerMember: 10, visitEveryDays: 30, pointsLifeMonths: null },
    });
  });
});

describe('useVisitPage', () => {
  it('keeps one key per visit (a retry is the same visit), a fresh one for the next; raises a need once', async () => {
    setParams({ householdId: 'p-zhongjie-b1-u1-102' });
    const visit = { id: 'lv_1', householdId: 'p-zhongjie-b1-u1-102', need: '暖气不热', requestId: null };
    call.mockImplementation((_fn, action, input) => {
      if (action === 'visits') return Promise.resolve({ householdName: '1号楼1单元102', visits: [] });
      if (action === 'logVisit' && calls('logVisit').length === 1) return Promise.reject(new CloudError('COMMON.NETWORK' as never));
      if (action === 'logVisit') return Promise.resolve({ visit });
      return Promise.resolve({ requestId: 'need-lv_1', visit: { ...visit, requestId: `need-${String(input.visitId)}` } });
    });
    const { result } = renderHook(() => useVisitPage());
    await waitFor(() => expect(result.current.visits.state.status).toBe('ok'));
    act(() => {
      result.current.set('topics', '聊了供暖');
      result.current.set('need', ' 暖气不热 ');
      result.current.set('followUpDays', 7);
    });
    await act(async () => result.current.submit());
    await waitFor(() => expect(result.current.guard.error?.code).toBe('COMMON.NETWORK'));
    await act(async () => result.current.submit());
    await waitFor(() => expect(result.current.saved?.id).toBe('lv_1'));
    const [failed, sent] = calls('logVisit').map(([, , input]) => input);
    expect(sent!.key).toBe(failed!.key);
    expect(sent).toMatchObject({ need: '暖气不热', followUpOn: shanghaiDay(7) });
    expect(result.current.draft.topics).toBe('');
    act(() => result.current.setCategory('utilities'));
    await act(async () => result.current.raise('lv_1'));
    await waitFor(() => expect(result.current.saved?.requestId).toBe('need-lv_1'));
    expect(calls('raiseNeed')[0]![2]).toEqual({ visitId: 'lv_1', category: 'utilities' });
  });
});
