import { hasStaffScope, type Attachment, type Grant, type Place } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import { decisionOf, failCheck, decideCheck, retryAtAfter, unsentCheckId } from '../media-checks/media-checks';
import type { HeldImage, MediaCheckDoc, NoticeDoc } from '../../ports/documents';

/**
 * Whose images skip the image check: community and street staff (and admins) whose scope covers
 * every target publish as the office itself. Everyone else who may publish (a compound's 三长五员)
 * is a WeChat user publishing to others, and WeChat's rules ask for their content to be checked.
 */
export const publishesAsOffice = (grants: readonly Grant[], targets: readonly Place[]) => targets.every((t) => hasStaffScope(grants, t));

/** The image attachments of a notice, by index in its list. */
export const imageAttachments = (attachments: readonly Attachment[]) =>
  attachments.flatMap((a, index) => (a.kind === 'image' ? [{ fileId: a.fileId, index }] : []));

/**
 * Writes the check rows of a notice's held images, after the notice document exists (so a push
 * that finds a row always finds its notice). Safe to run again (a retried publish): each row is
 * written only where none is yet. A push that came first (an early verdict under the trace id)
 * is applied to the stored notice in the same transaction, as the push would have applied it.
 */
export async function recordNoticeImageChecks(store: Store, notice: Pick<NoticeDoc, '_id' | 'heldImages'>, at: string): Promise<void> {
  for (const image of notice.heldImages ?? []) {
    const base: MediaCheckDoc = {
      _id: '',
      noticeId: notice._id,
      fileId: image.fileId,
      kind: 'notice',
      openid: image.openid,
      status: 'pending',
      createdAt: at,
    };
    if (!image.traceId) {
      await store.insert(COLLECTIONS.mediaChecks, {
        ...base,
        _id: unsentCheckId(notice._id, image.fileId),
        status: 'unsent',
        attempts: 1,
        retryAt: retryAtAfter(1, at),
      });
      continue;
    }
    const doc = { ...base, _id: image.traceId };
    await store.transaction(async (tx) => {
      const found = await tx.get(COLLECTIONS.mediaChecks, doc._id);
      if (found && found.status !== 'early') return;
      await tx.put(COLLECTIONS.mediaChecks, doc);
      if (found?.errcode) await failCheck(tx, doc, found.createdAt, found.errcode);
      else if (found) await decideCheck(tx, doc, decisionOf(found.suggest), found.createdAt, found.label);
    });
  }
}

export const heldImagesOf = (pending: readonly { fileId: string; traceId: string | null }[], openid: string): HeldImage[] =>
  pending.map((p) => ({ fileId: p.fileId, openid, traceId: p.traceId }));
