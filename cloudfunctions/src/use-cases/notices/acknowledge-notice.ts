import { err, ok, type OpenedNotice, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { markReceipt, openedView, readerOf, type ReaderLoad } from './mark-receipt';

/** "我已知晓": the resident confirms a notice that asks for it (which also counts as read). */
export async function acknowledgeNotice(ctx: Ctx, _input: { noticeId: string }, loaded: ReaderLoad): Promise<Result<OpenedNotice>> {
  const reader = readerOf(ctx, loaded);
  if (!reader.ok) return reader;
  if (!reader.data.notice.needsAck) return err('NOTICE.ACK_NOT_REQUIRED');
  return ok(await openedView(ctx, reader.data, await markReceipt(ctx, reader.data, true)));
}
