import { ok, workGroupIdOf, type Place, type Result, type WorkGroupView } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toWorkGroupView } from './work-group-view';

/** One community's group, or null when the district has not assigned one. */
export async function getWorkGroup(
  ctx: Ctx,
  _input: { communityId: string },
  community: Place,
): Promise<Result<{ group: WorkGroupView | null }>> {
  const g = await ctx.ports.store.get(COLLECTIONS.workGroups, workGroupIdOf(community._id));
  return ok({ group: g ? toWorkGroupView(g, ctx.ports.clock.now()) : null });
}

/** The groups the caller is a member of. */
export async function myWorkGroups(ctx: Ctx): Promise<Result<{ groups: WorkGroupView[] }>> {
  const ids = [...new Set(ctx.caller.grants.filter((g) => g.role === 'workGroupMember').map((g) => g.placeId))];
  const groups = ids.length ? await ctx.ports.store.getMany(COLLECTIONS.workGroups, ids) : [];
  const now = ctx.ports.clock.now();
  return ok({ groups: groups.map((g) => toWorkGroupView(g, now)) });
}
