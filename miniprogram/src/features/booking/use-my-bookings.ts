import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import type { WaitlistView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';

/** 我的预约: upcoming, in line, and past. Reloaded each time the page is shown. */
export function useMyBookings() {
  const mine = useAsync(() => callCloud('booking', 'mine', {}), []);
  // a ref, because the show callback may be the one from the first render
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) mine.reload();
    shownOnce.current = true;
  });
  const guard = useGuarded<string>();

  async function leave(entry: WaitlistView): Promise<void> {
    await guard.run(async () => {
      await callCloud('booking', 'leaveWaitlist', { entryId: entry._id });
      mine.reload();
    }, entry._id);
  }

  const data = mine.state.data;
  return {
    mine,
    upcoming: data?.upcoming ?? [],
    past: data?.past ?? [],
    waitlist: data?.waitlist ?? [],
    leave,
    leaving: guard.busy,
    error: guard.error,
  };
}
