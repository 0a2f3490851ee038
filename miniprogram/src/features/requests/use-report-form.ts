import type { RequestCategory } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { loadMeOrNull } from '../identity/me-store';
import { askToSubscribe } from '../notices/subscribe';
import { newIdempotencyKey } from '../../services/idempotency';

export type ReportWhere = 'home' | 'spot';

/**
 * 发现: the report form of a compound. The neighbours' reports of the same category are read as
 * soon as the category is chosen (附议 one instead of reporting it again). One action at a time:
 * submitting and seconding share one guard, so a second tap while one runs does nothing.
 */
export function useReportForm(compoundId: string) {
  const me = useAsync(() => loadMeOrNull(), []);
  const [category, setCategory] = useState<RequestCategory | null>(null);
  const [description, setDescription] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [where, setWhere] = useState<ReportWhere>('home');
  const [spot, setSpot] = useState('');
  const [emergency, setEmergency] = useState(false);
  // one key per report: a retry after a dropped network sends the same key, and the functions keep one request
  const [key] = useState(newIdempotencyKey);
  const guard = useGuarded<'submit' | `second:${string}`>();
  const [showSimilar, setShowSimilar] = useState(false);
  const similar = useAsync(category && compoundId ? () => callCloud('requests', 'similar', { compoundId, category }) : null, [
    category,
    compoundId,
  ]);

  const household = me.state.data?.household ?? null;
  const others = (similar.state.data?.requests ?? []).filter((r) => r.id !== key);

  const submit = async (): Promise<void> => {
    if (guard.isRunning() || !category) return;
    // first thing in the tap: WeChat shows its subscribe dialog only from a tap handler. Its answer
    // never fails or stops the report (askToSubscribe's errors are dropped here)
    const asked = askToSubscribe(['requestUpdate']).catch(() => null);
    await guard.run(async () => {
      const { request } = await callCloud('requests', 'submit', {
        key,
        compoundId,
        category,
        description,
        photos,
        location: where === 'home' ? { kind: 'home' } : { kind: 'spot', text: spot },
        emergency,
      });
      // the resident's answer is recorded before the page goes, so the first update can use it
      await asked;
      await redirectTo('request/detail', { id: request.id, new: true });
    }, 'submit');
  };

  /** 附议: the neighbour's request is the resident's too; its page then says so. */
  const second = async (id: string): Promise<void> => {
    await guard.run(async () => {
      await callCloud('requests', 'second', { requestId: id });
      await redirectTo('request/detail', { id, seconded: true });
    }, `second:${id}`);
  };

  return {
    household,
    category,
    setCategory,
    description,
    setDescription,
    photos,
    setPhotos,
    where,
    setWhere,
    spot,
    setSpot,
    emergency,
    setEmergency,
    others,
    showSimilar,
    toggleSimilar: () => setShowSimilar((open) => !open),
    submitting: guard.busy === 'submit',
    seconding: guard.busy?.startsWith('second:') ? guard.busy.slice('second:'.length) : null,
    error: guard.error,
    submit,
    second,
  };
}
