import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';

/** A compound's 三长五员 change history, newest first (the last 50). */
export function useTeamHistory(compoundId: string | null) {
  return useAsync(compoundId ? () => callCloud('team', 'history', { compoundId, limit: 50 }).then((r) => r.changes) : null, [compoundId]);
}
