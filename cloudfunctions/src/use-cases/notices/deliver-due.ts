import { noticeMessageData, noticeState, ok, type DeliverReport, type DeliveryStatus, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { emptySenderReport, outboxSender, type DeliverOptions } from '../notifications/outbox-sender';
import { deliveryId, noticePage, tallyDeliveries } from './notice-records';
import type { DeliveryDoc, NoticeDoc } from '../../ports/documents';

/** Rows of a notice still being written wait this long before they are looked at again. */
const PREPARING_DEFER_MS = 60_000;

/**
 * The notices sender: sends due outbox rows as WeChat subscribe messages. Claims, leases, lease
 * recovery (a row a dead run left mid-send is closed as `unknown`, never re-sent: the feed, the
 * badge and the door-knocking list still reach that person), retries and "slow down" are the
 * shared outbox machinery (notifications/outbox-sender.ts). What is the notices' own:
 *
 * - Rows of a notice still being written are deferred; rows of notices withdrawn or expired are
 *   cancelled; reminders to people who have read since are cancelled too.
 * - The reach figures: "delivered" and "no grant" count people, once. A row records it in the same
 *   write as its state, and the figures are counted again from the rows (tallyDeliveries), at the
 *   start of a run (what a dead run left) and at its end.
 */
export async function deliverDue(ctx: Ctx, _input: unknown = {}, options: Partial<DeliverOptions> = {}): Promise<Result<DeliverReport>> {
  const { store } = ctx.ports;
  const report: DeliverReport = { ...emptySenderReport(), cancelled: 0, deferred: 0 };
  const sender = outboxSender(ctx, COLLECTIONS.noticeDeliveries, report, options);
  await sender.recover();
  await tallyDeliveries(store);

  const notices = new Map<string, NoticeDoc | null>();
  const loadNotices = async (due: DeliveryDoc[]) => {
    const unknown = [...new Set(due.map((d) => d.noticeId))].filter((id) => !notices.has(id));
    const loaded = await store.getMany(COLLECTIONS.notices, unknown);
    for (const id of unknown) notices.set(id, loaded.find((n) => n._id === id) ?? null);
  };

  async function processRow(row: DeliveryDoc): Promise<void> {
    const held = await sender.claim(row);
    if (!held) return; // another run has it

    const notice = notices.get(row.noticeId) ?? null;
    const state = notice ? noticeState(notice, held.now) : 'withdrawn';
    if (state === 'preparing') {
      await sender.release(held, PREPARING_DEFER_MS, false);
      report.deferred += 1;
      return;
    }
    if (!notice || state === 'withdrawn' || state === 'expired') {
      if (await sender.finish(held, 'cancelled' satisfies DeliveryStatus, { reason: state })) report.cancelled += 1;
      return;
    }
    if (row.round > 0) {
      const first = await store.get(COLLECTIONS.noticeDeliveries, deliveryId(row.noticeId, row.openid));
      if (first?.read) {
        if (await sender.finish(held, 'cancelled' satisfies DeliveryStatus, { reason: 'read' })) report.cancelled += 1;
        return;
      }
    }

    const outcome = await sender.send(held, {
      toOpenid: row.openid,
      template: 'notice',
      page: noticePage(notice._id),
      data: noticeMessageData(notice, row.round > 0),
    });
    // "delivered" counts people, once, whichever round reached them first. A first-round row is
    // that person's own record (reminders are only queued once it is settled), so its finish
    // says so in the same write; a reminder marks the person's first-round row.
    const tally = { tally: true };
    const settled = await sender.settle(held, outcome, row.round === 0 ? { sent: { delivered: true, ...tally }, noGrant: tally } : {});
    if (settled === 'sent' && row.round > 0)
      await store.update(
        COLLECTIONS.noticeDeliveries,
        deliveryId(row.noticeId, row.openid),
        { set: { delivered: true, ...tally } },
        { delivered: false },
      );
  }

  await sender.drain(processRow, loadNotices);
  await tallyDeliveries(store);
  return ok(report);
}
