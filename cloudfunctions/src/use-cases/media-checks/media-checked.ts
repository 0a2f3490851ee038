import { ok, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { decideCheck, decisionOf, failCheck } from './media-checks';
import type { EarlyVerdictDoc } from '../../ports/documents';

type Outcome = 'shown' | 'removed' | 'held' | 'early' | 'ignored' | 'retry' | 'unchecked';

/**
 * WeChat's verdict on one image (the `wxa_media_check` push of mediaCheckAsync), run by the
 * platform with the system caller. The trace id finds the held photo:
 * - pass: the photo is released to everyone who may see the request;
 * - risky: the photo is taken out of the request (text and request stay), and its uploader is told;
 * - review (WeChat is unsure and suggests a person look): the photo stays held, seen only by its
 *   uploader as 审核中. Requests are seen by staff and neighbours who 附议, and nobody here reviews
 *   images, so an uncertain image is not shown to them; the row is marked `review` for an operator.
 * - errcode ≠ 0 (WeChat could not run the detection, e.g. -1008 the image could not be downloaded):
 *   a failed call; the check is sent again by the requests timer like any unsent one.
 * The push is trusted by its trace id, which only this server knows: no view, log line sent to a
 * client, or answer carries one. The check row and the request change in one transaction, so a repeated or concurrent push finds
 * the row decided and does nothing. A trace id with no row yet is a push that came before the
 * transaction storing its photo committed: the verdict is kept under the trace id (`early`) and the
 * writer of the row applies it; a repeated early push finds it and does nothing.
 */
export async function mediaChecked(
  ctx: Ctx,
  input: { trace_id: string; errcode?: number | undefined; result?: { suggest: string; label?: string | number } | undefined },
): Promise<Result<{ outcome: Outcome }>> {
  const errcode = input.errcode ?? 0;
  const suggest = input.result?.suggest;
  const label = input.result?.label;
  const at = ctx.ports.clock.now().toISOString();
  const outcome = await ctx.ports.store.transaction(async (tx): Promise<Outcome> => {
    const check = await tx.get(COLLECTIONS.mediaChecks, input.trace_id);
    if (!check) {
      const early: EarlyVerdictDoc = {
        _id: input.trace_id,
        status: 'early',
        suggest: suggest ?? '',
        ...(label !== undefined ? { label: String(label) } : {}),
        ...(errcode ? { errcode } : {}),
        createdAt: at,
      };
      // insert: two early pushes at once conflict, and the retried one finds the first
      await tx.insert(COLLECTIONS.mediaChecks, early);
      return 'early';
    }
    if (check.status !== 'pending') return 'ignored';
    if (errcode) return failCheck(tx, check, at, errcode);
    const decision = decisionOf(suggest);
    if (!(await decideCheck(tx, check, decision, at, label))) return 'ignored';
    return decision === 'review' ? 'held' : decision === 'shown' ? 'shown' : 'removed';
  });
  return ok({ outcome });
}
