import type { HeldPhoto, MediaCheckKind, RequestDoc } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';
import type { PendingPhoto } from './check-photos';

/**
 * One image check and the held photo it decides, found by the push's trace_id.
 * - pending: sent (id = WeChat's trace id), waiting for the push;
 * - unsent: the call failed (id `unsent:<requestId>:<fileId>`): the requests timer sends it again
 *   when `retryAt` comes; `attempts` counts the calls made so far;
 * - resent: an unsent check that was sent again; `traceId` names the row that carries it on;
 * - failed: WeChat's push said its detection failed (errcode ≠ 0, e.g. -1008 the image could not
 *   be downloaded): an unsent row carries it on, sent again like a call that failed;
 * - shown / removed / review: WeChat's verdict, applied;
 * - unchecked: given up after MAX_CHECK_ATTEMPTS failed calls: the photo is taken out of the
 *   request (never shown unchecked) and its uploader is told it could not be checked.
 */
export interface MediaCheckDoc {
  _id: string;
  requestId: string;
  fileId: string;
  kind: MediaCheckKind;
  /** Who attached the photo: the only person who sees it while it is held. */
  openid: string;
  status: 'pending' | 'unsent' | 'resent' | 'failed' | 'shown' | 'removed' | 'review' | 'unchecked';
  attempts?: number;
  /** unsent only: when the timer sends it again (served by the media_checks_status index). */
  retryAt?: string;
  traceId?: string;
  label?: string;
  createdAt: string;
  decidedAt?: string;
  [key: string]: unknown;
}

/**
 * A push that arrived before the row of its check was written (the check is called before the
 * transaction that writes the row commits): kept under the trace id, applied by whichever writer
 * then records that trace id, in its transaction. One that never finds its check (another app's
 * trace id) stays as it is, decides nothing, and is never read by a query.
 */
export interface EarlyVerdictDoc {
  _id: string;
  status: 'early';
  suggest: string;
  /** The push reported a failed detection: WeChat's errcode (≠ 0); the check is sent again, not decided. */
  errcode?: number;
  label?: string;
  createdAt: string;
  [key: string]: unknown;
}

export type MediaCheckRow = MediaCheckDoc | EarlyVerdictDoc;

/** The calls (the first one included) after which a check that cannot be sent is given up. */
export const MAX_CHECK_ATTEMPTS = 5;
const FIRST_RETRY_MS = 5 * 60_000;

/**
 * When an unsent check is sent again after `attempts` calls failed: 5, 10, 20, 40 minutes, so the
 * last try falls within ~75 minutes: mediaCheckAsync wants an openid that used the app in the last
 * two hours, so later tries would fail anyway.
 */
export const retryAtAfter = (attempts: number, at: string) =>
  new Date(Date.parse(at) + FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1)).toISOString();

export const unsentCheckId = (requestId: string, fileId: string) => `unsent:${requestId}:${fileId}`;
export const mediaCheckId = (requestId: string, p: PendingPhoto) => p.traceId ?? unsentCheckId(requestId, p.fileId);

/** What a verdict does to its photo: release it, take it out, or keep it held (review). */
export type Decision = 'shown' | 'removed' | 'review' | 'unchecked';
export const decisionOf = (suggest: string | undefined): Decision =>
  suggest === 'pass' ? 'shown' : suggest === 'risky' ? 'removed' : 'review';

/** The request with the photo's decision applied (version untouched): the one place a verdict changes a request. */
export function settlePhoto(r: RequestDoc, photo: HeldPhoto, decision: Decision): RequestDoc {
  if (decision === 'review') return r;
  const next: RequestDoc = { ...r };
  const held = (r.heldPhotos ?? []).filter((p) => p.fileId !== photo.fileId);
  if (held.length) next.heldPhotos = held;
  else delete next.heldPhotos;
  if (decision === 'removed' || decision === 'unchecked') {
    next.photos = r.photos.filter((id) => id !== photo.fileId);
    if (r.resultPhotos) next.resultPhotos = r.resultPhotos.filter((id) => id !== photo.fileId);
    // progress lines keep their photo ids; the views leave removed ones out
    next.removedPhotos = [
      ...(r.removedPhotos ?? []),
      { fileId: photo.fileId, openid: photo.openid, ...(decision === 'unchecked' ? { unchecked: true as const } : {}) },
    ];
  }
  return next;
}

/**
 * Decides a check and its photo on the stored request, in the caller's transaction (the push, and
 * the timer's retry that gets an answer at once). Answers false when the request is gone.
 */
export async function decideCheck(
  tx: TxStore,
  check: MediaCheckDoc,
  decision: Decision,
  at: string,
  label?: string | number,
): Promise<boolean> {
  await tx.update(COLLECTIONS.mediaChecks, check._id, {
    set: { status: decision, decidedAt: at, ...(label !== undefined ? { label: String(label) } : {}) },
    unset: ['retryAt'],
  });
  const r = await tx.get<RequestDoc>(COLLECTIONS.requests, check.requestId);
  if (!r) return false;
  if (decision === 'review') return true;
  const next = settlePhoto(r, { fileId: check.fileId, openid: check.openid }, decision);
  const set: Record<string, unknown> = { version: r.version + 1 };
  const unset: string[] = [];
  for (const key of ['heldPhotos', 'photos', 'resultPhotos', 'removedPhotos'] as const)
    if (next[key] !== undefined) set[key] = next[key];
    else if (r[key] !== undefined) unset.push(key);
  await tx.update(COLLECTIONS.requests, r._id, { set, ...(unset.length ? { unset } : {}) });
  return true;
}

/**
 * WeChat could not decide a sent check (its push carried errcode ≠ 0): counted as a failed call,
 * in the caller's transaction. The traced row is closed (failed) and the check goes back to an
 * unsent row the requests timer sends again, on the same backoff as a call that failed; after
 * MAX_CHECK_ATTEMPTS calls it is given up (the photo taken out, never shown unchecked).
 * Answers what became of it.
 */
export async function failCheck(tx: TxStore, check: MediaCheckDoc, at: string, errcode: number): Promise<'retry' | 'unchecked'> {
  const attempts = check.attempts ?? 1;
  await tx.update(COLLECTIONS.mediaChecks, check._id, { set: { status: 'failed', decidedAt: at, errcode }, unset: ['retryAt'] });
  if (attempts >= MAX_CHECK_ATTEMPTS) {
    await decideCheck(tx, check, 'unchecked', at);
    return 'unchecked';
  }
  const unsent: MediaCheckDoc = {
    _id: unsentCheckId(check.requestId, check.fileId),
    requestId: check.requestId,
    fileId: check.fileId,
    kind: check.kind,
    openid: check.openid,
    status: 'unsent',
    attempts,
    retryAt: retryAtAfter(attempts, at),
    failedTraceId: check._id,
    createdAt: at,
  };
  await tx.put(COLLECTIONS.mediaChecks, unsent);
  return 'retry';
}

/**
 * Writes the row of a check that now has a trace id (a first call, or an unsent one sent again),
 * in the transaction that stores its photo. A verdict that came before it (an early push) is
 * applied here: the row is written decided and the answer says what to do to the photo.
 */
async function recordTraced(tx: TxStore, doc: MediaCheckDoc): Promise<Decision | null> {
  const early = await tx.get<MediaCheckRow>(COLLECTIONS.mediaChecks, doc._id);
  if (early?.status !== 'early') {
    await tx.put(COLLECTIONS.mediaChecks, doc);
    return null;
  }
  if (early.errcode) {
    await tx.put(COLLECTIONS.mediaChecks, doc);
    await failCheck(tx, doc, early.createdAt, early.errcode);
    return null;
  }
  const decision = decisionOf(early.suggest);
  await tx.put(COLLECTIONS.mediaChecks, {
    ...doc,
    status: decision,
    decidedAt: early.createdAt,
    ...(early.label !== undefined ? { label: early.label } : {}),
  });
  return decision;
}

/** The request with these photos held by `openid`. */
export const withHeld = (r: RequestDoc, pending: readonly PendingPhoto[], openid: string): HeldPhoto[] | undefined => {
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
  pending: readonly PendingPhoto[],
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

/**
 * An unsent check sent again got a trace id: in one transaction the unsent row is closed (resent)
 * and a row under the trace id carries it on, so the push finds it; a push that already came is
 * applied to the request. Answers false when the unsent row was already handled (an overlapping run).
 */
export async function recordResent(tx: TxStore, unsentId: string, traceId: string, at: string): Promise<boolean> {
  const unsent = await tx.get<MediaCheckDoc>(COLLECTIONS.mediaChecks, unsentId);
  if (unsent?.status !== 'unsent') return false;
  await tx.update(COLLECTIONS.mediaChecks, unsentId, { set: { status: 'resent', traceId, decidedAt: at }, unset: ['retryAt'] });
  const { _id: _unsent, retryAt: _retryAt, ...rest } = unsent;
  // this call counts: a failed detection pushed for it brings the check nearer to giving up
  const doc: MediaCheckDoc = {
    ...rest,
    _id: traceId,
    status: 'pending',
    attempts: (unsent.attempts ?? 1) + 1,
    createdAt: at,
    resentFrom: unsentId,
  };
  const early = await tx.get<MediaCheckRow>(COLLECTIONS.mediaChecks, traceId);
  await tx.put(COLLECTIONS.mediaChecks, doc);
  // the push came first: applied exactly as the push applies it to a stored request
  if (early?.status === 'early' && early.errcode) await failCheck(tx, doc, early.createdAt, early.errcode);
  else if (early?.status === 'early') await decideCheck(tx, doc, decisionOf(early.suggest), early.createdAt, early.label);
  return true;
}

/**
 * Which of `photos` the viewer may see: rejected ones never, held ones only by who attached them.
 */
export function visiblePhotos(r: RequestDoc, photos: readonly string[], viewer: string | null | undefined): string[] {
  const removed = new Set((r.removedPhotos ?? []).map((p) => p.fileId));
  const hidden = new Set((r.heldPhotos ?? []).filter((p) => p.openid !== viewer).map((p) => p.fileId));
  return photos.filter((id) => !removed.has(id) && !hidden.has(id));
}
