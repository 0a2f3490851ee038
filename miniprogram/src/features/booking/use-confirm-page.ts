import { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { shanghaiDate, type WaitlistView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { loadMeOrNull } from '../identity/me-store';
import { askToSubscribe } from '../notices/subscribe';
import { newIdempotencyKey } from '../../services/idempotency';
import { redirectTo } from '../../services/routes';

export type ConfirmMode = 'book' | 'waitlist' | 'move';

type Booker = { name: string; phone: string; note: string };

/**
 * Confirming a slot: name, phone and a note, then book, join the line, or move a booking.
 * The slot is read again from the server (its day's slots): whether it locks at once, with the
 * cutoff passed, is the server's answer, not the phone's clock.
 * One request key per page: a second tap, or a retry after the network dropped, is the same
 * booking on the server; a ref (not state) blocks the second tap before React re-renders.
 */
export function useConfirmPage() {
  const params = useRouter().params;
  const serviceId = decodeParam(params.serviceId);
  const startAt = decodeParam(params.startAt);
  const endAt = decodeParam(params.endAt);
  const bookingId = decodeParam(params.bookingId);
  // 代办: the seat is for a resident on the ledger; the server takes her name and phone from it
  const forId = decodeParam(params.forId) || null;
  const forName = decodeParam(params.forName) || '';
  const [mode, setMode] = useState<ConfirmMode>(params.mode === 'waitlist' || params.mode === 'move' ? params.mode : 'book');

  const date = startAt && !Number.isNaN(Date.parse(startAt)) ? shanghaiDate(startAt) : '';
  const day = useAsync(serviceId && date ? () => callCloud('booking', 'slots', { serviceId, date }) : null, [serviceId, date]);
  const service = day.state.data?.service ?? null;
  const slot = day.state.data?.slots.find((s) => s.startAt === startAt) ?? null;

  // the fields appear once their first values are known (the resident's binding): changing a Taro
  // Input's value before its inner <input> exists throws inside Taro (watchValue on an unset ref)
  const me = useAsync(() => loadMeOrNull(), []);
  const [booker, setBooker] = useState<Booker | null>(null);
  const meState = me.state;
  useEffect(() => {
    if (booker) return;
    if (meState.status === 'ok')
      setBooker({ name: meState.data?.binding?.name || meState.data?.name || '', phone: meState.data?.binding?.phone || '', note: '' });
    else if (meState.status === 'error') setBooker({ name: '', phone: '', note: '' });
  }, [booker, meState]);
  const edit = (key: keyof Booker) => (value: string) => setBooker((b) => ({ ...(b ?? { name: '', phone: '', note: '' }), [key]: value }));

  const key = useRef(newIdempotencyKey());
  const guard = useGuarded();
  const [joined, setJoined] = useState<WaitlistView | null>(null);

  async function submit(): Promise<void> {
    if (guard.isRunning()) return;
    // first thing in the tap: WeChat shows its subscribe dialog only from a tap handler. A booking
    // (or a place in line, whose promotion is a message too) is when a reminder is wanted; the
    // answer never fails or stops the booking
    const asked = mode === 'move' || forId ? null : askToSubscribe(['bookingReminder']).catch(() => null);
    await guard.run(async () => {
      const who = booker ?? { name: '', phone: '', note: '' };
      const holder = forId ? { onBehalfOf: forId, note: who.note } : { booker: who };
      if (mode === 'book') {
        const { booking } = await callCloud('booking', 'book', { serviceId, startAt, ...holder, requestKey: key.current });
        // the resident's answer is recorded before the page goes, so the reminders can use it
        await asked;
        void redirectTo('booking/detail', { id: booking._id, fresh: true });
      } else if (mode === 'move') {
        const { booking } = await callCloud('booking', 'move', { bookingId, startAt });
        void redirectTo('booking/detail', { id: booking._id, moved: true });
      } else {
        setJoined((await callCloud('booking', 'joinWaitlist', { serviceId, startAt, ...holder })).entry);
      }
    });
  }

  /** The slot filled up while the resident was typing: offer the line instead. */
  const switchToWaitlist = () => {
    guard.setError(null);
    setMode('waitlist');
  };

  return {
    mode,
    serviceId,
    startAt,
    endAt,
    bookingId,
    forName: forId ? forName : null,
    day,
    service,
    slot,
    booker,
    setName: edit('name'),
    setPhone: edit('phone'),
    setNote: edit('note'),
    busy: guard.busy !== null,
    error: guard.error,
    joined,
    submit,
    switchToWaitlist,
  };
}
