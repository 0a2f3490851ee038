import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud, registerContract } from '../../services/cloud';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { departmentsContract } from '../../../../shared/src/contracts/departments.contract';

registerContract('departments', departmentsContract);

/** The district's department ranking for a month, and one department's parts on drill-down. */
export function useRanking(districtId: string, initialMonth: string) {
  const [month, setMonth] = useState(initialMonth);
  const [departmentId, setDepartment] = useState<string | null>(null);
  const ranking = useAsync(
    districtId ? () => callCloud('departments', 'ranking', { districtId, month, ...(departmentId ? { departmentId } : {}) }) : null,
    [districtId, month, departmentId],
  );
  return { month, setMonth, departmentId, setDepartment, ranking };
}
