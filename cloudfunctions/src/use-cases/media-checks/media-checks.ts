import { COLLECTIONS } from '../../ports/collections';
import { isPending, type ContentCheck } from '../../ports/content-check';
import type { TxStore } from '../../ports/store';
import { settleSubject, type Decision } from './settle';
import type { MediaCheckDoc } from '../../ports/documents';

export type { Decision } from './settle';

/** An image whose check answers later (WeChat's mediaCheckAsync); traceId null = the call failed, not sent. */
export interface PendingImage {
  fileId: string;
  traceId: string | null;
}

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

/** What a check's image belongs to: a request, or a notice. */
export type CheckSubject = { requestId: string } | { noticeId: string };
export const subjectId = (s: CheckSubject | Pick<MediaCheckDoc, 'requestId' | 'noticeId'>): string => {
  const id = 'noticeId' in s && s.noticeId ? s.noticeId : 'requestId' in s ? s.requestId : undefined;
  if (!id) throw new Error('media check without a subject');
  return id;
};
export const unsentCheckId = (subject: string, fileId: string) => `unsent:${subject}:${fileId}`;
export const mediaCheckId = (subject: string, p: PendingImage) => p.traceId ?? unsentCheckId(subject, p.fileId);

export const decisionOf = (suggest: string | undefined): Decision =>
  suggest === 'pass' ? 'shown' : suggest === 'risky' ? 'removed' : 'review';

/**
 * Decides a check and its image on the stored request or notice, in the caller's transaction (the
 * push, and the timer's retry that gets an answer at once). Answers false when the subject is gone.
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
  return settleSubject(tx, check, decision);
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
    _id: unsentCheckId(subjectId(check), check.fileId),
    ...(check.noticeId ? { noticeId: check.noticeId } : { requestId: check.requestId }),
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
export async function recordTraced(tx: TxStore, doc: MediaCheckDoc): Promise<Decision | null> {
  const early = await tx.get(COLLECTIONS.mediaChecks, doc._id);
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

/**
 * An unsent check sent again got a trace id: in one transaction the unsent row is closed (resent)
 * and a row under the trace id carries it on, so the push finds it; a push that already came is
 * applied to the request. Answers false when the unsent row was already handled (an overlapping run).
 */
export async function recordResent(tx: TxStore, unsentId: string, traceId: string, at: string): Promise<boolean> {
  const unsent = await tx.get(COLLECTIONS.mediaChecks, unsentId);
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
  const early = await tx.get(COLLECTIONS.mediaChecks, traceId);
  await tx.put(COLLECTIONS.mediaChecks, doc);
  // the push came first: applied exactly as the push applies it to a stored request
  if (early?.status === 'early' && early.errcode) await failCheck(tx, doc, early.createdAt, early.errcode);
  else if (early?.status === 'early') await decideCheck(tx, doc, decisionOf(early.suggest), early.createdAt, early.label);
  return true;
}

/**
 * Sends each image to the image check (each call spends WeChat quota: only images already found
 * acceptable get here). Answers the images whose verdict comes later, or the first one refused at
 * once (the local checker, or a check that answers synchronously).
 */
export async function sendImageChecks(
  contentCheck: ContentCheck,
  fileIds: readonly string[],
  openid: string,
): Promise<{ pending: PendingImage[] } | { rejected: { index: number; label: string } }> {
  const pending: PendingImage[] = [];
  for (const [index, id] of fileIds.entries()) {
    const verdict = await contentCheck.checkImage(id, openid);
    if (isPending(verdict)) pending.push({ fileId: id, traceId: verdict.traceId });
    else if (!verdict.pass) return { rejected: { index, label: verdict.label } };
  }
  return { pending };
}
