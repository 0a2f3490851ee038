import { departmentIdsOf, ok, type DepartmentView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toDepartmentView } from './part-views';

/** The departments the caller works in, each with how many parts wait for it (待报到 or 办理中). */
export async function myDepartments(ctx: Ctx): Promise<Result<{ departments: (DepartmentView & { open: number })[] }>> {
  const { store } = ctx.ports;
  const ids = departmentIdsOf(ctx.caller.grants);
  const departments = await store.getMany(COLLECTIONS.departments, ids);
  const out = [];
  for (const d of departments) {
    const open = await store.count(COLLECTIONS.dispatches, { departmentId: d._id, status: { in: ['pending', 'arrived'] } });
    out.push({ ...toDepartmentView(d), open });
  }
  return ok({ departments: out });
}
