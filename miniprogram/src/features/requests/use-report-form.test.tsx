import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { askToSubscribe } from '../notices/subscribe';
import { useReportForm } from './use-report-form';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('../../services/routes', () => ({ redirectTo: vi.fn(() => Promise.resolve()), navigateTo: vi.fn(() => Promise.resolve()) }));
vi.mock('../notices/subscribe', () => ({ askToSubscribe: vi.fn(() => Promise.resolve({ accepted: [], items: null })) }));
vi.mock('../identity/me-store', () => ({ loadMeOrNull: vi.fn(() => Promise.resolve(null)) }));

const call = asCloudCall(callCloud);

async function form() {
  const view = renderHook(() => useReportForm('p-zhongjie'));
  act(() => {
    view.result.current.setCategory('repairs');
    view.result.current.setDescription('2号楼楼道灯不亮');
  });
  await waitFor(() => expect(call).toHaveBeenCalledWith('requests', 'similar', { compoundId: 'p-zhongjie', category: 'repairs' }));
  return view;
}

describe('useReportForm', () => {
  beforeEach(() => {
    call.mockReset();
    call.mockImplementation((_fn, action) =>
      action === 'similar' ? Promise.resolve({ requests: [] }) : Promise.resolve({ request: { id: 'r-new' } }),
    );
  });

  it('does nothing without a category', async () => {
    const { result } = renderHook(() => useReportForm('p-zhongjie'));
    await act(() => result.current.submit());
    expect(call.mock.calls.filter(([, a]) => a === 'submit')).toHaveLength(0);
    expect(askToSubscribe).not.toHaveBeenCalled();
  });

  it('submits once however often it is tapped, asks for reminders first, then opens the new request', async () => {
    const held = deferred<unknown>();
    const { result } = await form();
    call.mockImplementation((_fn, action) => (action === 'submit' ? held.promise : Promise.resolve({ requests: [] })));
    let first!: Promise<void>;
    await act(async () => {
      first = result.current.submit();
      await result.current.submit();
    });
    expect(result.current.submitting).toBe(true);
    await act(async () => {
      held.resolve({ request: { id: 'r-new' } });
      await first;
    });
    const submits = call.mock.calls.filter(([, a]) => a === 'submit');
    expect(submits).toHaveLength(1);
    expect(submits[0]![2]).toMatchObject({
      compoundId: 'p-zhongjie',
      category: 'repairs',
      description: '2号楼楼道灯不亮',
      location: { kind: 'home' },
    });
    expect(askToSubscribe).toHaveBeenCalledWith(['requestUpdate']);
    expect(redirectTo).toHaveBeenCalledWith('request/detail', { id: 'r-new', new: true });
  });

  it('keeps a failure to show, and the retry sends the same key', async () => {
    const { result } = await form();
    call.mockImplementation((_fn, action) =>
      action === 'submit' ? Promise.reject(new CloudError('COMMON.NETWORK')) : Promise.resolve({ requests: [] }),
    );
    await act(() => result.current.submit());
    expect(result.current.error?.code).toBe('COMMON.NETWORK');
    expect(result.current.submitting).toBe(false);
    expect(redirectTo).not.toHaveBeenCalled();
    await act(() => result.current.submit());
    const keys = call.mock.calls.filter(([, a]) => a === 'submit').map(([, , input]) => input.key);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('a spot needs its text; 附议 opens the neighbour’s request, and waits while a submit runs', async () => {
    const { result } = await form();
    act(() => {
      result.current.setWhere('spot');
      result.current.setSpot('3号楼东侧路灯');
    });
    const held = deferred<unknown>();
    call.mockImplementation((_fn, action) => (action === 'submit' ? held.promise : Promise.resolve({})));
    let submitted!: Promise<void>;
    await act(async () => {
      submitted = result.current.submit();
      await result.current.second('r-neighbour');
    });
    expect(call.mock.calls.filter(([, a]) => a === 'second')).toHaveLength(0);
    await act(async () => {
      held.resolve({ request: { id: 'r-new' } });
      await submitted;
    });
    expect(call.mock.calls.find(([, a]) => a === 'submit')?.[2]).toMatchObject({ location: { kind: 'spot', text: '3号楼东侧路灯' } });

    await act(() => result.current.second('r-neighbour'));
    expect(call).toHaveBeenCalledWith('requests', 'second', { requestId: 'r-neighbour' });
    expect(redirectTo).toHaveBeenLastCalledWith('request/detail', { id: 'r-neighbour', seconded: true });
  });
});
