import { yieldToEventLoop } from '../timer-budget';
import { deadlineText, partDelta, sweepDispatch, type DispatchDoc, type RequestEvent } from '@linli/shared';
import { applyPartStats } from './department-stats';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { MAX_FIND_LIMIT } from '../../ports/store';
import { notifyDepartment } from './notify-department';

const LEVEL_LABELS = { community: '社区', street: '街道', district: '区' } as const;

export interface DispatchSweepCounts {
  escalated: number;
  settled: number;
}

/**
 * 督办 of departments, in the requests timer: a part whose 报到 is overdue, or whose lead has not
 * resolved the request by its deadline, is escalated to the department's head and the level that
 * dispatched, and again after each interval. Each write is conditional on the version the page
 * read, and its timeline line and messages have ids from that version, so overlapping runs
 * escalate once: the run that loses the write does nothing more.
 */
export async function sweepDispatches(ctx: Ctx, budget: { within(): boolean }): Promise<DispatchSweepCounts & { more: boolean }> {
  const { store, clock, calendar } = ctx.ports;
  const now = clock.now();
  const counts = { escalated: 0, settled: 0 };
  for (;;) {
    const due = await store.find(COLLECTIONS.dispatches, {
      where: { dueAt: { lte: now.toISOString() } },
      orderBy: [['dueAt', 'asc']],
      limit: MAX_FIND_LIMIT,
    });
    if (due.length === 0) return { ...counts, more: false };
    const requests = new Map((await store.getMany(COLLECTIONS.requests, [...new Set(due.map((d) => d.requestId))])).map((r) => [r._id, r]));
    let changed = 0;
    const lines: RequestEvent[] = [];
    const told: { part: DispatchDoc; line: RequestEvent }[] = [];
    for (const part of due) {
      const r = requests.get(part.requestId);
      const decided = r ? sweepDispatch(part, { requestStatus: r.status, now, calendar }) : { kind: 'settle' as const };
      if (!decided) continue;
      const at = now.toISOString();
      const version = part.version + 1;
      if (decided.kind === 'settle') {
        if (
          await store.update(
            COLLECTIONS.dispatches,
            part._id,
            { unset: ['dueAt'], set: { version, updatedAt: at } },
            { version: part.version },
          )
        ) {
          counts.settled++;
          changed++;
        }
        continue;
      }
      const next = { escalations: decided.escalations, dueAt: decided.dueAt, version, updatedAt: at };
      if (!(await escalate(ctx, part, next))) continue;
      changed++;
      counts.escalated++;
      const what =
        decided.kind === 'reportOverdue'
          ? `超过报到时限（${deadlineText(part.reportBy)}）仍未报到`
          : `超过办理时限（${deadlineText(part.resolveBy)}）仍未办结`;
      const line: RequestEvent = {
        _id: `${part._id}:esc:${decided.escalations}`,
        requestId: part.requestId,
        at,
        kind: 'departmentEscalated',
        step: 'supervise',
        actor: '系统',
        text: `督办：${part.departmentName}${what}，已通知部门负责人和${LEVEL_LABELS[part.dispatcherLevel]}`,
      };
      lines.push(line);
      told.push({ part: { ...part, ...next }, line });
    }
    if (lines.length) await store.insertMany(COLLECTIONS.requestEvents, lines);
    for (const { part, line } of told) {
      const r = requests.get(part.requestId);
      if (r)
        await notifyDepartment(ctx, part, r, {
          id: line._id,
          text: line.text ?? '督办',
          template: 'staffOverdue',
          headsOnly: true,
          alsoDispatcher: true,
        });
    }
    if (due.length < MAX_FIND_LIMIT || changed === 0) return { ...counts, more: false };
    if (!budget.within()) return { ...counts, more: true };
    await yieldToEventLoop();
  }
}

/**
 * Writes a 督办 conditionally on the version the page read. The first one marks the part overdue in
 * its department's counters: that write and the counters' go in one transaction; later ones change
 * no count and stay a single conditional update.
 */
async function escalate(
  ctx: Ctx,
  part: DispatchDoc,
  set: Pick<DispatchDoc, 'escalations' | 'dueAt' | 'version' | 'updatedAt'>,
): Promise<boolean> {
  const { store } = ctx.ports;
  const after = { ...part, ...set };
  if (Object.keys(partDelta(part, after)).length === 0)
    return store.update(COLLECTIONS.dispatches, part._id, { set }, { version: part.version });
  return store.transaction(async (tx) => {
    const now = await tx.get(COLLECTIONS.dispatches, part._id);
    if (!now || now.version !== part.version) return false;
    await tx.put(COLLECTIONS.dispatches, after);
    await applyPartStats(tx, now, after);
    return true;
  });
}
