import {
  ATTACHMENT_CONTENT_TYPES,
  err,
  ok,
  type Attachment,
  type AttachmentLink,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { isPending } from '../../ports/content-check';

/**
 * Every attachment must be a file the publisher uploaded (Taro.cloud.uploadFile in WeChat,
 * POST /dev/upload locally), of the kind it claims, and images must pass the image check.
 */
export async function checkAttachments(ctx: Ctx, openid: string, attachments: readonly Attachment[]): Promise<Result<true>> {
  const { files, contentCheck } = ctx.ports;
  for (const [index, a] of attachments.entries()) {
    const file = await files.stat(a.fileId);
    const invalid = err('NOTICE.ATTACHMENT_INVALID', { index, name: a.name });
    if (!file || (file.ownerOpenid && file.ownerOpenid !== openid)) return invalid;
    if (!ATTACHMENT_CONTENT_TYPES[a.kind].includes(file.contentType)) return invalid;
    if (a.kind === 'image') {
      const verdict = await contentCheck.checkImage(a.fileId, openid);
      // a verdict that comes later is not awaited: notices are published by staff and point
      // leaders, accountable by name; holding a notice's images back is not built yet
      if (!isPending(verdict) && !verdict.pass) return err('NOTICE.CONTENT_REJECTED', { index, label: verdict.label });
    }
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
