import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { MessageOutlook } from '@linli/shared';
import { useEffect, useRef, useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { outlookFromParams } from './publish-banner';

/** How often the reach page asks again while it is on screen: "live" for a person watching. */
export const REACH_REFRESH_MS = 10_000;

/** A notice's reach, refreshed while the page is shown; reminding and withdrawing from here. */
export function useReach() {
  const params = useRouter().params;
  const id = decodeParam(params.id);
  const reach = useAsync(id ? () => callCloud('notices', 'reach', { noticeId: id }) : null, [id]);
  const guard = useGuarded<'remind' | 'withdraw'>();
  const [reminded, setReminded] = useState<{ queued: number; messages: MessageOutlook } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const start = () => {
    if (timer.current) return;
    timer.current = setInterval(() => {
      setNow(Date.now());
      reach.reload();
    }, REACH_REFRESH_MS);
  };
  const stop = () => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  const shown = useRef(false);
  useDidShow(() => {
    // back from the door list or a chat: show what changed meanwhile
    if (shown.current) reach.reload();
    shown.current = true;
    start();
  });
  useDidHide(stop);
  useEffect(() => {
    start();
    return stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  usePullDownRefresh(() => {
    reach.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 400);
  });

  const guarded = (kind: 'remind' | 'withdraw', work: () => Promise<void>) => guard.run(work, kind);

  const remind = () =>
    guarded('remind', async () => {
      const { queued, messages } = await callCloud('notices', 'remind', { noticeId: id });
      setReminded({ queued, messages });
      setNow(Date.now());
      reach.reload();
    });

  const withdraw = async () => {
    const answer = await Taro.showModal({
      title: '确定撤回这条通知吗？',
      content: '撤回后居民就看不到了，还没发出的微信提醒也不再发送。',
      confirmText: '撤回',
      cancelText: '不撤回',
      confirmColor: '#c8102e',
    });
    if (!answer.confirm) return;
    await guarded('withdraw', async () => {
      await callCloud('notices', 'withdraw', { noticeId: id });
      reach.reload();
    });
  };

  return {
    id,
    fresh: params.fresh === '1',
    outlook: outlookFromParams(params),
    reach,
    busy: guard.busy,
    error: guard.error,
    reminded,
    now,
    remind,
    withdraw,
  };
}
