import type { SubscribeTemplateKey } from '@linli/shared';
import { useRef, useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud, toCloudError, type CloudError } from '../../services/cloud';
import { askToSubscribe } from './subscribe';

/** The resident's WeChat message grants: how many are left of each, switch one off or on, allow one more. */
export function useSubscriptions() {
  const list = useAsync(() => callCloud('notices', 'subscriptions', {}), []);
  const [busy, setBusy] = useState<SubscribeTemplateKey | null>(null);
  const busyRef = useRef(false);
  const [error, setError] = useState<CloudError | null>(null);

  async function guarded(template: SubscribeTemplateKey, work: () => Promise<void>): Promise<void> {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(template);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(toCloudError(e));
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }

  /** Must run straight from the tap: WeChat shows its dialog only inside a tap handler. */
  const allowOneMore = (template: SubscribeTemplateKey) => {
    const asked = askToSubscribe([template]);
    return guarded(template, async () => {
      const { items } = await asked;
      if (items) list.setData({ items });
    });
  };

  const setOff = (template: SubscribeTemplateKey, off: boolean) =>
    guarded(template, async () => {
      list.setData(await callCloud('notices', 'setSubscription', { template, off }));
    });

  return { list, busy, error, allowOneMore, setOff };
}
