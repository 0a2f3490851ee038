import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { WaitlistView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { loadMeOrNull } from '../identity/me-store';
import { askToSubscribe } from '../notices/subscribe';
import { newRequestKey } from './format';

export type ConfirmMode = 'book' | 'waitlist' | 'move';

/**
 * Confirming a slot: name, phone and a note, then book, join the line, or move a booking.
 * One request key per page: a second tap, or a retry after the network dropped, is the same
 * booking on the server; a ref (not state) blocks the second tap before React re-renders.
 */
export function useConfirmPage() {
  const params = useRouter().params;
  const serviceId = decodeParam(params.serviceId);
  const startAt = decodeParam(params.startAt);
  const endAt = decodeParam(params.endAt);
  const bookingId = decodeParam(params.bookingId);
  const [mode, setMode] = useState<ConfirmMode>(params.mode === 'waitlist' || params.mode === 'move' ? params.mode : 'book');

  const service = useAsync(serviceId ? () => callCloud('booking', 'days', { serviceId }).then((d) => d.service) : null, [serviceId]);
  const me = useAsync(() => loadMeOrNull(), []);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [note, setNote] = useState('');
  const meData = me.state.data;
  useEffect(() => {
    // filled from the resident's binding once; whatever they type afterwards stays
    if (!meData) return;
    setName((v) => v || meData.binding?.name || meData.name || '');
    setPhone((v) => v || meData.binding?.phone || '');
  }, [meData]);

  const key = useRef(newRequestKey());
  const guard = useGuarded();
  const [joined, setJoined] = useState<WaitlistView | null>(null);

  async function submit(): Promise<void> {
    if (guard.isRunning()) return;
    // first thing in the tap: WeChat shows its subscribe dialog only from a tap handler. A booking
    // (or a place in line, whose promotion is a message too) is when a reminder is wanted; the
    // answer never fails or stops the booking
    const asked = mode === 'move' ? null : askToSubscribe(['bookingReminder']).catch(() => null);
    await guard.run(async () => {
      const booker = { name, phone, note };
      if (mode === 'book') {
        const { booking } = await callCloud('booking', 'book', { serviceId, startAt, booker, requestKey: key.current });
        // the resident's answer is recorded before the page goes, so the reminders can use it
        await asked;
        void Taro.redirectTo({ url: `/booking/detail/index?id=${encodeURIComponent(booking._id)}&fresh=1` });
      } else if (mode === 'move') {
        const { booking } = await callCloud('booking', 'move', { bookingId, startAt });
        void Taro.redirectTo({ url: `/booking/detail/index?id=${encodeURIComponent(booking._id)}&moved=1` });
      } else {
        setJoined((await callCloud('booking', 'joinWaitlist', { serviceId, startAt, booker })).entry);
      }
    });
  }

  /** The slot filled up while the resident was typing: offer the line instead. */
  const switchToWaitlist = () => {
    guard.setError(null);
    setMode('waitlist');
  };

  return { mode, serviceId, startAt, endAt, bookingId, service, name, setName, phone, setPhone, note, setNote, busy: guard.busy !== null, error: guard.error, joined, submit, switchToWaitlist };
}
