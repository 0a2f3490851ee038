import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
import { redirectTo } from '../../services/routes';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { departmentsContract } from '../../../../shared/src/contracts/departments.contract';

registerContract('departments', departmentsContract);

/**
 * 吹哨派单: the departments serving the request's compound, one chosen as 主办 and others as 协办.
 * One key per dispatch, so a double tap or a retry makes the parts once.
 */
export function useDispatchForm(requestId: string) {
  const request = useAsync(() => callCloud('requests', 'get', { requestId }), [requestId]);
  const compoundId = request.state.data?.compoundId;
  const departments = useAsync(compoundId ? () => callCloud('departments', 'list', { placeId: compoundId }) : null, [compoundId]);
  const parts = useAsync(() => callCloud('departments', 'parts', { requestId }), [requestId]);
  const [lead, setLead] = useState<string | null>(null);
  const [co, setCo] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [key] = useState(newIdempotencyKey);
  const guard = useGuarded();
  const toggleCo = (id: string) => setCo((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const chooseLead = (id: string) => {
    setLead(id);
    setCo((c) => c.filter((x) => x !== id));
  };
  const submit = () =>
    guard.run(async () => {
      const departmentIds = [...(lead ? [lead] : []), ...co.filter((id) => id !== lead)];
      await callCloud('departments', 'dispatch', {
        key,
        requestId,
        departmentIds,
        ...(lead ? { leadId: lead } : {}),
        ...(note ? { note } : {}),
      });
      await redirectTo('workbench/detail', { id: requestId });
    });
  return { request, departments, parts, lead, chooseLead, co, toggleCo, note, setNote, busy: !!guard.busy, error: guard.error, submit };
}
