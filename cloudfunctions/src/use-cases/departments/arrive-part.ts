import { arrive, claimLead, err, ok, partEvent, refusalErr, type PartView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { checkPhotos } from '../requests/check-photos';
import { notifyRequest } from '../requests/notify-request';
import { commitPart } from './commit-part';
import type { LoadedPart } from './department-policy';
import { departmentActor, toPartView } from './part-views';
import { actorText } from '@linli/shared';

/**
 * 报到: the department shows up, with a photo from the spot; the time is the server's. On an open
 * offer the first department to 报到 leads (首接负责): the lead is written in the same transaction,
 * conditionally on none yet, so of two accepting at once one leads and the other joins as 协办.
 * A second tap after it landed answers the part as it is.
 */
export async function arrivePart(
  ctx: Ctx,
  input: { dispatchId: string; photos: string[] },
  _loaded: LoadedPart,
): Promise<Result<{ part: PartView }>> {
  const openid = callerOpenid(ctx);
  const { clock } = ctx.ports;
  const photos = await checkPhotos(ctx, input.photos);
  if (!photos.ok) return photos;
  const now = clock.now();
  const name = ctx.caller.user?.name ?? '';
  const done = await commitPart(ctx, input.dispatchId, (part, request, kase) => {
    if (part.status === 'arrived' && part.arrivedBy?.openid === openid) return null;
    const claim = claimLead(kase?.lead ?? '', part);
    const decided = arrive(part, { photos: input.photos, now, role: claim.role });
    if (!decided.ok) return refusalErr(decided.refusal);
    const actor = departmentActor(part, openid, name);
    const lateText = decided.value.arrivedOnTime ? '' : '（超过报到时限）';
    const roleText = claim.role === 'lead' ? (part.role === 'open' ? '首接负责，主办' : '主办') : '协办';
    return ok({
      part: { ...part, ...decided.value, arrivedBy: actor },
      kase: { _id: request._id, lead: claim.lead, updatedAt: now.toISOString() },
      change: partEvent(
        request,
        { kind: 'arrived', step: 'handle', actor: actorText(actor), text: `已到现场报到（${roleText}）${lateText}`, photos: input.photos },
        now,
      ),
    });
  });
  if (!done.ok) return done;
  if (done.data.changed) await notifyRequest(ctx, done.data.request, done.data.events);
  return done.data.part ? ok({ part: toPartView(done.data.part, done.data.request) }) : err('DISPATCH.NOT_FOUND');
}
