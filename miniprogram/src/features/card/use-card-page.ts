import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useTabRefresh } from '../../hooks/use-tab-refresh';
import { lastCompound, rememberCompound, setCurrentCommunity, takePendingCompound } from '../../services/app-state';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { loadMeOrNull } from '../identity/me-store';

type Source = 'link' | 'chosen' | 'household' | 'last' | 'none' | 'pending';

/**
 * Which compound the card shows: a share link's compoundId, else one just chosen in search,
 * else the resident's own (approved household), else the one last looked at, else none.
 */
export function useCardPage() {
  const params = useRouter().params;
  // a printed poster's mini-program code opens the card with the compound id as its scene
  const linked = params.compoundId ?? (params.scene ? decodeURIComponent(params.scene) : undefined);
  const [choice, setChoice] = useState<{ id: string | null; source: Source }>(() =>
    linked ? { id: linked, source: 'link' } : { id: null, source: 'pending' },
  );
  const [me, setMe] = useState<Me | null>(null);
  // set when we could not learn who this is (offline) and have nothing else to show
  const [meError, setMeError] = useState<CloudError | null>(null);

  const resolveFallback = useCallback(() => {
    loadMeOrNull().then(
      (m) => {
        setMe(m);
        setMeError(null);
        const own = m?.household?.compoundId ?? null;
        setChoice((c) => {
          if (c.source === 'link' || c.source === 'chosen') return c;
          if (own) return { id: own, source: 'household' };
          const last = lastCompound();
          return last ? { id: last, source: 'last' } : { id: null, source: 'none' };
        });
      },
      (e: unknown) => {
        // identity unknown (offline): the card still works from the last compound
        setMeError(lastCompound() ? null : toCloudError(e));
        setChoice((c) => {
          if (c.source === 'link' || c.source === 'chosen') return c;
          const last = lastCompound();
          return last ? { id: last, source: 'last' } : { id: null, source: 'none' };
        });
      },
    );
  }, []);

  const compoundId = choice.id;
  const card = useAsync(compoundId ? () => callCloud('team', 'getCard', { compoundId }) : null, [compoundId]);

  // every show (a compound may just have been chosen in search) and every change of person
  useTabRefresh(
    (why) => {
      const pending = takePendingCompound();
      if (pending) setChoice({ id: pending, source: 'chosen' });
      resolveFallback();
      // the card itself may have changed meanwhile (a member replaced)
      if (why !== 'first' && !pending) card.reload();
    },
    { firstShow: true },
  );
  const data = card.state.status === 'ok' ? card.state.data : null;

  useEffect(() => {
    if (!data) return;
    rememberCompound(data.compound._id);
    setCurrentCommunity({ id: data.compound.communityId, name: data.compound.communityName });
  }, [data]);

  const showOwn = () => {
    const own = me?.household?.compoundId;
    if (own) setChoice({ id: own, source: 'household' });
  };

  const refresh = async () => {
    card.reload();
    Taro.stopPullDownRefresh();
  };

  return {
    compoundId,
    resolving: choice.source === 'pending',
    meError,
    retryMe: resolveFallback,
    card,
    me,
    isOwn: Boolean(me?.household && me.household.compoundId === compoundId),
    showOwn,
    refresh,
  };
}
