import type { HeldPhoto, RequestDoc } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import type { NoticeDoc } from '../../ports/documents';

/** What a verdict does to its image: release it, take it out, or keep it held (review). */
export type Decision = 'shown' | 'removed' | 'review' | 'unchecked';

const isRemoval = (decision: Decision) => decision === 'removed' || decision === 'unchecked';
const removedEntry = (image: HeldPhoto, decision: Decision) => ({
  fileId: image.fileId,
  openid: image.openid,
  ...(decision === 'unchecked' ? { unchecked: true as const } : {}),
});

/** The request with the photo's decision applied (version untouched): the one place a verdict changes a request. */
export function settlePhoto(r: RequestDoc, photo: HeldPhoto, decision: Decision): RequestDoc {
  if (decision === 'review') return r;
  const next: RequestDoc = { ...r };
  const held = (r.heldPhotos ?? []).filter((p) => p.fileId !== photo.fileId);
  if (held.length) next.heldPhotos = held;
  else delete next.heldPhotos;
  if (isRemoval(decision)) {
    next.photos = r.photos.filter((id) => id !== photo.fileId);
    if (r.resultPhotos) next.resultPhotos = r.resultPhotos.filter((id) => id !== photo.fileId);
    // progress lines keep their photo ids; the views leave removed ones out
    next.removedPhotos = [...(r.removedPhotos ?? []), removedEntry(photo, decision)];
  }
  return next;
}

/** The notice with an attached image's decision applied: the one place a verdict changes a notice. */
export function settleNoticeImage(n: NoticeDoc, image: HeldPhoto, decision: Decision): NoticeDoc {
  if (decision === 'review') return n;
  const next: NoticeDoc = { ...n };
  const held = (n.heldImages ?? []).filter((p) => p.fileId !== image.fileId);
  if (held.length) next.heldImages = held;
  else delete next.heldImages;
  if (isRemoval(decision)) {
    next.attachments = n.attachments.filter((a) => a.fileId !== image.fileId);
    next.removedImages = [...(n.removedImages ?? []), removedEntry(image, decision)];
  }
  return next;
}

/** Writes the keys of `next` that differ from `prev` (set, or unset when gone). */
function changedKeys<T extends Record<string, unknown>>(prev: T, next: T, keys: readonly (keyof T & string)[]) {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const key of keys)
    if (next[key] !== undefined) set[key] = next[key];
    else if (prev[key] !== undefined) unset.push(key);
  return { set, ...(unset.length ? { unset } : {}) };
}

/** Applies a decision to the stored subject of a check, in the caller's transaction. False when it is gone. */
export async function settleSubject(
  tx: TxStore,
  check: { requestId?: string | undefined; noticeId?: string | undefined; fileId: string; openid: string },
  decision: Decision,
): Promise<boolean> {
  const image = { fileId: check.fileId, openid: check.openid };
  if (check.noticeId) {
    const n = await tx.get(COLLECTIONS.notices, check.noticeId);
    if (!n) return false;
    if (decision === 'review') return true;
    const next = settleNoticeImage(n, image, decision);
    await tx.update(COLLECTIONS.notices, n._id, changedKeys(n, next, ['heldImages', 'attachments', 'removedImages']));
    return true;
  }
  const r = check.requestId ? await tx.get(COLLECTIONS.requests, check.requestId) : null;
  if (!r) return false;
  if (decision === 'review') return true;
  const next = settlePhoto(r, image, decision);
  const patch = changedKeys(r, next, ['heldPhotos', 'photos', 'resultPhotos', 'removedPhotos']);
  await tx.update(COLLECTIONS.requests, r._id, { ...patch, set: { ...patch.set, version: r.version + 1 } });
  return true;
}
