import { ok, type OpenedNotice, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { markReceipt, openedView, readerOf, type ReaderLoad } from './mark-receipt';

/** A resident opens a notice: they see it, and it counts as read for them and their household. */
export async function openNotice(ctx: Ctx, _input: { noticeId: string }, loaded: ReaderLoad): Promise<Result<OpenedNotice>> {
  const reader = readerOf(ctx, loaded);
  if (!reader.ok) return reader;
  return ok(await openedView(ctx, reader.data, await markReceipt(ctx, reader.data, false)));
}
