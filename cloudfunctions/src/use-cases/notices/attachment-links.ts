import { ATTACHMENT_CONTENT_TYPES, err, ok, type Attachment, type AttachmentLink, type AttachmentView, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';

/**
 * Every attachment must be a file the publisher uploaded (Taro.cloud.uploadFile in WeChat,
 * POST /dev/upload locally) and of the kind it claims. Images then go to the image check when the
 * publisher is not the office's own staff (publish-notice, held-images).
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
export async function attachmentLinks(ctx: Ctx, attachments: readonly AttachmentView[]): Promise<AttachmentLink[]> {
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
