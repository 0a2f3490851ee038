import { ok, type NoticeView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { loadNotice, toNoticeView } from './notice-records';
import type { NoticeDoc } from '../../ports/documents';

/**
 * Withdraws a notice: it leaves residents' feeds and the 阳光三务 archive, and messages not yet
 * sent are cancelled. Withdrawing again answers the same; a message already on its way (a row
 * being sent right now) still arrives.
 */
export async function withdrawNotice(
  ctx: Ctx,
  _input: unknown,
  notice: NoticeDoc,
): Promise<Result<{ notice: NoticeView; cancelled: number }>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  await store.update(
    COLLECTIONS.notices,
    notice._id,
    { set: { status: 'withdrawn', withdrawnAt: now.toISOString() } },
    { status: 'published' },
  );
  const cancelled = await store.updateMany(
    COLLECTIONS.noticeDeliveries,
    { noticeId: notice._id, status: 'pending' },
    { set: { status: 'cancelled', outcomeAt: now.toISOString(), reason: 'withdrawn' } },
  );
  for (const communityId of notice.communityIds) await store.remove(COLLECTIONS.sunshineArchive, `${notice._id}:${communityId}`);
  const stored = (await loadNotice(store, notice._id)) ?? notice;
  return ok({ notice: toNoticeView(stored, now, ctx.caller.openid), cancelled });
}
