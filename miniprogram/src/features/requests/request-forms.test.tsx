import Taro from '@tarojs/taro';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { RequestDetail } from '@linli/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { useMergeForm } from './use-merge-form';
import { useProgressForm } from './use-progress-form';
import { useRateForm } from './use-rate-form';
import { useRequestStep } from './use-request-step';
import { useResolveForm } from './use-resolve-form';
import { useTriageForm } from './use-triage-form';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('../../services/routes', () => ({ redirectTo: vi.fn(() => Promise.resolve()), navigateTo: vi.fn(() => Promise.resolve()) }));

const call = asCloudCall(callCloud);
const request = (over: Partial<RequestDetail> = {}) =>
  ({
    id: 'r1',
    status: 'accepted',
    track: null,
    tier: 'general',
    compoundId: 'p-zhongjie',
    category: 'repairs',
    ...over,
  }) as unknown as RequestDetail;
const answered = (over: Partial<RequestDetail> = {}) => request({ status: 'handling', ...over });

beforeEach(() => call.mockReset());

describe('useRequestStep', () => {
  it('answers the call’s result; a second tap while it runs is not sent; a failure answers null and is kept', async () => {
    const { result } = renderHook(() => useRequestStep());
    const held = deferred<string>();
    const work = vi.fn(() => held.promise);
    let first!: Promise<string | null>;
    let second: string | null | undefined;
    await act(async () => {
      first = result.current.run(work);
      second = await result.current.run(work);
    });
    expect(second).toBeNull();
    expect(result.current.busy).toBe(true);
    await act(async () => {
      held.resolve('done');
      expect(await first).toBe('done');
    });
    expect(work).toHaveBeenCalledTimes(1);
    let failed: unknown = 'not run';
    await act(async () => {
      failed = await result.current.run(() => Promise.reject(new CloudError('REQUEST.NOT_FOUND' as never)));
    });
    expect(failed).toBeNull();
    expect(result.current.error?.code).toBe('REQUEST.NOT_FOUND');
  });
});

describe('useTriageForm', () => {
  beforeEach(() =>
    call.mockImplementation((_fn, action) =>
      action === 'handlers'
        ? Promise.resolve({
            candidates: [
              { openid: 'o-leader', name: '王点长', roleLabel: '小区点长', placeName: '中捷木材小区', tracks: ['minor'] },
              { openid: 'o-street', name: '李专管员', roleLabel: '街道专管员', placeName: '东塔街道', tracks: ['major'] },
            ],
          })
        : Promise.resolve(answered()),
    ),
  );

  it('offers the handlers of the chosen track, forgets the handler when the track changes, and sends the handler', async () => {
    const onDone = vi.fn();
    const onWork = vi.fn();
    const { result } = renderHook(() => useTriageForm(request(), onDone, onWork));
    await waitFor(() => expect(result.current.options.map((o) => o.id)).toEqual(['o-leader']));
    expect(result.current.canSubmit).toBe(false);
    act(() => result.current.setHandler('o-leader'));
    expect(result.current.canSubmit).toBe(true);
    act(() => result.current.setTrack('major'));
    expect(result.current.handler).toBeNull();
    expect(result.current.options.map((o) => o.id)).toEqual(['o-street']);
    act(() => {
      result.current.setHandler('o-street');
      result.current.setComplex(true);
    });
    await act(() => result.current.submit());
    expect(onWork).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('requests', 'triage', { requestId: 'r1', track: 'major', handlerOpenid: 'o-street', complex: true });
    expect(onDone).toHaveBeenCalledWith(answered());
  });

  it('a private matter sends guidance, not a handler', async () => {
    const { result } = renderHook(() => useTriageForm(request(), vi.fn()));
    act(() => {
      result.current.setTrack('private');
      result.current.setGuidance('请与楼上邻居协商');
    });
    expect(result.current.options).toEqual([]);
    expect(result.current.canSubmit).toBe(true);
    await act(() => result.current.submit());
    expect(call).toHaveBeenCalledWith('requests', 'triage', { requestId: 'r1', track: 'private', guidance: '请与楼上邻居协商' });
  });

  it('while it is being handled the form stays folded and reads no candidates until unfolded', async () => {
    const { result } = renderHook(() => useTriageForm(request({ status: 'handling', track: 'minor' }), vi.fn()));
    expect(result.current.unfolded).toBe(false);
    expect(call).not.toHaveBeenCalled();
    act(() => result.current.unfold());
    await waitFor(() => expect(call).toHaveBeenCalledWith('requests', 'handlers', { requestId: 'r1' }));
  });
});

describe('useProgressForm', () => {
  it('a failed send keeps the text and its key for the retry; a sent one empties the form and takes a new key', async () => {
    const onDone = vi.fn();
    const { result } = renderHook(() => useProgressForm(request({ status: 'handling' }), onDone));
    act(() => result.current.setText('已联系物业，明天上午维修'));
    const key = result.current.key;
    call.mockRejectedValueOnce(new CloudError('COMMON.NETWORK'));
    await act(() => result.current.send());
    expect(result.current.error?.code).toBe('COMMON.NETWORK');
    expect(result.current.text).toBe('已联系物业，明天上午维修');
    expect(result.current.key).toBe(key);
    expect(onDone).not.toHaveBeenCalled();

    call.mockResolvedValueOnce(answered());
    await act(() => result.current.send());
    expect(call.mock.calls.map(([, , input]) => input.key)).toEqual([key, key]);
    expect(result.current.text).toBe('');
    expect(result.current.key).not.toBe(key);
    expect(result.current.error).toBeNull();
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});

describe('useResolveForm', () => {
  it('runs the moment of work first, then sends the result once', async () => {
    const order: string[] = [];
    const onWork = vi.fn(() => order.push('work'));
    call.mockImplementation(() => {
      order.push('resolve');
      return Promise.resolve(answered({ status: 'resolved' }));
    });
    const onDone = vi.fn();
    const { result } = renderHook(() => useResolveForm(request({ status: 'handling' }), onDone, onWork));
    act(() => result.current.setResult('楼道灯已更换'));
    await act(() => result.current.submit());
    expect(order).toEqual(['work', 'resolve']);
    expect(call).toHaveBeenCalledWith('requests', 'resolve', { requestId: 'r1', result: '楼道灯已更换', photos: [] });
    expect(onDone).toHaveBeenCalledWith(answered({ status: 'resolved' }));
  });
});

describe('useRateForm', () => {
  it('asks for both choices before sending anything, then sends the rating (a blank comment left out)', async () => {
    const onDone = vi.fn();
    const { result } = renderHook(() => useRateForm(request({ status: 'resolved' }), onDone));
    await act(() => result.current.submit());
    expect(call).not.toHaveBeenCalled();
    expect(result.current.error).toMatchObject({ code: 'COMMON.INVALID_INPUT', details: { issues: [{ message: '请选择问题是否解决' }] } });
    act(() => result.current.setSolved(true));
    await act(() => result.current.submit());
    expect(result.current.error?.details).toMatchObject({ issues: [{ message: '请选择满意、基本满意或不满意' }] });
    act(() => {
      result.current.setSatisfaction('satisfied');
      result.current.setComment('  ');
    });
    call.mockResolvedValueOnce(answered({ status: 'closed' }));
    await act(() => result.current.submit());
    expect(call).toHaveBeenCalledWith('requests', 'rate', { requestId: 'r1', solved: true, satisfaction: 'satisfied' });
    expect(result.current.error).toBeNull();
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});

describe('useMergeForm', () => {
  it('reads the similar requests only when asked, merges only after a yes, then opens the merged request', async () => {
    call.mockImplementation((_fn, action) =>
      action === 'similar' ? Promise.resolve({ requests: [{ id: 'r1' }, { id: 'r0' }] }) : Promise.resolve(answered({ id: 'r0' })),
    );
    const modal = vi.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: '' });
    const { result } = renderHook(() => useMergeForm(request(), vi.fn()));
    expect(call).not.toHaveBeenCalled();
    act(() => result.current.show());
    await waitFor(() => expect(result.current.others.map((o) => o.id)).toEqual(['r0']));

    await act(() => result.current.merge('r0'));
    expect(call).not.toHaveBeenCalledWith('requests', 'merge', expect.anything());

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: '' });
    await act(() => result.current.merge('r0'));
    expect(call).toHaveBeenCalledWith('requests', 'merge', { requestId: 'r1', intoId: 'r0' });
    expect(redirectTo).toHaveBeenCalledWith('workbench/detail', { id: 'r0' });
  });
});
