import type { HeldPhoto, MediaCheckKind, RequestDoc } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import { mediaCheckId, recordTraced, retryAtAfter, type PendingImage } from '../media-checks/media-checks';
import { settlePhoto } from '../media-checks/settle';
import type { MediaCheckDoc } from '../../ports/documents';

/** The request with these photos held by `openid`. */
export const withHeld = (r: RequestDoc, pending: readonly PendingImage[], openid: string): HeldPhoto[] | undefined => {
  const held = [...(r.heldPhotos ?? []), ...pending.map((p) => ({ fileId: p.fileId, openid }))];
  return held.length ? held : r.heldPhotos;
};

/**
 * Records the pending checks in the transaction that stores the photos, before the request is
 * written: one row per photo (id = WeChat's trace id, or `unsent:…` when the call failed, to be
 * sent again by the timer), and any verdict already pushed under a trace id applied to `r`.
 * Answers the request to write.
 */
export async function recordMediaChecks(
  tx: TxStore,
  r: RequestDoc,
  kind: MediaCheckKind,
  openid: string,
  pending: readonly PendingImage[],
  at: string,
): Promise<RequestDoc> {
  let next = r;
  for (const p of pending) {
    const doc: MediaCheckDoc = {
      _id: mediaCheckId(r._id, p),
      requestId: r._id,
      fileId: p.fileId,
      kind,
      openid,
      status: 'pending',
      createdAt: at,
    };
    if (!p.traceId) {
      await tx.put(COLLECTIONS.mediaChecks, { ...doc, status: 'unsent', attempts: 1, retryAt: retryAtAfter(1, at) });
      continue;
    }
    const early = await recordTraced(tx, doc);
    if (early) next = settlePhoto(next, { fileId: p.fileId, openid }, early);
  }
  return next;
}

/** Which of `photos` the viewer may see: rejected ones never, held ones only by who attached them. */
export function visiblePhotos(r: RequestDoc, photos: readonly string[], viewer: string | null | undefined): string[] {
  const removed = new Set((r.removedPhotos ?? []).map((p) => p.fileId));
  const hidden = new Set((r.heldPhotos ?? []).filter((p) => p.openid !== viewer).map((p) => p.fileId));
  return photos.filter((id) => !removed.has(id) && !hidden.has(id));
}
