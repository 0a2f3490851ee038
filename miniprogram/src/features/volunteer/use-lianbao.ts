import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { RequestCategory, VisitView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { newIdempotencyKey } from '../../services/idempotency';
import { shanghaiDay } from './use-volunteer-staff';

export type VisitDraft = { date: string; topics: string; need: string; followUpDays: number | null };

/**
 * 走访: a party member records a visit to one of their households; a need found becomes a request
 * in one tap (reported on the household's behalf). One key per visit form: a retry is the same visit.
 */
export function useVisitPage() {
  const householdId = decodeParam(useRouter().params.householdId);
  const visits = useAsync(() => callCloud('volunteer', 'visits', { householdId }), [householdId]);
  const [draft, setDraft] = useState<VisitDraft>({ date: shanghaiDay(0), topics: '', need: '', followUpDays: null });
  const [key, setKey] = useState(newIdempotencyKey);
  const [saved, setSaved] = useState<VisitView | null>(null);
  const [category, setCategory] = useState<RequestCategory>('repairs');
  const guard = useGuarded<string>();
  const set = <K extends keyof VisitDraft>(k: K, v: VisitDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = () =>
    void guard.run(async () => {
      const need = draft.need.trim();
      const { visit } = await callCloud('volunteer', 'logVisit', {
        key,
        householdId,
        date: draft.date,
        topics: draft.topics,
        ...(need ? { need } : {}),
        ...(draft.followUpDays !== null ? { followUpOn: shanghaiDay(draft.followUpDays) } : {}),
      });
      setSaved(visit);
      setKey(newIdempotencyKey());
      setDraft({ date: shanghaiDay(0), topics: '', need: '', followUpDays: null });
      visits.reload();
    }, 'save');

  /** The need of a visit (the one just saved, or an earlier one) as a request, once. */
  const raise = (visitId: string) =>
    void guard.run(async () => {
      const { visit } = await callCloud('volunteer', 'raiseNeed', { visitId, category });
      if (saved?.id === visit.id) setSaved(visit);
      visits.reload();
    }, `raise-${visitId}`);

  return { householdId, visits, draft, set, submit, saved, category, setCategory, raise, guard };
}

/** 敲门清单 of one urgent notice, only the households this 联户党员 looks after. */
export function useMyDoorList() {
  const noticeId = decodeParam(useRouter().params.noticeId);
  return { noticeId, list: useAsync(() => callCloud('volunteer', 'myDoorList', { noticeId }), [noticeId]) };
}
