import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Binding, BindingStatus } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';

/** identity.listBindings for one community and status, and identity.reviewBinding on each. */
export function useBindingsReview(communityId: string | null) {
  const [status, setStatus] = useState<BindingStatus>('pending');
  const list = useAsync(communityId ? () => callCloud('identity', 'listBindings', { communityId, status }).then((r) => r.bindings) : null, [
    communityId,
    status,
  ]);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, CloudError>>({});

  const review = async (binding: Binding, approve: boolean) => {
    if (busyId) return;
    setBusyId(binding._id);
    setErrors((e) => {
      const { [binding._id]: _drop, ...rest } = e;
      return rest;
    });
    try {
      const reason = reasons[binding._id]?.trim();
      await callCloud('identity', 'reviewBinding', { bindingId: binding._id, approve, ...(reason ? { reason } : {}) });
      list.setData((list.state.data ?? []).filter((b) => b._id !== binding._id));
      void Taro.showToast({ title: approve ? '已通过' : '已退回', icon: 'success' });
    } catch (e) {
      setErrors((all) => ({ ...all, [binding._id]: toCloudError(e) }));
    } finally {
      setBusyId(null);
    }
  };

  return {
    status,
    setStatus,
    list,
    reasons,
    setReason: (id: string, value: string) => setReasons((r) => ({ ...r, [id]: value })),
    review,
    busyId,
    errors,
  };
}
