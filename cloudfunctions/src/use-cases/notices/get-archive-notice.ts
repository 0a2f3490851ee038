import { err, ok, type AttachmentLink, type NoticeView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { attachmentLinks } from './attachment-links';
import { loadNotice, toNoticeView } from './notice-records';

/** One 阳光三务 disclosure, readable by anyone (it is public); other notices are not served here. */
export async function getArchiveNotice(
  ctx: Ctx,
  input: { noticeId: string },
): Promise<Result<{ notice: NoticeView; links: AttachmentLink[] }>> {
  const now = ctx.ports.clock.now();
  const notice = await loadNotice(ctx.ports.store, input.noticeId);
  if (!notice || notice.category !== 'sunshine' || notice.status !== 'published' || notice.publishAt > now.toISOString())
    return err('NOTICE.NOT_FOUND');
  const view = toNoticeView(notice, now, ctx.caller.openid);
  return ok({ notice: view, links: await attachmentLinks(ctx, view.attachments) });
}
