import { ok, workGroupIdOf, type Place, type Result, type WorkGroupView } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toWorkGroupView } from './work-group-view';

type Row = { communityId: string; fullName: string; group: WorkGroupView | null };

/** The district's communities (by street), each with its working group or none yet. */
export async function listWorkGroups(ctx: Ctx, _input: { districtId: string }, district: Place): Promise<Result<{ communities: Row[] }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const streets = await store.find(COLLECTIONS.places, { where: { parentId: district._id }, orderBy: [['sort', 'asc']], limit: 1000 });
  const [communities, groups] = await Promise.all([
    streets.length
      ? store.find(COLLECTIONS.places, { where: { parentId: { in: streets.map((s) => s._id) } }, orderBy: [['sort', 'asc']], limit: 1000 })
      : [],
    store.find(COLLECTIONS.workGroups, { where: { districtId: district._id }, orderBy: [['communityName', 'asc']], limit: 1000 }),
  ]);
  const byId = new Map(groups.map((g) => [g._id, g]));
  return ok({
    communities: communities
      .filter((c) => c.kind === 'community')
      .map((c) => {
        const g = byId.get(workGroupIdOf(c._id));
        return { communityId: c._id, fullName: c.fullName, group: g ? toWorkGroupView(g, now) : null };
      }),
  });
}
