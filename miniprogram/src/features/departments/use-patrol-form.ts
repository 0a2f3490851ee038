import { useState } from 'react';
import { callCloud, registerContract } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { departmentsContract } from '../../../../shared/src/contracts/departments.contract';
import { useFindingForm } from './use-finding-form';

registerContract('departments', departmentsContract);

/**
 * 巡查上报: fewer taps than a resident's report — the compound is the patroller's own, the spot and
 * one photo are required, and there is no 受理 to wait for. One key per report.
 */
export function usePatrolForm(compoundId: string) {
  const [emergency, setEmergency] = useState(false);
  const form = useFindingForm('safety', async (key, finding) => {
    const { requestId } = await callCloud('departments', 'patrol', { key, compoundId, ...finding, emergency });
    await redirectTo('workbench/detail', { id: requestId });
  });
  return { form, emergency, setEmergency };
}
