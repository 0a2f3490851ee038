import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { addDays, shanghaiDate, type RosterEntry } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { decodeParam } from '../../services/format';

/** A service's roster for one day, with check-in and 未到 from the list itself. */
export function useRoster() {
  const params = useRouter().params;
  const serviceId = decodeParam(params.serviceId);
  const [date, setDate] = useState(decodeParam(params.date) || shanghaiDate(new Date()));
  const roster = useAsync(serviceId ? () => callCloud('booking', 'roster', { serviceId, date }) : null, [serviceId, date]);
  const [working, setWorking] = useState<string | null>(null);
  const busyRef = useRef(false);
  const [error, setError] = useState<CloudError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function act(entry: RosterEntry, what: 'checkIn' | 'noShow'): Promise<void> {
    const communityId = roster.state.data?.service.communityId;
    if (busyRef.current || !communityId) return;
    busyRef.current = true;
    setWorking(`${what}-${entry.bookingId}`);
    setError(null);
    setDone(null);
    try {
      if (what === 'checkIn') await callCloud('booking', 'checkIn', { communityId, code: entry.code });
      else await callCloud('booking', 'markNoShow', { serviceId, bookingId: entry.bookingId });
      setDone(`${entry.name}：${what === 'checkIn' ? '已签到' : '已记为未到'}`);
      roster.reload();
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      busyRef.current = false;
      setWorking(null);
    }
  }

  return {
    serviceId,
    date,
    today: shanghaiDate(new Date()),
    shift: (days: number) => setDate((d) => addDays(d, days)),
    goToday: () => setDate(shanghaiDate(new Date())),
    roster,
    working,
    error,
    done,
    checkIn: (e: RosterEntry) => void act(e, 'checkIn'),
    markNoShow: (e: RosterEntry) => void act(e, 'noShow'),
  };
}
