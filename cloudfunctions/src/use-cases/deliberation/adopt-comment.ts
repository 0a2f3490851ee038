import { ok, type CommentView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LoadedComment } from './deliberation-policy';
import { bumpStats } from './stats';
import { event, toCommentView } from './views';

/**
 * 采纳: an officer of the topic's community marks a suggestion adopted. The conditional write on
 * `adopted: false` makes a second press (or two officers at once) count it once.
 */
export async function adoptComment(ctx: Ctx, _input: { commentId: string }, { comment }: LoadedComment): Promise<Result<CommentView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const now = clock.now().toISOString();
  const adopted = await store.update(
    COLLECTIONS.delibComments,
    comment._id,
    { set: { adopted: true, adoptedBy: openid, adoptedAt: now } },
    { adopted: false },
  );
  if (adopted) {
    await bumpStats(store, comment.communityId, { adopted: 1 });
    await store.transaction(async (tx) => {
      const t = await tx.get(COLLECTIONS.delibTopics, comment.topicId);
      if (!t) return;
      const by = ctx.caller.user?.name ?? '社区';
      await tx.put(COLLECTIONS.delibTopics, {
        ...t,
        adopted: t.adopted + 1,
        history: [...t.history, event(now, `采纳了 ${comment.name} 的建议`, by)],
        updatedAt: now,
      });
    });
  }
  return ok(toCommentView({ ...comment, adopted: true }));
}
