/**
 * spendGrantAndSend: the one way to send a WeChat subscribe message that respects people's
 * grants. Any feature may call it (notices, requests, bookings):
 *
 *   const outcome = await spendGrantAndSend(ctx.ports, {
 *     toOpenid, template: 'requestUpdate', page: 'packages/request/detail/index?id=…', data: { thing1: '…' },
 *   });
 *
 * - A grant is recorded when the person accepts WeChat's subscribe dialog (notices.recordSubscriptions,
 *   called from the app right after Taro.requestSubscribeMessage in a tap handler).
 * - One-time template (一次性订阅): one grant = one message. One grant is spent by a conditional
 *   decrement *before* the call, so two senders can never spend the same grant; a send WeChat did
 *   not accept ('failed', 'rate-limited', or a throw) refunds it.
 * - Long-term template (长期订阅, `longTerm` in SUBSCRIBE_TEMPLATES): the acceptance on record serves
 *   every message and nothing is spent. WeChat's 43101 (refused, or switched off in WeChat's
 *   settings) clears it, so we stop calling until the person accepts again.
 * - Answers 'off' (the person switched this kind of message off; nothing spent) or 'no-grant' (none
 *   left, or WeChat's 43101, after which the count is zeroed) without a message going out.
 * - It does not retry or dedupe: callers that must never send twice write an outbox row with a
 *   deterministic id first and send from it (see use-cases/notices/deliver-due.ts).
 */
import { canReceive, MAX_STORED_GRANTS, SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from '@linli/shared';
import type { Ports } from '../../ports';
import { COLLECTIONS } from '../../ports/collections';
import type { NotifyOutcome } from '../../ports/notifier';
import type { SubscriptionDoc } from '../../ports/documents';

export type SendOutcome = NotifyOutcome | 'off';

export const subscriptionId = (openid: string, template: SubscribeTemplateKey) => `${openid}:${template}`;

export interface TemplateMessage {
  toOpenid: string;
  template: SubscribeTemplateKey;
  /** The app page the message opens, e.g. packages/notices/detail/index?id=… (shared's MESSAGE_PAGES) */
  page: string;
  data: Record<string, string>;
}

export async function spendGrantAndSend(
  ports: Pick<Ports, 'store' | 'notifier' | 'clock'>,
  message: TemplateMessage,
): Promise<SendOutcome> {
  const { store, notifier, clock } = ports;
  const id = subscriptionId(message.toOpenid, message.template);
  const { longTerm, templateId } = SUBSCRIBE_TEMPLATES[message.template];
  let refund: (() => Promise<unknown>) | null = null;
  if (longTerm) {
    const sub = await store.get(COLLECTIONS.subscriptions, id);
    if (!canReceive(sub)) return sub?.off ? 'off' : 'no-grant';
  } else {
    const spent = await store.update(COLLECTIONS.subscriptions, id, { inc: { remaining: -1 } }, { remaining: { gt: 0 }, off: false });
    if (!spent) {
      const sub = await store.get(COLLECTIONS.subscriptions, id);
      return sub?.off ? 'off' : 'no-grant';
    }
    refund = () => store.update(COLLECTIONS.subscriptions, id, { inc: { remaining: 1 } });
  }
  let outcome: NotifyOutcome;
  try {
    outcome = await notifier.send({ toOpenid: message.toOpenid, template: templateId, page: message.page, data: message.data });
  } catch (e) {
    await refund?.();
    throw e;
  }
  if (outcome === 'failed' || outcome === 'rate-limited') await refund?.();
  // WeChat knows best: it holds no grant (or no long-term acceptance) for this person, so neither do we
  if (outcome === 'no-grant')
    await store.update(COLLECTIONS.subscriptions, id, { set: { remaining: 0, updatedAt: clock.now().toISOString() } });
  return outcome;
}

/**
 * Adds one grant per accepted template (WeChat counts one per acceptance), capped, and switches it
 * back on. For a long-term template the count only says "accepted" (any number above 0 serves).
 */
export async function addGrant(ports: Pick<Ports, 'store' | 'clock'>, openid: string, template: SubscribeTemplateKey): Promise<void> {
  const { store, clock } = ports;
  const id = subscriptionId(openid, template);
  const now = clock.now().toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    if (
      await store.update(
        COLLECTIONS.subscriptions,
        id,
        { inc: { remaining: 1 }, set: { off: false, updatedAt: now } },
        { remaining: { lt: MAX_STORED_GRANTS } },
      )
    )
      return;
    const existing = await store.get(COLLECTIONS.subscriptions, id);
    if (existing) {
      // at the cap: still honour "switch it back on"
      await store.update(COLLECTIONS.subscriptions, id, { set: { off: false, updatedAt: now } });
      return;
    }
    const doc: SubscriptionDoc = { _id: id, openid, template, remaining: 1, off: false, updatedAt: now };
    if ((await store.insert(COLLECTIONS.subscriptions, doc)) === 'inserted') return;
    // another tap created it a moment ago: go round and increment that one
  }
  throw new Error(`could not record a grant for ${template}`);
}
