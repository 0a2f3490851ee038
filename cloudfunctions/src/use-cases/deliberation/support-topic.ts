import { err, ok, stageAfterSupport, takesComments, type Result, type TopicStage } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { residentBinding, type LoadedTopic } from './deliberation-policy';
import { supportId } from './get-topic';
import { event } from './views';

/**
 * 附议: one per person (the support's id is `${topicId}:${openid}`, so a second press, or two at
 * once, writes one). The count moves in a transaction with the stage, so the support that reaches
 * the community's threshold puts the topic on the agenda exactly once.
 */
export async function supportTopic(
  ctx: Ctx,
  input: { topicId: string },
  loaded: LoadedTopic,
): Promise<Result<{ supports: number; stage: TopicStage }>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const { topic } = loaded;
  const bound = await residentBinding(ctx, topic.communityId);
  if (!bound.ok) return bound;
  if (!takesComments(topic.stage)) return err('DELIB.NOT_OPEN');
  const now = clock.now().toISOString();
  const inserted = await store.insert(COLLECTIONS.delibSupports, {
    _id: supportId(topic._id, openid),
    topicId: topic._id,
    openid,
    at: now,
  });
  if (inserted === 'duplicate') return err('DELIB.ALREADY_SUPPORTED');
  const after = await store.transaction(async (tx) => {
    const t = await tx.get(COLLECTIONS.delibTopics, topic._id);
    if (!t) throw new Error(`topic ${topic._id} vanished`);
    const supports = t.supports + 1;
    const stage = stageAfterSupport(t.stage, supports, t.threshold);
    const history = stage !== t.stage ? [...t.history, event(now, `附议达到 ${t.threshold} 人，自动列入社区议程`, '系统')] : t.history;
    await tx.put(COLLECTIONS.delibTopics, { ...t, supports, stage, history, updatedAt: now });
    return { supports, stage };
  });
  return ok(after);
}
