import { ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import type { LoadedTopic } from './deliberation-policy';
import { toCommentView } from './views';

/** A topic's one thread of 意见建议, oldest first. Public, like the topic. */
export async function listComments(ctx: Ctx, input: { topicId: string }, _loaded: LoadedTopic) {
  const comments = await findAll(ctx.ports.store, COLLECTIONS.delibComments, { topicId: input.topicId }, [['createdAt', 'asc']], 5000);
  return ok({ comments: comments.map(toCommentView) });
}
