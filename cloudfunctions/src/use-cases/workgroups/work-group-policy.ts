import { err, hasStaffScope, ok, workGroupIdOf, type Grant, type Place, type WorkGroupDoc } from '@linli/shared';
import { placeOf, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';

/** The caller is a member of this 服务群众工作组 (invited on it with the existing invitation codes). */
export const inGroup = (grants: readonly Grant[], groupId: string) =>
  grants.some((g) => g.role === 'workGroupMember' && g.placeId === groupId);

const adminOver = (grants: readonly Grant[], place: Pick<Place, '_id' | 'path'>) => hasStaffScope(grants, place, ['admin']);

/** The district assigns working groups: its admins, for a community within it. */
export const districtOfCommunity: Policy<{ communityId: string }, Place> = {
  load: placeOf((i) => i.communityId, 'community'),
  allow: (caller, community) => adminOver(caller.grants, community),
};

/** The district's list of its groups: its admins. */
export const districtAdmin: Policy<{ districtId: string }, Place> = {
  load: placeOf((i) => i.districtId, 'district'),
  allow: (caller, district) => adminOver(caller.grants, district),
};

/** A community's group and its month: the staff over the community (社区, 街道, 区) and the group's own members. */
export const groupReader: Policy<{ communityId: string }, Place> = {
  load: placeOf((i) => i.communityId, 'community'),
  allow: (caller, community) => hasStaffScope(caller.grants, community) || inGroup(caller.grants, workGroupIdOf(community._id)),
};

/** 工作组收集: the group's members only, for their community only. */
export const memberOfGroup: Policy<{ groupId: string }, WorkGroupDoc> = {
  load: async (ctx, input) => {
    const group = await ctx.ports.store.get(COLLECTIONS.workGroups, input.groupId);
    return group ? ok(group) : err('WORKGROUP.NOT_FOUND', { communityId: input.groupId.replace(/^wg-/, '') });
  },
  allow: (caller, group) => inGroup(caller.grants, group._id),
};
