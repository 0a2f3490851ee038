import type { Result, SubscribeTemplateKey, SubscriptionView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { listSubscriptions } from './list-subscriptions';
import { subscriptionId } from './spend-grant-and-send';
import type { SubscriptionDoc } from '../../ports/documents';

/** Switches one kind of message off (grants kept, none spent) or back on. */
export async function setSubscription(
  ctx: Ctx,
  input: { template: SubscribeTemplateKey; off: boolean },
): Promise<Result<{ items: SubscriptionView[] }>> {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const id = subscriptionId(openid, input.template);
  const now = clock.now().toISOString();
  if (!(await store.update(COLLECTIONS.subscriptions, id, { set: { off: input.off, updatedAt: now } }))) {
    const doc: SubscriptionDoc = { _id: id, openid, template: input.template, remaining: 0, off: input.off, updatedAt: now };
    // a concurrent first grant may have created it: then set the switch on that one
    if ((await store.insert(COLLECTIONS.subscriptions, doc)) === 'duplicate')
      await store.update(COLLECTIONS.subscriptions, id, { set: { off: input.off, updatedAt: now } });
  }
  return listSubscriptions(ctx);
}
