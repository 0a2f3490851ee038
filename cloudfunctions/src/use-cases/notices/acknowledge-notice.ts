import { err, ok, type OpenedNotice, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { loadForResident, markAcked, openedView } from './mark-receipt';

/** "我已知晓": the resident confirms a notice that asks for it (which also counts as read). */
export async function acknowledgeNotice(ctx: Ctx, input: { noticeId: string }): Promise<Result<OpenedNotice>> {
  const reader = await loadForResident(ctx, input.noticeId);
  if (!reader.ok) return reader;
  if (!reader.data.notice.needsAck) return err('NOTICE.ACK_NOT_REQUIRED');
  await markAcked(ctx, reader.data);
  return ok(await openedView(ctx, reader.data));
}
