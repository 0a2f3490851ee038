import { err, ok, MAX_PHOTO_BYTES, PHOTO_TYPES, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { sendImageChecks, type PendingImage } from '../media-checks/media-checks';

/**
 * Photos arrive as file ids the app uploaded. Each must exist, be an image of an allowed type
 * and size (re-checked here: the upload path is not the only way an id can arrive), belong to
 * the caller when the storage knows the uploader, and pass the image content check. A rejection
 * known now refuses the whole step; photos whose verdict comes later are answered, to be held.
 */
export async function checkPhotos(ctx: Ctx, photos: readonly string[]): Promise<Result<PendingImage[]>> {
  const openid = callerOpenid(ctx);
  const { files, contentCheck } = ctx.ports;
  for (const [index, id] of photos.entries()) {
    const file = await files.stat(id);
    if (!file || (file.ownerOpenid && file.ownerOpenid !== openid)) return err('REQUEST.PHOTO_NOT_FOUND', { index });
    if (!(PHOTO_TYPES as readonly string[]).includes(file.contentType)) return err('REQUEST.PHOTO_TYPE', { index });
    if (file.size > MAX_PHOTO_BYTES) return err('REQUEST.PHOTO_TOO_LARGE', { index, maxBytes: MAX_PHOTO_BYTES });
  }
  // only photos that are all acceptable are sent to the image check (each check spends quota)
  const checked = await sendImageChecks(contentCheck, photos, openid);
  if ('rejected' in checked) return err('REQUEST.CONTENT_REJECTED', checked.rejected);
  return ok(checked.pending);
}
