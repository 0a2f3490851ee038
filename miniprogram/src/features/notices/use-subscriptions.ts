import type { SubscribeTemplateKey } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { askToSubscribe } from './subscribe';

/** The resident's WeChat message grants: how many are left of each, switch one off or on, allow one more. */
export function useSubscriptions() {
  const list = useAsync(() => callCloud('notices', 'subscriptions', {}), []);
  const guard = useGuarded<SubscribeTemplateKey>();
  const guarded = (template: SubscribeTemplateKey, work: () => Promise<void>) => guard.run(work, template);

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

  return { list, busy: guard.busy, error: guard.error, allowOneMore, setOff };
}
