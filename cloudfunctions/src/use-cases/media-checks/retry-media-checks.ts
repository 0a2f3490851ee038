import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { isPending, type ImageVerdict } from '../../ports/content-check';
import { decideCheck, MAX_CHECK_ATTEMPTS, recordResent, retryAtAfter } from './media-checks';
import type { MediaCheckDoc } from '../../ports/documents';

/** Checks sent again per timer run (each is a WeChat call); the rest wait for the next run. */
export const RETRY_PER_RUN = 100;
const CALLS_AT_ONCE = 10;

export interface RetryCounts {
  sent: number;
  decided: number;
  failed: number;
  gaveUp: number;
}

/**
 * Part of the requests timer: sends again the image checks whose call failed (`unsent` rows whose
 * `retryAt` has come, through the media_checks_status index, at most RETRY_PER_RUN a run), so a run
 * costs what is due. For each:
 * - pending with a trace id: the unsent row is closed and a row under the trace id written, in one
 *   transaction, so the push finds it (a push that already came is applied there);
 * - an answer at once (pass / reject): applied as the push applies it;
 * - another failure: `attempts` counts it and the next try waits longer (retryAtAfter); after
 *   MAX_CHECK_ATTEMPTS calls the check is given up: the row is marked `unchecked` and the photo
 *   taken out of the request like a rejected one (it is never shown unchecked), its uploader told
 *   it could not be checked so they can post it again.
 * Every write is conditional on the row still being unsent, so overlapping runs do each at most once.
 */
export async function retryMediaChecks(ctx: Ctx): Promise<RetryCounts> {
  const { store, clock, contentCheck } = ctx.ports;
  const at = clock.now().toISOString();
  const counts: RetryCounts = { sent: 0, decided: 0, failed: 0, gaveUp: 0 };
  const due = (
    await store.find(COLLECTIONS.mediaChecks, {
      where: { status: 'unsent', retryAt: { lte: at } },
      orderBy: [['retryAt', 'asc']],
      limit: RETRY_PER_RUN,
    })
  ).filter((row): row is MediaCheckDoc => row.status === 'unsent');
  const one = async (check: MediaCheckDoc) => {
    let verdict: ImageVerdict;
    try {
      verdict = await contentCheck.checkImage(check.fileId, check.openid);
    } catch {
      verdict = { pending: true, traceId: null };
    }
    if (isPending(verdict) && verdict.traceId) {
      const traceId = verdict.traceId;
      if (await store.transaction((tx) => recordResent(tx, check._id, traceId, at))) counts.sent++;
      return;
    }
    const attempts = (check.attempts ?? 1) + 1;
    if (isPending(verdict) && attempts < MAX_CHECK_ATTEMPTS) {
      const patch = { set: { attempts, retryAt: retryAtAfter(attempts, at) } };
      if (await store.update(COLLECTIONS.mediaChecks, check._id, patch, { status: 'unsent', retryAt: check.retryAt ?? null }))
        counts.failed++;
      return;
    }
    const decided = await store.transaction(async (tx) => {
      const fresh = await tx.get(COLLECTIONS.mediaChecks, check._id);
      if (fresh?.status !== 'unsent') return false;
      if (isPending(verdict)) {
        await tx.update(COLLECTIONS.mediaChecks, fresh._id, { set: { attempts } });
        await decideCheck(tx, fresh, 'unchecked', at);
      } else await decideCheck(tx, fresh, verdict.pass ? 'shown' : 'removed', at, verdict.pass ? undefined : verdict.label);
      return true;
    });
    if (decided) counts[isPending(verdict) ? 'gaveUp' : 'decided']++;
  };
  // different photos never contend; on CloudBase each call and write is a network round trip
  for (let i = 0; i < due.length; i += CALLS_AT_ONCE) await Promise.all(due.slice(i, i + CALLS_AT_ONCE).map(one));
  return counts;
}
