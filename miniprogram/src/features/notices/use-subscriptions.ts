import { MAX_STORED_GRANTS, wantsAsking, type SubscribeAudience, type SubscribeTemplateKey } from '@linli/shared';
import { useRef } from 'react';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { askToSubscribe } from './subscribe';

/**
 * One person's WeChat message grants for the templates of one audience (residents' settings, or
 * the staff workbench): how many are left of each, switch one off or on, allow more.
 */
export function useSubscriptions(audience: SubscribeAudience = 'resident') {
  const list = useAsync(() => callCloud('notices', 'subscriptions', {}), []);
  const items = list.state.data?.items.filter((s) => s.audience === audience);
  const guard = useGuarded<SubscribeTemplateKey>();
  const guarded = (template: SubscribeTemplateKey, work: () => Promise<void>) => guard.run(work, template);
  const askedAtWork = useRef(false);

  const record = async (asked: ReturnType<typeof askToSubscribe>) => {
    const { items: fresh } = await asked;
    if (fresh) list.setData({ items: fresh });
  };

  /** Must run straight from the tap: WeChat shows its dialog only inside a tap handler. */
  const allowOneMore = (template: SubscribeTemplateKey) => {
    const asked = askToSubscribe([template]);
    return guarded(template, () => record(asked));
  };

  /**
   * The workbench's button: one dialog for every template of the audience that can still take
   * more (not switched off; a long-term one not yet accepted). From the tap.
   */
  const allowMore = () => {
    const wanted = (items ?? []).filter((s) => wantsAsking(s.template, s, MAX_STORED_GRANTS)).map((s) => s.template);
    const first = wanted[0];
    if (!first) return Promise.resolve(false);
    const asked = askToSubscribe(wanted);
    return guarded(first, () => record(asked));
  };

  /**
   * At a natural moment of work (受理, 分流, 办结): shows WeChat's dialog for the templates running
   * low, at most once per page, and never fails or holds up the work itself. Call it first thing in
   * the tap handler, before the work's own call.
   */
  const askAtWork = () => {
    if (askedAtWork.current || !items) return;
    const wanted = items.filter((s) => wantsAsking(s.template, s)).map((s) => s.template);
    if (wanted.length === 0) return;
    askedAtWork.current = true;
    void record(askToSubscribe(wanted)).catch(() => undefined);
  };

  const setOff = (template: SubscribeTemplateKey, off: boolean) =>
    guarded(template, async () => {
      list.setData(await callCloud('notices', 'setSubscription', { template, off }));
    });

  return { list, items, busy: guard.busy, error: guard.error, allowOneMore, allowMore, askAtWork, setOff };
}
