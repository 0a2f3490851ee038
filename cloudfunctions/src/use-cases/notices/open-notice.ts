import { ok, type OpenedNotice, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { loadForResident, markRead, openedView } from './mark-receipt';

/** A resident opens a notice: they see it, and it counts as read for them and their household. */
export async function openNotice(ctx: Ctx, input: { noticeId: string }): Promise<Result<OpenedNotice>> {
  const reader = await loadForResident(ctx, input.noticeId);
  if (!reader.ok) return reader;
  await markRead(ctx, reader.data);
  return ok(await openedView(ctx, reader.data));
}
