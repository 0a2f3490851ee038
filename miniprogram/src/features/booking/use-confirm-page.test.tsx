import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { askToSubscribe } from '../notices/subscribe';
import { useConfirmPage } from './use-confirm-page';

const params: Record<string, string> = {};
vi.mock('@tarojs/taro', async (real) => ({ ...(await real<object>()), useRouter: () => ({ params }) }));
vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('../../services/routes', () => ({ redirectTo: vi.fn(() => Promise.resolve()), navigateTo: vi.fn(() => Promise.resolve()) }));
vi.mock('../notices/subscribe', () => ({ askToSubscribe: vi.fn(() => Promise.resolve({ accepted: [], items: null })) }));
vi.mock('../identity/me-store', () => ({
  loadMeOrNull: vi.fn(() => Promise.resolve({ name: '张阿姨', binding: { name: '张桂兰', phone: '13800001234' } })),
}));

const call = asCloudCall(callCloud);
const SLOT = { serviceId: 'svc-social', startAt: '2026-11-23T01:00:00.000Z', endAt: '2026-11-23T01:30:00.000Z' };

async function page(mode: 'book' | 'waitlist' | 'move', extra: Record<string, string> = {}) {
  for (const k of Object.keys(params)) delete params[k];
  Object.assign(params, { mode, ...SLOT, ...extra });
  const view = renderHook(() => useConfirmPage());
  await waitFor(() => expect(view.result.current.booker).not.toBeNull());
  return view;
}

describe('useConfirmPage', () => {
  beforeEach(() => {
    call.mockReset();
    call.mockImplementation((_fn, action) =>
      action === 'slots' ? Promise.resolve({ service: { name: '社保咨询' }, slots: [] }) : Promise.resolve({ booking: { _id: 'b1' } }),
    );
  });

  it('fills in the booker from the binding and reads the slot’s day from the server', async () => {
    const { result } = await page('book');
    expect(result.current.booker).toEqual({ name: '张桂兰', phone: '13800001234', note: '' });
    expect(call).toHaveBeenCalledWith('booking', 'slots', { serviceId: 'svc-social', date: '2026-11-23' });
  });

  it('books once however often it is tapped, with one request key, then opens the booking', async () => {
    const { result } = await page('book');
    const held = deferred<unknown>();
    call.mockImplementation((_fn, action) => (action === 'book' ? held.promise : Promise.resolve({ slots: [] })));
    let first!: Promise<void>;
    await act(async () => {
      first = result.current.submit();
      await result.current.submit();
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      held.resolve({ booking: { _id: 'b1' } });
      await first;
    });
    const books = call.mock.calls.filter(([, a]) => a === 'book');
    expect(books).toHaveLength(1);
    expect(books[0]![2]).toMatchObject({
      serviceId: 'svc-social',
      startAt: SLOT.startAt,
      booker: { name: '张桂兰', phone: '13800001234' },
    });
    expect(askToSubscribe).toHaveBeenCalledWith(['bookingReminder']);
    expect(redirectTo).toHaveBeenCalledWith('booking/detail', { id: 'b1', fresh: true });
  });

  it('a full slot keeps its refusal; switching to the line clears it, and a retried booking reuses the key', async () => {
    const { result } = await page('book');
    call.mockImplementation((_fn, action) =>
      action === 'book' ? Promise.reject(new CloudError('BOOKING.SLOT_FULL')) : Promise.resolve({ slots: [] }),
    );
    await act(() => result.current.submit());
    await act(() => result.current.submit());
    expect(result.current.error?.code).toBe('BOOKING.SLOT_FULL');
    const keys = call.mock.calls.filter(([, a]) => a === 'book').map(([, , input]) => input.requestKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);

    act(() => result.current.switchToWaitlist());
    expect(result.current.error).toBeNull();
    expect(result.current.mode).toBe('waitlist');
    call.mockResolvedValue({ entry: { _id: 'w1', position: 2 } });
    await act(() => result.current.submit());
    expect(call).toHaveBeenCalledWith(
      'booking',
      'joinWaitlist',
      expect.objectContaining({ serviceId: 'svc-social', startAt: SLOT.startAt }),
    );
    expect(result.current.joined).toMatchObject({ position: 2 });
  });

  it('moving a booking asks for no reminder and keeps the booking’s own id', async () => {
    const { result } = await page('move', { bookingId: 'b-old' });
    await act(() => result.current.submit());
    expect(askToSubscribe).not.toHaveBeenCalled();
    expect(call).toHaveBeenCalledWith('booking', 'move', { bookingId: 'b-old', startAt: SLOT.startAt });
    expect(redirectTo).toHaveBeenCalledWith('booking/detail', { id: 'b1', moved: true });
  });
});
