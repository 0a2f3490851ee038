import { useState } from 'react';
import type { CalendarYearView, LocalClosureView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
import { loadMe } from '../identity/me-store';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { calendarContract } from '../../../../shared/src/contracts/calendar.contract';

registerContract('calendar', calendarContract);

export type ClosurePlace = { value: string; label: string };

/** The streets a closure may be for: street staff's own street, an admin's streets of the district. */
async function closurePlaces(): Promise<ClosurePlace[]> {
  const me = await loadMe();
  const out: ClosurePlace[] = [];
  for (const g of me.grants) {
    if (g.role === 'streetStaff') out.push({ value: g.placeId, label: g.placeName });
    if (g.role === 'admin') {
      const { children } = await callCloud('places', 'listChildren', { parentId: g.placeId });
      for (const c of children) out.push({ value: c._id, label: c.name });
    }
  }
  return out.filter((p, i) => out.findIndex((q) => q.value === p.value) === i);
}

/** Local closures (a typhoon day, a local holiday): add one for a street, take one back; one action at a time. */
export function useClosures(year: number, onView: (view: CalendarYearView) => void) {
  const places = useAsync(closurePlaces, []);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const guard = useGuarded<string>();
  const chosen = placeId ?? places.state.data?.[0]?.value ?? null;

  const add = () =>
    guard.run(async () => {
      if (!chosen) return;
      onView(await callCloud('calendar', 'addClosure', { key, placeId: chosen, date: date.trim(), reason, year }));
      setKey(newIdempotencyKey());
      setDate('');
      setReason('');
    }, 'add');

  const remove = (c: LocalClosureView) =>
    guard.run(async () => {
      onView(await callCloud('calendar', 'removeClosure', { key: newIdempotencyKey(), placeId: c.placeId, date: c.date, year }));
    }, `remove-${c.placeId}-${c.date}`);

  return { places, placeId: chosen, setPlaceId, date, setDate, reason, setReason, add, remove, busy: guard.busy, error: guard.error };
}
