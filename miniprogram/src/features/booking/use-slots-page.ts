import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { SlotView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { firstBookableDay } from './first-bookable';
import { navigateTo } from '../../services/routes';

/**
 * Choosing a time: the days of the booking window, then one day's slots. With `moveFrom` the
 * same screen moves an existing booking instead of making a new one.
 */
export function useSlotsPage() {
  const params = useRouter().params;
  const serviceId = decodeParam(params.serviceId);
  const moveFrom = decodeParam(params.moveFrom) || null;
  // 代办: staff or 三长五员 choosing a time for a resident on the ledger
  const forId = decodeParam(params.forId) || null;
  const forName = decodeParam(params.forName) || '';
  const [date, setDate] = useState<string | null>(decodeParam(params.date) || null);

  const days = useAsync(serviceId ? () => callCloud('booking', 'days', { serviceId }) : null, [serviceId]);
  const slots = useAsync(serviceId && date ? () => callCloud('booking', 'slots', { serviceId, date }) : null, [serviceId, date]);

  // the first day that can still be booked is chosen for the resident; they can pick another
  const list = days.state.data?.days;
  useEffect(() => {
    if (!date && list) setDate(firstBookableDay(list));
  }, [date, list]);

  // coming back from the confirm page: seats may have changed meanwhile. A ref, because the
  // show callback may be the one from the first render.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (!shownOnce.current) {
      shownOnce.current = true;
      return;
    }
    days.reload();
    slots.reload();
  });

  const choose = (slot: SlotView) => {
    const base = { serviceId, startAt: slot.startAt, endAt: slot.endAt, ...(forId ? { forId, forName } : {}) };
    // the caller's own booking or place in line is not the resident's they act for
    if (slot.myBookingId && !forId) return void navigateTo('booking/detail', { id: slot.myBookingId });
    if (slot.myWaitlist && !forId) return void navigateTo('booking/mine');
    if (moveFrom && slot.state === 'open') return void navigateTo('booking/confirm', { mode: 'move', bookingId: moveFrom, ...base });
    if (slot.state === 'open') return void navigateTo('booking/confirm', { mode: 'book', ...base });
    if (slot.state === 'full' && !moveFrom) return void navigateTo('booking/confirm', { mode: 'waitlist', ...base });
    // a tap that changes nothing still says why
    const why = {
      full: '这个时段已约满，请选其他时间',
      tooSoon: '快开始了，来不及预约',
      past: '这个时段已经过了',
      beyondWindow: '这天还不能预约',
      open: '',
    }[slot.state];
    if (why) void Taro.showToast({ title: why, icon: 'none', duration: 2500 });
  };

  /** Picking a day brings its times into view: on a small screen they are below the fold. */
  const pickDay = (d: string) => {
    setDate(d);
    void Taro.pageScrollTo({ selector: '#slots-section', duration: 200 }).catch(() => undefined);
  };

  return { serviceId, moveFrom, forName: forId ? forName : null, date, setDate: pickDay, days, slots, choose };
}
