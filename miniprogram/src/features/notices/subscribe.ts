import Taro from '@tarojs/taro';
import { SUBSCRIBE_TEMPLATES, templateKeyOf, type SubscribeTemplateKey, type SubscriptionView } from '@linli/shared';
import { callCloud } from '../../services/cloud';

export type SubscribeAnswer = { accepted: SubscribeTemplateKey[]; items: SubscriptionView[] | null };

/**
 * Asks WeChat to let us send one message of each template (一次性订阅) and records what the
 * resident accepted. WeChat only shows its dialog when this runs inside a tap handler, so call
 * it first thing in onClick, before anything else awaits.
 *
 * The browser build has no such dialog: it simulates an acceptance so the flow can be tried
 * and tested locally (the local host then "sends" into its dev inbox).
 *
 * Other features reuse this after their natural moments (e.g. after reporting a request:
 * askToSubscribe(['requestUpdate'])).
 */
export async function askToSubscribe(templates: readonly SubscribeTemplateKey[]): Promise<SubscribeAnswer> {
  let accepted: SubscribeTemplateKey[] = [];
  if (process.env.TARO_ENV === 'h5') {
    accepted = [...templates];
  } else {
    try {
      const answer = await Taro.requestSubscribeMessage({
        tmplIds: templates.map((t) => SUBSCRIBE_TEMPLATES[t].templateId),
        entityIds: [],
      });
      accepted = Object.entries(answer)
        .filter(([, value]) => value === 'accept')
        .map(([id]) => templateKeyOf(id))
        .filter((k): k is SubscribeTemplateKey => k !== undefined);
    } catch {
      // the resident closed the dialog, or switched subscriptions off in WeChat's settings
      return { accepted: [], items: null };
    }
  }
  if (accepted.length === 0) return { accepted, items: null };
  const { items } = await callCloud('notices', 'recordSubscriptions', { accepted });
  return { accepted, items };
}
