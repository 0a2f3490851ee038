import { useRef, useState } from 'react';
import type { RedemptionView } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';

/**
 * 代办 积分: for a ledger resident without a phone (picked on the 代办 page), staff or 三长五员
 * sign her up for an open activity of her community and redeem from her points in its 积分超市.
 * Her balance is read on her behalf; one key per reward, so a double tap or a retry after the
 * network dropped is one redemption.
 */
export function useProxyPoints(resident: { id: string; communityId: string } | null) {
  const communityId = resident?.communityId ?? null;
  const onBehalfOf = resident?.id ?? '';
  const [version, setVersion] = useState(0);
  const activities = useAsync(
    communityId
      ? () => callCloud('volunteer', 'activities', { communityId }).then((r) => r.activities.filter((a) => a.status === 'open'))
      : null,
    [communityId],
  );
  const points = useAsync(
    communityId ? () => callCloud('volunteer', 'myPoints', { communityId, onBehalfOf }).then((r) => r.totals) : null,
    [communityId, onBehalfOf, version],
  );
  const rewards = useAsync(
    communityId ? () => callCloud('volunteer', 'rewards', { communityId }).then((r) => r.rewards.filter((w) => w.active)) : null,
    [communityId, version],
  );
  const [signedUp, setSignedUp] = useState<string[]>([]);
  const [redeemed, setRedeemed] = useState<RedemptionView | null>(null);
  const keys = useRef(new Map<string, string>());
  const guard = useGuarded<string>();

  const signUp = (activityId: string) =>
    guard.run(async () => {
      await callCloud('volunteer', 'signUp', { activityId, waitlist: false, onBehalfOf });
      setSignedUp((ids) => [...ids, activityId]);
    }, `signUp:${activityId}`);

  const redeem = (rewardId: string) =>
    guard.run(async () => {
      const key = keys.current.get(rewardId) ?? newIdempotencyKey();
      keys.current.set(rewardId, key);
      const { redemption } = await callCloud('volunteer', 'redeem', { rewardId, key, onBehalfOf });
      // the next redemption of the same item is a new one
      keys.current.delete(rewardId);
      setRedeemed(redemption);
      setVersion((v) => v + 1);
    }, `redeem:${rewardId}`);

  return {
    activities,
    points,
    rewards,
    signedUp,
    redeemed,
    signUp,
    redeem,
    busy: guard.busy,
    error: guard.error,
  };
}
