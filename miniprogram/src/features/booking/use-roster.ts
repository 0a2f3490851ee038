import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { addDays, type RosterEntry } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';

/** A service's roster for one day, with check-in and 未到 from the list itself. */
export function useRoster() {
  const params = useRouter().params;
  const serviceId = decodeParam(params.serviceId);
  // no date: the server's today (the phone's clock may be wrong)
  const [date, setDate] = useState<string | null>(decodeParam(params.date) || null);
  const roster = useAsync(serviceId ? () => callCloud('booking', 'roster', date ? { serviceId, date } : { serviceId }) : null, [
    serviceId,
    date,
  ]);
  const data = roster.state.data;
  const guard = useGuarded<string>();
  const [done, setDone] = useState<string | null>(null);

  async function act(entry: RosterEntry, what: 'checkIn' | 'noShow'): Promise<void> {
    const communityId = roster.state.data?.service.communityId;
    if (guard.isRunning() || !communityId) return;
    setDone(null);
    await guard.run(async () => {
      if (what === 'checkIn') await callCloud('booking', 'checkIn', { communityId, code: entry.code });
      else await callCloud('booking', 'markNoShow', { serviceId, bookingId: entry.bookingId });
      setDone(`${entry.name}：${what === 'checkIn' ? '已签到' : '已记为未到'}`);
      roster.reload();
    }, `${what}-${entry.bookingId}`);
  }

  const shown = data?.date ?? date;
  return {
    serviceId,
    date: shown,
    today: data?.today ?? null,
    /** Has this slot started, by the server's clock at the last load. */
    started: (startAt: string) => Boolean(data && Date.parse(startAt) <= Date.parse(data.now)),
    shift: (days: number) => {
      if (shown) setDate(addDays(shown, days));
    },
    goToday: () => setDate(data?.today ?? null),
    roster,
    working: guard.busy,
    error: guard.error,
    done,
    checkIn: (e: RosterEntry) => void act(e, 'checkIn'),
    markNoShow: (e: RosterEntry) => void act(e, 'noShow'),
  };
}
