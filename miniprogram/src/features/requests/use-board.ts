import type { Period } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';

/** The public board of a compound: its figures for a period, and its community's beside them. */
export function useBoard(compoundId: string) {
  const [period, setPeriod] = useState<Period>('month');
  const compound = useAsync(() => callCloud('requests', 'figures', { placeId: compoundId, period }), [compoundId, period]);
  // the community's id comes with the compound's card
  const community = useAsync(async () => {
    const card = await callCloud('team', 'getCard', { compoundId });
    return callCloud('requests', 'figures', { placeId: card.compound.communityId, period });
  }, [compoundId, period]);
  return { period, setPeriod, compound, community };
}
