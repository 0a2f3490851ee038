import { ok, type RequestDoc, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { MediaCheckDoc } from './media-checks';

type Outcome = 'shown' | 'removed' | 'held' | 'ignored';

/**
 * WeChat's verdict on one image (the `wxa_media_check` push of mediaCheckAsync), run by the
 * platform with the system caller. The trace id finds the held photo:
 * - pass: the photo is released to everyone who may see the request;
 * - risky: the photo is taken out of the request (text and request stay), and its uploader is told;
 * - review (WeChat is unsure and suggests a person look): the photo stays held, seen only by its
 *   uploader as 审核中. Requests are seen by staff and neighbours who 附议, and nobody here reviews
 *   images, so an uncertain image is not shown to them; the row is marked `review` for an operator.
 * The check row and the request change in one transaction, so a repeated or concurrent push finds
 * the row decided and does nothing; an unknown trace id (another app's check, a notice image) is
 * ignored.
 */
export async function mediaChecked(
  ctx: Ctx,
  input: { trace_id: string; result?: { suggest: string; label?: string | number } | undefined },
): Promise<Result<{ outcome: Outcome }>> {
  const suggest = input.result?.suggest;
  const at = ctx.ports.clock.now().toISOString();
  const outcome = await ctx.ports.store.transaction(async (tx): Promise<Outcome> => {
    const check = await tx.get<MediaCheckDoc>(COLLECTIONS.mediaChecks, input.trace_id);
    if (!check || (check.status !== 'pending' && check.status !== 'unsent')) return 'ignored';
    const r = await tx.get<RequestDoc>(COLLECTIONS.requests, check.requestId);
    const decided: Outcome = suggest === 'pass' ? 'shown' : suggest === 'risky' ? 'removed' : 'held';
    const label = input.result?.label;
    await tx.update(COLLECTIONS.mediaChecks, check._id, {
      set: {
        status: decided === 'shown' ? 'shown' : decided === 'removed' ? 'removed' : 'review',
        decidedAt: at,
        ...(label !== undefined ? { label: String(label) } : {}),
      },
    });
    if (!r || decided === 'held') return r ? 'held' : 'ignored';
    const held = (r.heldPhotos ?? []).filter((p) => p.fileId !== check.fileId);
    const set: Record<string, unknown> = { version: r.version + 1 };
    const unset: string[] = [];
    if (held.length) set.heldPhotos = held;
    else unset.push('heldPhotos');
    if (decided === 'removed') {
      set.photos = r.photos.filter((id) => id !== check.fileId);
      if (r.resultPhotos) set.resultPhotos = r.resultPhotos.filter((id) => id !== check.fileId);
      // progress lines keep their photo ids; the views leave removed ones out
      set.removedPhotos = [...(r.removedPhotos ?? []), { fileId: check.fileId, openid: check.openid }];
    }
    await tx.update(COLLECTIONS.requests, r._id, { set, ...(unset.length ? { unset } : {}) });
    return decided;
  });
  return ok({ outcome });
}
