import { escalationPosts, ok, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { LEVEL_FIELD } from './load-detail';

/**
 * The 督办 waiting for the caller, for the badge that leads staff to the workbench: per place where
 * they are staff (社区, 街道, 区), the open requests escalated to that level. Anyone else has none.
 * One count per post, on the same index as that level's 待办.
 */
export async function countEscalated(ctx: Ctx): Promise<Result<{ count: number; places: { placeId: string; count: number }[] }>> {
  const { store } = ctx.ports;
  const posts = escalationPosts(ctx.caller.grants);
  const placesById = new Map(
    (
      await store.getMany(
        COLLECTIONS.places,
        posts.map((p) => p.placeId),
      )
    ).map((p) => [p._id, p]),
  );
  const places: { placeId: string; count: number }[] = [];
  for (const post of posts) {
    const place = placesById.get(post.placeId);
    const field = place ? LEVEL_FIELD[place.kind] : undefined;
    if (!field) continue;
    const count = await store.count(COLLECTIONS.requests, { [field]: post.placeId, escalationLevel: post.level, deadlineAt: { gt: '' } });
    places.push({ placeId: post.placeId, count });
  }
  return ok({ count: places.reduce((n, p) => n + p.count, 0), places });
}
