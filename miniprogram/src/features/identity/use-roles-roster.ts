import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RoleHolder } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';

export const holderKey = (h: Pick<RoleHolder, 'openid' | 'role' | 'placeId'>) => `${h.placeId}-${h.role}-${h.openid}`;

/**
 * identity.listRoles for one place, and revoking one holder at a time: 撤销 opens a confirmation
 * with an optional reason; the key is made when it opens, so a double tap or a retry is one revocation.
 */
export function useRolesRoster(placeId: string | null) {
  const roster = useAsync(placeId ? () => callCloud('identity', 'listRoles', { placeId }) : null, [placeId]);
  const guard = useGuarded();
  const [confirming, setConfirming] = useState<{ holder: RoleHolder; key: string } | null>(null);
  const [reason, setReason] = useState('');

  const ask = (holder: RoleHolder) => {
    if (guard.isRunning()) return;
    guard.setError(null);
    setReason('');
    setConfirming({ holder, key: newIdempotencyKey() });
  };

  const confirm = async (): Promise<void> => {
    if (!confirming) return;
    const { holder, key } = confirming;
    const trimmed = reason.trim();
    const done = await guard.run(async () => {
      await callCloud('identity', 'revokeRole', {
        key,
        placeId: holder.placeId,
        role: holder.role,
        openid: holder.openid,
        ...(trimmed ? { reason: trimmed } : {}),
      });
    });
    if (done) {
      setConfirming(null);
      void Taro.showToast({ title: '已撤销', icon: 'success' });
      roster.reload();
    }
  };

  return {
    roster,
    confirming: confirming?.holder ?? null,
    reason,
    setReason,
    ask,
    cancel: () => setConfirming(null),
    confirm,
    busy: guard.busy !== null,
    error: guard.error,
  };
}
