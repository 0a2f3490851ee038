import Taro from '@tarojs/taro';
import { dialogBatch, SUBSCRIBE_TEMPLATES, templateKeyOf, type SubscribeTemplateKey, type SubscriptionView } from '@linli/shared';
import { callCloud } from '../../services/cloud';

export type SubscribeAnswer = { accepted: SubscribeTemplateKey[]; items: SubscriptionView[] | null };

/**
 * Asks WeChat to let us send messages of these templates (one each for a one-time template, every
 * one for a long-term template) and records what the person accepted. WeChat only shows its dialog
 * when this runs inside a tap handler, so call it first thing in onClick, before anything else
 * awaits. One dialog never mixes one-time and long-term templates and holds at most three
 * (dialogBatch): the others wait for the next tap.
 *
 * The browser build has no such dialog: it simulates an acceptance so the flow can be tried
 * and tested locally (the local host then "sends" into its dev inbox).
 *
 * Other features reuse this after their natural moments (e.g. after reporting a request:
 * askToSubscribe(['requestUpdate'])).
 */
export async function askToSubscribe(templates: readonly SubscribeTemplateKey[]): Promise<SubscribeAnswer> {
  const batch = dialogBatch(templates);
  let accepted: SubscribeTemplateKey[] = [];
  if (batch.length === 0) return { accepted, items: null };
  if (process.env.TARO_ENV === 'h5') {
    accepted = batch;
  } else {
    try {
      const answer = await Taro.requestSubscribeMessage({
        tmplIds: batch.map((t) => SUBSCRIBE_TEMPLATES[t].templateId),
        entityIds: [],
      });
      accepted = Object.entries(answer)
        // 'acceptWithAudio': accepted, with WeChat's spoken reminder
        .filter(([, value]) => value === 'accept' || value === 'acceptWithAudio')
        .map(([id]) => templateKeyOf(id))
        .filter((k): k is SubscribeTemplateKey => k !== undefined);
    } catch {
      // the person closed the dialog, or switched subscriptions off in WeChat's settings
      return { accepted: [], items: null };
    }
  }
  if (accepted.length === 0) return { accepted, items: null };
  const { items } = await callCloud('notices', 'recordSubscriptions', { accepted });
  return { accepted, items };
}
