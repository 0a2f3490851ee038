import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud, registerContract } from '../../services/cloud';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { departmentsContract } from '../../../../shared/src/contracts/departments.contract';

registerContract('departments', departmentsContract);

/** The departments the person works in, and the chosen one's inbox by deadline. */
export function useDepartmentInbox(initial: string) {
  const mine = useAsync(() => callCloud('departments', 'mine', {}), []);
  const [picked, setPicked] = useState(initial);
  const departmentId = picked || mine.state.data?.departments[0]?._id || '';
  const inbox = useAsync(departmentId ? () => callCloud('departments', 'inbox', { departmentId }) : null, [departmentId]);
  return { mine, departmentId, setDepartment: setPicked, inbox };
}
