import type { HeldPhoto, MediaCheckKind, RequestDoc } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import type { PendingPhoto } from './check-photos';

/** One image check awaiting WeChat's verdict, found by the push's trace_id. */
export interface MediaCheckDoc {
  _id: string;
  requestId: string;
  fileId: string;
  kind: MediaCheckKind;
  /** Who attached the photo: the only person who sees it while it is held. */
  openid: string;
  /** pending: sent, waiting; unsent: the call failed, to send again; then the outcome. */
  status: 'pending' | 'unsent' | 'shown' | 'removed' | 'review';
  label?: string;
  createdAt: string;
  decidedAt?: string;
  [key: string]: unknown;
}

export const mediaCheckId = (requestId: string, p: PendingPhoto) => p.traceId ?? `unsent:${requestId}:${p.fileId}`;

/** The request's held photos with these added. */
export const withHeld = (r: RequestDoc, pending: readonly PendingPhoto[], openid: string): HeldPhoto[] | undefined => {
  const held = [...(r.heldPhotos ?? []), ...pending.map((p) => ({ fileId: p.fileId, openid }))];
  return held.length ? held : r.heldPhotos;
};

/** Records the pending checks in the transaction that stores the photos (put: ids are WeChat's trace ids). */
export async function recordMediaChecks(
  tx: TxStore,
  requestId: string,
  kind: MediaCheckKind,
  openid: string,
  pending: readonly PendingPhoto[],
  at: string,
): Promise<void> {
  for (const p of pending) {
    const doc: MediaCheckDoc = {
      _id: mediaCheckId(requestId, p),
      requestId,
      fileId: p.fileId,
      kind,
      openid,
      status: p.traceId ? 'pending' : 'unsent',
      createdAt: at,
    };
    await tx.put(COLLECTIONS.mediaChecks, doc);
  }
}

/**
 * Which of `photos` the viewer may see: rejected ones never, held ones only by who attached them.
 */
export function visiblePhotos(r: RequestDoc, photos: readonly string[], viewer: string | null | undefined): string[] {
  const removed = new Set((r.removedPhotos ?? []).map((p) => p.fileId));
  const hidden = new Set((r.heldPhotos ?? []).filter((p) => p.openid !== viewer).map((p) => p.fileId));
  return photos.filter((id) => !removed.has(id) && !hidden.has(id));
}
