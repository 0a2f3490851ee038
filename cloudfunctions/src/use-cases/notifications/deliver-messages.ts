import { ok, type MessageReport, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { emptySenderReport, outboxSender, type DeliverOptions } from './outbox-sender';

/**
 * The `messages` timer (every minute): sends the queued transactional messages, each spending one
 * of the recipient's grants. Never sends a row twice, even when two runs overlap or one dies
 * mid-batch (notifications/outbox-sender.ts); a recipient without a grant gets nothing and the
 * row says `noGrant`.
 */
export async function deliverMessages(
  ctx: Ctx,
  _input: unknown = {},
  options: Partial<DeliverOptions> = {},
): Promise<Result<MessageReport>> {
  const report: MessageReport = emptySenderReport();
  const sender = outboxSender(ctx, COLLECTIONS.messages, report, options);
  await sender.recover();
  await sender.drain(async (row) => {
    const held = await sender.claim(row);
    if (!held) return; // another run has it
    const outcome = await sender.send(held, { toOpenid: row.toOpenid, template: row.template, page: row.page, data: row.data });
    await sender.settle(held, outcome);
  });
  return ok(report);
}
