import {
  err,
  ok,
  shanghaiInstant,
  workGroupIdOf,
  workGroupMonth,
  type ActionOutput,
  type Place,
  type Result,
  type WorkGroupsContract,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { toWorkGroupView } from './work-group-view';

type Output = ActionOutput<WorkGroupsContract, 'figures'>;

function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: shanghaiInstant(`${month}-01`).toISOString(), to: shanghaiInstant(`${next}-01`).toISOString() };
}

/**
 * The community's month with its group: its problems (one indexed read by group and month), which
 * of them were dispatched (their dispatch cases, by id) and solved, and its bookings of the month
 * (one indexed read by service and start).
 */
export async function getWorkGroupFigures(
  ctx: Ctx,
  input: { communityId: string; month: string },
  community: Place,
): Promise<Result<Output>> {
  const { store, clock } = ctx.ports;
  const group = await store.get(COLLECTIONS.workGroups, workGroupIdOf(community._id));
  if (!group) return err('WORKGROUP.NOT_FOUND', { communityId: community._id });
  const { from, to } = monthRange(input.month);
  const [problems, bookings] = await Promise.all([
    findAll(store, COLLECTIONS.requests, { workGroupId: group._id, createdAt: { gte: from, lt: to } }, [['createdAt', 'asc']]),
    findAll(store, COLLECTIONS.bookings, { serviceId: group.serviceId, startAt: { gte: from, lt: to } }, [['startAt', 'asc']]),
  ]);
  const cases = problems.length
    ? await store.getMany(
        COLLECTIONS.dispatchCases,
        problems.map((p) => p._id),
      )
    : [];
  const dispatched = new Set(cases.map((c) => c._id));
  const rows = problems.map((p) => ({ createdAt: p.createdAt, status: p.status, dispatched: dispatched.has(p._id) }));
  const month = workGroupMonth(input.month, rows, bookings);
  return ok({
    group: toWorkGroupView(group, clock.now()),
    ...month,
    problems: problems.map((p) => ({
      _id: p._id,
      compoundName: p.compoundName,
      description: p.description,
      status: p.status,
      createdAt: p.createdAt,
      collectedBy: p.collectedBy ? `${p.collectedBy.label} ${p.collectedBy.name}` : p.reporter.name,
      dispatched: dispatched.has(p._id),
    })),
  });
}
