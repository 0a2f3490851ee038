import { ok, summarizeReach, type Reach, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { toNoticeView } from './notice-records';
import type { NoticeDoc } from '../../ports/documents';

/**
 * Reach, live: the notice's counters and the per-unit counters rolled up by building. Both are
 * kept with `inc` as people read, so this reads one document per unit, never the outbox.
 */
export async function getReach(ctx: Ctx, _input: unknown, notice: NoticeDoc): Promise<Result<Reach>> {
  const { store, clock } = ctx.ports;
  const units = await findAll(store, COLLECTIONS.noticeUnits, { noticeId: notice._id }, [
    ['noticeId', 'asc'],
    ['sortKey', 'asc'],
  ]);
  const { buildings } = summarizeReach(units);
  const pendingDeliveries = await store.count(COLLECTIONS.noticeDeliveries, {
    noticeId: notice._id,
    status: { in: ['pending', 'sending'] },
  });
  return ok({
    notice: toNoticeView(notice, clock.now(), ctx.caller.openid),
    counts: notice.stats,
    buildings,
    reminders: notice.reminders,
    lastRemindedAt: notice.lastRemindedAt,
    remindableAt: notice.remindableAt,
    pendingDeliveries,
  });
}
