import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { keepPoster, renderPoster } from './poster-render';
import { usePoster } from './use-poster';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('./poster-render', () => ({
  renderPoster: vi.fn(async () => 'data:image/png;base64,AAAA'),
  keepPoster: vi.fn(async () => undefined),
  sharePoster: vi.fn(async () => undefined),
}));

const call = asCloudCall(callCloud);
const render = vi.mocked(renderPoster);
const keep = vi.mocked(keepPoster);
const PLACES = { parent: { _id: 'p-1', name: '东塔公寓' }, children: [{ _id: 'p-1-b1', name: '1号楼' }] };
const poster = (title: string) => ({ title, compound: { _id: 'p-1' } });

beforeEach(() => {
  call.mockReset();
  render.mockClear();
  keep.mockClear();
});

describe('usePoster', () => {
  it('generates the chosen place’s poster once however often it is tapped, draws it, then keeps it as a PNG', async () => {
    const held = deferred<unknown>();
    call.mockImplementation(async (_fn, action) => (action === 'listChildren' ? PLACES : held.promise));
    const { result } = renderHook(() => usePoster('p-1', null));
    await waitFor(() => expect(result.current.buildings.state.status).toBe('ok'));
    act(() => result.current.choose('p-1-b1'));
    let first!: Promise<boolean>;
    await act(async () => {
      first = result.current.generate();
      await result.current.generate();
    });
    expect(result.current.busy).toBe('generate');
    await act(async () => {
      held.resolve(poster('东塔公寓 1号楼'));
      await first;
    });
    expect(call.mock.calls.filter((c) => c[1] === 'poster')).toEqual([['team', 'poster', { compoundId: 'p-1', buildingId: 'p-1-b1' }]]);
    expect(render).toHaveBeenCalledTimes(1);
    expect(result.current.made?.image).toBe('data:image/png;base64,AAAA');
    await act(async () => {
      await result.current.keep();
    });
    expect(keep).toHaveBeenCalledWith('data:image/png;base64,AAAA', '服务联系卡-东塔公寓-1号楼');
    expect(result.current.note).toContain('PNG');
  });

  it('a refusal is kept for the page, nothing is drawn, and choosing another place clears what was made', async () => {
    call.mockImplementation(async (_fn, action) => {
      if (action === 'listChildren') return PLACES;
      throw new CloudError('TEAM.POSTER_CODE_FAILED', { wxErrCode: 41030 });
    });
    const { result } = renderHook(() => usePoster('p-1', null));
    await waitFor(() => expect(result.current.buildings.state.status).toBe('ok'));
    await act(async () => {
      await result.current.generate();
    });
    expect(result.current.error?.code).toBe('TEAM.POSTER_CODE_FAILED');
    expect(render).not.toHaveBeenCalled();
    expect(call.mock.calls.find((c) => c[1] === 'poster')?.[2]).toEqual({ compoundId: 'p-1' });

    call.mockImplementation(async (_fn, action) => (action === 'listChildren' ? PLACES : poster('东塔公寓')));
    await act(async () => {
      await result.current.generate();
    });
    expect(result.current.made).not.toBeNull();
    act(() => result.current.choose('p-1-b1'));
    expect(result.current.made).toBeNull();
  });
});
