import type { Role } from '@linli/shared';
import { useState } from 'react';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, type CloudOutput } from '../../services/cloud';

export type Invite = CloudOutput<'identity', 'createInvite'>;

/** Creating one invitation code for a role at a place: one at a time, the code kept to show. */
export function useCreateInvite(role: Role) {
  const guard = useGuarded();
  const [invite, setInvite] = useState<Invite | null>(null);
  const create = async (placeId: string | null | undefined): Promise<void> => {
    if (!placeId) return;
    await guard.run(async () => {
      setInvite(await callCloud('identity', 'createInvite', { role, placeId }));
    });
  };
  return { invite, busy: guard.busy !== null, error: guard.error, create, again: () => setInvite(null) };
}
