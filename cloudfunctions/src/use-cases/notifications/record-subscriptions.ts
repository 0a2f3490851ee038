import type { Result, SubscribeTemplateKey, SubscriptionView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { listSubscriptions } from './list-subscriptions';
import { addGrant } from './spend-grant-and-send';

/**
 * What the resident accepted in WeChat's subscribe dialog. We cannot verify it (WeChat does not
 * tell the server), but a wrong count only costs a send that WeChat answers with 43101.
 */
export async function recordSubscriptions(
  ctx: Ctx,
  input: { accepted: SubscribeTemplateKey[] },
): Promise<Result<{ items: SubscriptionView[] }>> {
  const openid = callerOpenid(ctx);
  for (const template of new Set(input.accepted)) await addGrant(ctx.ports, openid, template);
  return listSubscriptions(ctx);
}
