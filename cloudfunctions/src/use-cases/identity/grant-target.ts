import { err, ok, type Place, type ScopeKind } from '@linli/shared';
import type { Loader } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import type { Store, TxStore } from '../../ports/store';

/**
 * What a role is granted on: a place of the grid, or a department (部门负责人 / 部门工作人员), whose
 * path is the place that registered it — so the admins and street staff over that place may
 * invite its people, and a department grant covers no place of the grid.
 */
export type GrantTarget = Pick<Place, '_id' | 'path' | 'fullName'> & { kind: ScopeKind };

export async function grantTargetIn(store: Store | TxStore, id: string): Promise<GrantTarget | null> {
  const place = await store.get(COLLECTIONS.places, id);
  if (place) return place;
  const dept = await store.get(COLLECTIONS.departments, id);
  if (!dept) {
    // a 服务群众工作组: under its community, so the district's admins invite its members
    const group = await store.get(COLLECTIONS.workGroups, id);
    return group ? { _id: group._id, path: group.placePath, fullName: group.name, kind: 'workGroup' } : null;
  }
  return dept ? { _id: dept._id, path: [...dept.ownerPath, dept.ownerPlaceId], fullName: dept.name, kind: 'department' } : null;
}

export const grantTargetOf: Loader<{ placeId: string }, GrantTarget> = async (ctx, input) => {
  const target = await grantTargetIn(ctx.ports.store, input.placeId);
  return target ? ok(target) : err('PLACE.NOT_FOUND', { placeId: input.placeId });
};
