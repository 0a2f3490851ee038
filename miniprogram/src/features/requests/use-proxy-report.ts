import { useState } from 'react';
import type { RequestCategory } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, type CloudOutput } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
import { navigateTo, redirectTo } from '../../services/routes';

export type LedgerHit = CloudOutput<'places', 'searchResidents'>['residents'][number];

/**
 * 代办: staff or 三长五员 report for a resident without a phone. Find them on the compound's
 * ledger (name, room or phone), pick them, say what the problem is; one key per form, so a double
 * tap or a retry is one request. At home means at the resident's household. Or book a service of
 * her community for her: the same search, then the booking pages with her as the booker. Or her
 * 积分: sign her up for an activity, redeem from her points.
 */
export function useProxyReport(compoundId: string | null) {
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const hits = useAsync(
    compoundId && searched ? () => callCloud('places', 'searchResidents', { compoundId, q: searched }).then((r) => r.residents) : null,
    [compoundId, searched],
  );
  const [resident, setResident] = useState<LedgerHit | null>(null);
  // what to do for her: report a problem (the default), book a service of her community, or her
  // volunteer points (sign her up, redeem for her: features/volunteer/use-proxy-points)
  const [task, setTask] = useState<'report' | 'book' | 'points'>('report');
  const communityId = task === 'book' ? (resident?.communityId ?? null) : null;
  const services = useAsync(
    communityId
      ? () => callCloud('catalogue', 'list', { communityId }).then((r) => r.services.filter((svc) => svc.online === 'open'))
      : null,
    [communityId],
  );
  const [category, setCategory] = useState<RequestCategory | null>(null);
  const [description, setDescription] = useState('');
  const [key] = useState(newIdempotencyKey);
  const guard = useGuarded();

  const submit = async (): Promise<void> => {
    if (!compoundId || !resident || !category || guard.isRunning()) return;
    await guard.run(async () => {
      const { request } = await callCloud('requests', 'submit', {
        key,
        compoundId,
        category,
        description,
        photos: [],
        location: { kind: 'home' },
        emergency: false,
        onBehalfOf: resident.id,
      });
      await redirectTo('workbench/detail', { id: request.id });
    });
  };

  const bookFor = (serviceId: string) => {
    if (resident) void navigateTo('booking/slots', { serviceId, forId: resident.id, forName: resident.name });
  };

  return {
    q,
    setQ,
    search: () => setSearched(q.trim() || null),
    searched,
    hits,
    resident,
    choose: setResident,
    task,
    setTask,
    services,
    bookFor,
    category,
    setCategory,
    description,
    setDescription,
    submit,
    submitting: guard.busy !== null,
    error: guard.error,
  };
}
