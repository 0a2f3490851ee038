import { err, ok, resolveRequest as resolve, type RequestDetail, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { actorOf } from './actor';
import { checkPhotos } from './check-photos';
import { mutateRequest } from './commit-request';
import { recordMediaChecks, withHeld } from './held-photos';
import { detailFor } from './load-detail';
import { notifyRequest } from './notify-request';

/** 反馈: the handler marks it resolved with a result; the resident has 7 days to rate. */
export async function resolveRequest(
  ctx: Ctx,
  input: { requestId: string; result: string; photos: string[] },
): Promise<Result<RequestDetail>> {
  const { clock, calendar, contentCheck } = ctx.ports;
  const openid = callerOpenid(ctx);
  const verdict = await contentCheck.checkText(input.result, openid);
  if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  const photos = await checkPhotos(ctx, input.photos);
  if (!photos.ok) return photos;
  const done = await mutateRequest(
    ctx,
    input.requestId,
    (r) => {
      const change = resolve(r, input, actorOf(ctx, r), { now: clock.now(), calendar });
      const heldPhotos = withHeld(r, photos.data, openid);
      if (change.ok && heldPhotos) change.data.next.heldPhotos = heldPhotos;
      return change;
    },
    (tx, next) => recordMediaChecks(tx, next, 'result', openid, photos.data, next.updatedAt),
  );
  if (!done.ok) return done;
  // the messages are queued while the answer is read: neither waits for the other
  const [, detail] = await Promise.all([notifyRequest(ctx, done.data.request, done.data.events), detailFor(ctx, done.data.request)]);
  return ok(detail);
}
