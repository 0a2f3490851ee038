import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CatalogueService, ServiceInput } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { errorCopy } from '../../services/error-copy';

export type ServiceEditing = { kind: 'add' } | { kind: 'edit'; service: CatalogueService };

/** catalogue.list / upsert / remove for one community. */
export function useCatalogueEditor(communityId: string | null) {
  const list = useAsync(communityId ? () => callCloud('catalogue', 'list', { communityId }) : null, [communityId]);
  const [editing, setEditing] = useState<ServiceEditing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<CloudError | null>(null);

  const open = (next: ServiceEditing | null) => {
    setEditing(next);
    setError(null);
  };

  const save = async (input: ServiceInput) => {
    if (!communityId || !editing || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { service } = await callCloud('catalogue', 'upsert', {
        communityId,
        service: input,
        ...(editing.kind === 'edit' ? { serviceId: editing.service._id } : {}),
      });
      const current = list.state.data;
      if (current) {
        const exists = current.services.some((s) => s._id === service._id);
        list.setData({
          ...current,
          services: exists ? current.services.map((s) => (s._id === service._id ? service : s)) : [...current.services, service],
        });
      }
      setEditing(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (service: CatalogueService) => {
    if (!communityId) return;
    const { confirm } = await Taro.showModal({
      title: '确认删除',
      content: `确定删除“${service.name}”吗？删除后居民就看不到这项服务了。`,
      confirmText: '删除',
      confirmColor: '#c8102e',
      cancelText: '不删除',
    });
    if (!confirm) return;
    try {
      await callCloud('catalogue', 'remove', { communityId, serviceId: service._id });
      const current = list.state.data;
      if (current) list.setData({ ...current, services: current.services.filter((s) => s._id !== service._id) });
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch (e) {
      await Taro.showModal({ title: '没有删除成功', content: errorCopy(toCloudError(e)), showCancel: false, confirmText: '知道了' });
    }
  };

  return { list, editing, open, save, remove, busy, error };
}
