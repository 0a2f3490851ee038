import { ok, SUBSCRIBE_TEMPLATE_KEYS, SUBSCRIBE_TEMPLATES, type Result, type SubscriptionView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { subscriptionId } from './spend-grant-and-send';

/** Every template with what the person has left of it, including the ones never granted. */
export async function listSubscriptions(ctx: Ctx): Promise<Result<{ items: SubscriptionView[] }>> {
  const openid = callerOpenid(ctx);
  const docs = await ctx.ports.store.getMany(
    COLLECTIONS.subscriptions,
    SUBSCRIBE_TEMPLATE_KEYS.map((t) => subscriptionId(openid, t)),
  );
  const byTemplate = new Map(docs.map((d) => [d.template, d]));
  return ok({
    items: SUBSCRIBE_TEMPLATE_KEYS.map((template) => {
      const { label, description, audience, longTerm } = SUBSCRIBE_TEMPLATES[template];
      return {
        template,
        label,
        description,
        audience,
        longTerm,
        remaining: byTemplate.get(template)?.remaining ?? 0,
        off: byTemplate.get(template)?.off ?? false,
      };
    }),
  });
}
