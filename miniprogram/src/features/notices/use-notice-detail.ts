import Taro, { useRouter } from '@tarojs/taro';
import type { SubscriptionView } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, toCloudError } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { askToSubscribe } from './subscribe';

/**
 * One notice. Opened from the feed or a WeChat message it counts as read; from the 阳光三务
 * archive (`from=archive`) it is read as a public disclosure instead.
 */
export function useNoticeDetail() {
  const params = useRouter().params;
  const id = decodeParam(params.id);
  const fromArchive = params.from === 'archive';
  const detail = useAsync(
    id
      ? async () => {
          if (fromArchive) {
            const { notice, links } = await callCloud('notices', 'archiveNotice', { noticeId: id });
            return { notice, links, read: false, acked: false, readAt: null, ackedAt: null };
          }
          return callCloud('notices', 'open', { noticeId: id });
        }
      : null,
    [id, fromArchive],
  );
  const subscriptions = useAsync(fromArchive ? null : () => callCloud('notices', 'subscriptions', {}), [fromArchive]);
  const notice = subscriptions.state.data?.items.find((s) => s.template === 'notice');

  const guard = useGuarded();
  const [subscribed, setSubscribed] = useState<SubscriptionView | null>(null);

  async function acknowledge(): Promise<void> {
    if (!id) return;
    await guard.run(async () => {
      detail.setData(await callCloud('notices', 'acknowledge', { noticeId: id }));
      void Taro.showToast({ title: '已确认，谢谢您', icon: 'success' });
    });
  }

  /** In the tap handler itself: WeChat shows its dialog only there. */
  async function subscribe(): Promise<void> {
    try {
      const { items } = await askToSubscribe(['notice']);
      const mine = items?.find((s) => s.template === 'notice');
      if (mine) {
        setSubscribed(mine);
        void Taro.showToast({ title: '好的，下次会提醒您', icon: 'success' });
      }
    } catch (e) {
      guard.setError(toCloudError(e));
    }
  }

  return {
    id,
    fromArchive,
    detail,
    grant: subscribed ?? notice ?? null,
    busy: guard.busy !== null,
    error: guard.error,
    acknowledge,
    subscribe,
  };
}
