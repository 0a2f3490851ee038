import { err, ok, type ActionParsed, type DepartmentsContract, type DepartmentView, type Place, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer, type Replay } from '../idempotency';
import { toDepartmentView } from './part-views';

type Input = ActionParsed<DepartmentsContract, 'register'>;

/**
 * A street (or the district) registers a department with the places it serves, each within the
 * registrar's place. Its people are then invited with the existing invitation codes (role
 * 部门负责人 / 部门工作人员 on the department). The key names the department: a retry is the same one.
 */
export async function registerDepartment(
  ctx: Ctx,
  input: Input,
  owner: Place,
): Promise<Result<{ department: DepartmentView; created: boolean }>> {
  const { store, clock } = ctx.ports;
  const openid = callerOpenid(ctx);
  const replay: Replay<'departments', { department: DepartmentView; created: boolean }> = {
    collection: 'departments',
    id: input.key,
    ownerOf: (d) => d.createdBy,
    answer: (d) => ({ department: toDepartmentView(d), created: false }),
  };
  const first = await firstAnswer(store, openid, replay);
  if (first) return first;
  const checked = await areasWithin(ctx, owner, input.areaIds);
  if (!checked.ok) return checked;
  const { areaIds, areaNames } = checked.data;
  const districtId = owner.kind === 'district' ? owner._id : owner.path[0];
  if (!districtId) return err('PLACE.NOT_FOUND', { placeId: owner._id });
  const department = {
    _id: input.key,
    name: input.name,
    kind: input.kind,
    ownerPlaceId: owner._id,
    ownerPath: owner.path,
    districtId,
    areaIds,
    areaNames,
    ...(input.phone ? { phone: input.phone } : {}),
    createdAt: clock.now().toISOString(),
    createdBy: openid,
  };
  if ((await store.insert(COLLECTIONS.departments, department)) === 'duplicate')
    return (await firstAnswer(store, openid, replay)) ?? err('COMMON.KEY_REUSED');
  return ok({ department: toDepartmentView(department), created: true });
}

/** The places a department serves, each within the place that registered it (its names kept for the list). */
export async function areasWithin(
  ctx: Ctx,
  owner: Place,
  ids: readonly string[],
): Promise<Result<{ areaIds: string[]; areaNames: string[] }>> {
  const areaIds = [...new Set(ids)];
  const areas = await ctx.ports.store.getMany(COLLECTIONS.places, areaIds);
  for (const id of areaIds) {
    const area = areas.find((a) => a._id === id);
    if (!area) return err('PLACE.NOT_FOUND', { placeId: id });
    if (area._id !== owner._id && !area.path.includes(owner._id)) return err('DEPARTMENT.AREA_INVALID', { placeId: id });
  }
  return ok({ areaIds, areaNames: areaIds.map((id) => areas.find((a) => a._id === id)!.fullName) });
}
