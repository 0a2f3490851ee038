import { err, noticeState, ok, REMIND_INTERVAL_MS, type MessageOutlook, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { grantOutlook } from '../notifications/grant-outlook';
import { deliveryId, loadNotice } from './notice-records';
import type { DeliveryDoc } from '../../ports/documents';
import type { NoticeDoc } from '../../ports/documents';

const PAGE = 1000;

/**
 * "Remind the unread": queues one more message to every recipient who has not opened the notice.
 * At most once per REMIND_INTERVAL_MS per notice, enforced by a conditional update on the notice
 * (two publishers pressing at once: one wins, the other hears REMIND_TOO_SOON). Each round's rows
 * have ids `${notice}:r${round}:${openid}`, so a repeated round never queues anyone twice.
 * Answers too how many of those reminded a WeChat message can reach, from their grants.
 */
export async function remindUnread(
  ctx: Ctx,
  _input: unknown,
  notice: NoticeDoc,
): Promise<Result<{ queued: number; remindableAt: string; messages: MessageOutlook }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const nowIso = now.toISOString();
  const state = noticeState(notice, now);
  if (state !== 'live') return err('NOTICE.NOT_LIVE', { state });

  const remindableAt = new Date(now.getTime() + REMIND_INTERVAL_MS).toISOString();
  const round = notice.reminders + 1;
  const claimed = await store.update(
    COLLECTIONS.notices,
    notice._id,
    { set: { remindableAt, lastRemindedAt: nowIso }, inc: { reminders: 1 } },
    { status: 'published', reminders: notice.reminders, remindableAt: { lte: nowIso } },
  );
  if (!claimed) {
    const fresh = (await loadNotice(store, notice._id)) ?? notice;
    return err('NOTICE.REMIND_TOO_SOON', {
      remindableAt: fresh.remindableAt,
    });
  }

  let queued = 0;
  const reminded: string[] = [];
  let after = '';
  for (;;) {
    // paged by _id rather than skip: rows leave the "unread" set while we page
    const page = await store.find(COLLECTIONS.noticeDeliveries, {
      where: { noticeId: notice._id, round: 0, read: false, _id: { gt: after } },
      orderBy: [['_id', 'asc']],
      limit: PAGE,
    });
    const rows: DeliveryDoc[] = page
      // someone whose first message is still on its way is not reminded on top of it
      .filter((d) => d.status !== 'pending' && d.status !== 'sending')
      .map((d) => ({
        _id: deliveryId(notice._id, d.openid, round),
        noticeId: notice._id,
        round,
        openid: d.openid,
        householdId: d.householdId,
        unitId: d.unitId,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: nowIso,
        createdAt: nowIso,
      }));
    queued += (await store.insertMany(COLLECTIONS.noticeDeliveries, rows)).inserted;
    reminded.push(...rows.map((r) => r.openid));
    if (page.length < PAGE) break;
    after = page[page.length - 1]!._id;
  }
  // the truth for the publisher: how many of them a WeChat message can actually reach
  return ok({ queued, remindableAt, messages: await grantOutlook(store, reminded, 'notice') });
}
