import Taro from '@tarojs/taro';
import { act, renderHook, waitFor } from '@testing-library/react';
import { DEFAULT_LIFETIME_DAYS } from '@linli/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { usePublishForm } from './use-publish-form';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('../../services/routes', () => ({ redirectTo: vi.fn(() => Promise.resolve()), navigateTo: vi.fn(() => Promise.resolve()) }));

const call = asCloudCall(callCloud);
const COMPOUND = { _id: 'p-zhongjie', kind: 'compound', name: '中捷木材小区', fullName: '东塔街道 中房社区 中捷木材小区' };
const PUBLISHED = { notice: { _id: 'n1' }, messages: { recipients: 22, willReceive: 5, noGrant: 17 } };
const answer = (confirm: boolean) => ({ confirm, cancel: !confirm, errMsg: '' });

async function form() {
  const view = renderHook(() => usePublishForm());
  // a point leader's one compound is chosen for them
  await waitFor(() => expect(view.result.current.form.targetIds).toEqual(['p-zhongjie']));
  act(() => {
    view.result.current.set.setTitle('停水通知');
    view.result.current.set.setBody('明天 9:00–12:00 停水');
  });
  return view;
}

describe('usePublishForm', () => {
  beforeEach(() => {
    call.mockReset();
    call.mockImplementation((_fn, action) =>
      action === 'scopes' ? Promise.resolve({ places: [COMPOUND], canSunshine: false }) : Promise.resolve(PUBLISHED),
    );
  });

  it('publishes nothing when the publisher says 再看看', async () => {
    const modal = vi.spyOn(Taro, 'showModal').mockResolvedValue(answer(false));
    const { result } = await form();
    await act(() => result.current.publish());
    expect(modal.mock.calls[0]![0]).toMatchObject({ content: expect.stringContaining('中捷木材小区') });
    expect(call.mock.calls.filter(([, a]) => a === 'publish')).toHaveLength(0);
  });

  it('publishes once however often 发布 is tapped, then opens the reach page with what messages will reach', async () => {
    vi.spyOn(Taro, 'showModal').mockResolvedValue(answer(true));
    const { result } = await form();
    const held = deferred<unknown>();
    call.mockImplementation(() => held.promise);
    let first!: Promise<void>;
    await act(async () => {
      first = result.current.publish();
      await new Promise((r) => setTimeout(r, 0));
      await result.current.publish();
    });
    await act(async () => {
      held.resolve(PUBLISHED);
      await first;
    });
    const publishes = call.mock.calls.filter(([, a]) => a === 'publish');
    expect(publishes).toHaveLength(1);
    expect(publishes[0]![2]).toMatchObject({ title: '停水通知', targetIds: ['p-zhongjie'], category: 'notice' });
    expect(redirectTo).toHaveBeenCalledWith('notices-admin/reach', { id: 'n1', fresh: true, recipients: 22, willReceive: 5, noGrant: 17 });
  });

  it('a failed publish keeps its error and its key; only a success makes a new key', async () => {
    vi.spyOn(Taro, 'showModal').mockResolvedValue(answer(true));
    const { result } = await form();
    call.mockRejectedValueOnce(new CloudError('CONTENT.REJECTED' as never));
    await act(() => result.current.publish());
    expect(result.current.error?.code).toBe('CONTENT.REJECTED');
    call.mockResolvedValue(PUBLISHED);
    await act(() => result.current.publish());
    await act(() => result.current.publish());
    const keys = call.mock.calls.filter(([, a]) => a === 'publish').map(([, , input]) => input.requestKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('an urgent notice asks for confirmation and lives as long as urgent ones do', async () => {
    const { result } = await form();
    act(() => result.current.set.chooseCategory('urgent'));
    expect(result.current.form.needsAck).toBe(true);
    expect(result.current.form.category).toBe('urgent');
    expect(result.current.form.lifetimeDays).toBe(DEFAULT_LIFETIME_DAYS.urgent);
  });
});
