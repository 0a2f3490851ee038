import { err, ok, type ActionParsed, type DepartmentsContract, type DepartmentView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { DepartmentOfRegistrar } from './department-policy';
import { toDepartmentView } from './part-views';
import { areasWithin } from './register-department';

type Input = ActionParsed<DepartmentsContract, 'update'>;

/**
 * The registrar edits a department: name, kind, the places it serves (still within the registrar's
 * place), its phone. Parts already dispatched keep the name they were sent under; a new area
 * applies to the next dispatch. Saving the same values again changes nothing.
 */
export async function updateDepartment(
  ctx: Ctx,
  input: Input,
  { department, owner }: DepartmentOfRegistrar,
): Promise<Result<{ department: DepartmentView }>> {
  const { store } = ctx.ports;
  const checked = await areasWithin(ctx, owner, input.areaIds);
  if (!checked.ok) return checked;
  const set = { name: input.name, kind: input.kind, ...checked.data };
  const updated = await store.update(
    COLLECTIONS.departments,
    department._id,
    input.phone ? { set: { ...set, phone: input.phone } } : { set, unset: ['phone'] },
    { ownerPlaceId: owner._id },
  );
  if (!updated) return err('DEPARTMENT.NOT_FOUND', { departmentId: department._id });
  const next = await store.get(COLLECTIONS.departments, department._id);
  return next ? ok({ department: toDepartmentView(next) }) : err('DEPARTMENT.NOT_FOUND', { departmentId: department._id });
}
