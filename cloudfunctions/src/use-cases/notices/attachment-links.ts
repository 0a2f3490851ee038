import {
  ATTACHMENT_CONTENT_TYPES,
  err,
  ok,
  type Attachment,
  type AttachmentLink,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';

/**
 * Every attachment must be a file the publisher uploaded (Taro.cloud.uploadFile in WeChat,
 * POST /dev/upload locally) and of the kind it claims.
 *
 * Images are not sent to the image check. WeChat's only image check (mediaCheckAsync) answers
 * later, by a push, and a notice has nothing to hold: it goes to households and subscribe
 * messages at once. Holding its images until the push would mean a half-published notice and a
 * second delivery path, for content that is not a stranger's: publishers are staff and point
 * leaders, named and scoped by their grant, every notice carries its publisher's name, and the
 * notice's title and body pass the (synchronous) text check. Calling the check and ignoring a
 * pending verdict only spent a WeChat call per image whose answer went nowhere.
 */
export async function checkAttachments(ctx: Ctx, openid: string, attachments: readonly Attachment[]): Promise<Result<true>> {
  const { files } = ctx.ports;
  for (const [index, a] of attachments.entries()) {
    const file = await files.stat(a.fileId);
    const invalid = err('NOTICE.ATTACHMENT_INVALID', { index, name: a.name });
    if (!file || (file.ownerOpenid && file.ownerOpenid !== openid)) return invalid;
    if (!ATTACHMENT_CONTENT_TYPES[a.kind].includes(file.contentType)) return invalid;
  }
  return ok(true);
}

/** Links to open each attachment; a file that has gone missing shows without a link rather than failing the notice. */
export async function attachmentLinks(ctx: Ctx, attachments: readonly Attachment[]): Promise<AttachmentLink[]> {
  return Promise.all(
    attachments.map(async (a) => {
      try {
        return { ...a, url: await ctx.ports.files.downloadUrl(a.fileId) };
      } catch {
        return { ...a, url: null };
      }
    }),
  );
}
