import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { departmentsContract } from '../../../../shared/src/contracts/departments.contract';

registerContract('departments', departmentsContract);

export type PartAction = 'arrive' | 'progress' | 'contribute' | 'return' | 'resolve';

/**
 * A department's part of a request and its steps: 报到 with a photo, progress, the co-handler's
 * part, 退单 with a reason, the lead's result. One action at a time (a second tap sends nothing);
 * each success reloads the part and its timeline, and a failure is kept for the form to show.
 */
export function usePart(dispatchId: string) {
  // asked even without an id: the answer's error is shown, where an idle load would spin forever
  const part = useAsync(() => callCloud('departments', 'part', { dispatchId }), [dispatchId]);
  const guard = useGuarded<PartAction>();
  const [photos, setPhotos] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);

  const act = async (action: PartAction) => {
    const ok = await guard.run(async () => {
      if (action === 'arrive') await callCloud('departments', 'arrive', { dispatchId, photos });
      if (action === 'progress') await callCloud('departments', 'progress', { dispatchId, key, text, photos });
      if (action === 'contribute') await callCloud('departments', 'contribute', { dispatchId, text });
      if (action === 'return') await callCloud('departments', 'return', { dispatchId, reason: text });
      if (action === 'resolve') await callCloud('departments', 'resolve', { dispatchId, result: text, photos });
    }, action);
    if (!ok) return;
    setPhotos([]);
    setText('');
    setKey(newIdempotencyKey());
    part.reload();
  };
  return { part, photos, setPhotos, text, setText, busy: guard.busy, error: guard.error, act };
}
