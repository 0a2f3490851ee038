import { ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { isOfficer, numbersOf, standingsOf, type LoadedTopic } from './deliberation-policy';
import { toTopicView } from './views';

export const supportId = (topicId: string, openid: string) => `${topicId}:${openid}`;

/** A topic as anyone may read it, with what the caller may do on it. */
export async function getTopic(ctx: Ctx, _input: { topicId: string }, loaded: LoadedTopic) {
  const openid = ctx.caller.openid;
  const supported = openid ? !!(await ctx.ports.store.get(COLLECTIONS.delibSupports, supportId(loaded.topic._id, openid))) : false;
  const { communityKind: kind } = await numbersOf(ctx, loaded.community);
  return ok(
    toTopicView(loaded.topic, {
      kind,
      standings: standingsOf(ctx.caller, loaded),
      supportedByMe: supported,
      canManage: isOfficer(ctx.caller, loaded.community),
    }),
  );
}
