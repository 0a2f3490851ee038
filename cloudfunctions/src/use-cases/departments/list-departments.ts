import { ok, servesPlace, type DepartmentView, type Place, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toDepartmentView } from './part-views';

/** The departments of the place's district that serve it (to dispatch to), and those it registered. */
export async function listDepartments(
  ctx: Ctx,
  _input: { placeId: string },
  place: Place,
): Promise<Result<{ serving: DepartmentView[]; registered: DepartmentView[] }>> {
  const districtId = place.kind === 'district' ? place._id : place.path[0];
  const all = districtId
    ? await ctx.ports.store.find(COLLECTIONS.departments, { where: { districtId }, orderBy: [['name', 'asc']], limit: 1000 })
    : [];
  const path = [...place.path, place._id];
  return ok({
    serving: all.filter((d) => servesPlace(d, path)).map(toDepartmentView),
    registered: all.filter((d) => d.ownerPlaceId === place._id || d.ownerPath.includes(place._id)).map(toDepartmentView),
  });
}
