import { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { WaitlistView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';

/** 我的预约: upcoming, in line, and past. Reloaded each time the page is shown. */
export function useMyBookings() {
  const mine = useAsync(() => callCloud('booking', 'mine', {}), []);
  // a ref, because the show callback may be the one from the first render
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) mine.reload();
    shownOnce.current = true;
  });
  const [leaving, setLeaving] = useState<string | null>(null);
  const busyRef = useRef(false);
  const [error, setError] = useState<CloudError | null>(null);

  async function leave(entry: WaitlistView): Promise<void> {
    if (busyRef.current) return;
    busyRef.current = true;
    setLeaving(entry._id);
    setError(null);
    try {
      await callCloud('booking', 'leaveWaitlist', { entryId: entry._id });
      mine.reload();
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      busyRef.current = false;
      setLeaving(null);
    }
  }

  const data = mine.state.data;
  return { mine, upcoming: data?.upcoming ?? [], past: data?.past ?? [], waitlist: data?.waitlist ?? [], leave, leaving, error };
}
