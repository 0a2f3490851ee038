import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { whenLabel } from './format';
import { navigateTo } from '../../services/routes';

/** One booking with its code; cancel (asked twice, for a slip of the finger) and move. */
export function useBookingDetail() {
  const params = useRouter().params;
  const id = decodeParam(params.id);
  const detail = useAsync(id ? () => callCloud('booking', 'get', { bookingId: id }) : null, [id]);
  const guard = useGuarded();
  const [justCancelled, setJustCancelled] = useState(false);

  // a ref, because the show callback may be the one from the first render
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) detail.reload();
    shownOnce.current = true;
  });

  async function cancel(): Promise<void> {
    const b = detail.state.data?.booking;
    if (!b || guard.isRunning()) return;
    const answer = await Taro.showModal({
      title: '确定取消这个预约吗？',
      content: `${b.serviceName}\n${whenLabel(b)}\n取消后名额会让给别人。`,
      confirmText: '取消预约',
      cancelText: '不取消',
      confirmColor: '#c8102e',
    });
    if (!answer.confirm) return;
    await guard.run(async () => {
      detail.setData(await callCloud('booking', 'cancel', { bookingId: b._id }));
      setJustCancelled(true);
    });
  }

  const move = () => {
    const b = detail.state.data?.booking;
    if (!b) return;
    void navigateTo('booking/slots', { serviceId: b.serviceId, moveFrom: b._id, date: b.date });
  };

  return {
    detail,
    fresh: params.fresh === '1',
    moved: params.moved === '1',
    busy: guard.busy !== null,
    error: guard.error,
    justCancelled,
    cancel,
    move,
  };
}
