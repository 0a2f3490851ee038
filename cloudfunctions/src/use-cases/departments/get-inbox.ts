import { err, ok, type DepartmentView, type PartView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { toDepartmentView, toPartView } from './part-views';

/**
 * A department's inbox by deadline: parts to 报到 first (by their 报到 deadline), then the parts
 * it 报到'd and still handles (by the request's deadline). Returned and finished parts are not listed.
 */
export async function getInbox(
  ctx: Ctx,
  input: { departmentId: string },
): Promise<Result<{ department: DepartmentView; parts: PartView[]; now: string }>> {
  const { store, clock } = ctx.ports;
  const department = await store.get(COLLECTIONS.departments, input.departmentId);
  if (!department) return err('DEPARTMENT.NOT_FOUND', { departmentId: input.departmentId });
  const read = (status: 'pending' | 'arrived') =>
    store.find(COLLECTIONS.dispatches, { where: { departmentId: department._id, status }, orderBy: [['reportBy', 'asc']], limit: 200 });
  const [pending, arrived] = await Promise.all([read('pending'), read('arrived')]);
  arrived.sort((a, b) => (a.resolveBy < b.resolveBy ? -1 : a.resolveBy > b.resolveBy ? 1 : 0));
  const parts = [...pending, ...arrived];
  const requests = new Map((await store.getMany(COLLECTIONS.requests, [...new Set(parts.map((p) => p.requestId))])).map((r) => [r._id, r]));
  return ok({
    department: toDepartmentView(department),
    parts: parts.flatMap((p) => {
      const r = requests.get(p.requestId);
      return r ? [toPartView(p, r)] : [];
    }),
    now: clock.now().toISOString(),
  });
}
