import { err, ok, takesComments, type CommentDoc, type CommentView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { checkPublic } from './check-text';
import { callerName, isOfficer, residentBinding, type LoadedTopic } from './deliberation-policy';
import { toCommentView } from './views';

/** 意见建议 on a topic still being argued: its residents and its officers, content-checked, one thread. */
export async function addComment(
  ctx: Ctx,
  input: { key: string; topicId: string; text: string },
  loaded: LoadedTopic,
): Promise<Result<CommentView>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const replay = await firstAnswer(store, openid, {
    collection: 'delib_comments',
    id: input.key,
    ownerOf: (c) => c.openid,
    answer: toCommentView,
  });
  if (replay) return replay;
  const { topic } = loaded;
  const officer = isOfficer(ctx.caller, loaded.community);
  const bound = officer ? null : await residentBinding(ctx, topic.communityId);
  if (bound && !bound.ok) return bound;
  if (!takesComments(topic.stage)) return err('DELIB.NOT_OPEN');
  const checked = await checkPublic(ctx, openid, { comment: input.text });
  if (!checked.ok) return checked;
  const comment: CommentDoc = {
    _id: input.key,
    topicId: topic._id,
    communityId: topic.communityId,
    openid,
    name: callerName(ctx, bound?.ok ? bound.data : null),
    text: input.text,
    adopted: false,
    createdAt: clock.now().toISOString(),
  };
  if ((await store.insert(COLLECTIONS.delibComments, comment)) === 'duplicate') {
    const again = await firstAnswer(store, openid, {
      collection: 'delib_comments',
      id: input.key,
      ownerOf: (c) => c.openid,
      answer: toCommentView,
    });
    if (again) return again;
  } else await store.update(COLLECTIONS.delibTopics, topic._id, { inc: { comments: 1 }, set: { updatedAt: comment.createdAt } });
  return ok(toCommentView(comment));
}
