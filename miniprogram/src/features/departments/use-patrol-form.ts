import type { RequestCategory } from '@linli/shared';
import { useState } from 'react';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
import { redirectTo } from '../../services/routes';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { departmentsContract } from '../../../../shared/src/contracts/departments.contract';

registerContract('departments', departmentsContract);

/**
 * 巡查上报: fewer taps than a resident's report — the compound is the patroller's own, the spot and
 * one photo are required, and there is no 受理 to wait for. One key per report.
 */
export function usePatrolForm(compoundId: string) {
  const [category, setCategory] = useState<RequestCategory>('safety');
  const [description, setDescription] = useState('');
  const [spot, setSpot] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [emergency, setEmergency] = useState(false);
  const [key] = useState(newIdempotencyKey);
  const guard = useGuarded();
  const submit = () =>
    guard.run(async () => {
      const { requestId } = await callCloud('departments', 'patrol', { key, compoundId, category, description, spot, photos, emergency });
      await redirectTo('workbench/detail', { id: requestId });
    });
  return {
    category,
    setCategory,
    description,
    setDescription,
    spot,
    setSpot,
    photos,
    setPhotos,
    emergency,
    setEmergency,
    busy: !!guard.busy,
    error: guard.error,
    submit,
  };
}
