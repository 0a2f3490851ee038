import { addProgress as progress, err, ok, type RequestDetail, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { actorOf } from './actor';
import { checkPhotos } from './check-photos';
import { mutateRequest } from './commit-request';
import { recordMediaChecks, withHeld } from './held-photos';
import { detailFor } from './load-detail';
import { notifyRequest } from './notify-request';

/** Keys of the last updates are kept on the request, so a retried post adds no second line. */
const KEPT_KEYS = 20;

/** 处置 / 跟踪: the handler posts what is being done; the resident sees it on the timeline. */
export async function addProgress(
  ctx: Ctx,
  input: { requestId: string; key: string; text: string; photos: string[] },
): Promise<Result<RequestDetail>> {
  const { clock, calendar, contentCheck } = ctx.ports;
  const openid = callerOpenid(ctx);
  const verdict = await contentCheck.checkText(input.text, openid);
  if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  const photos = await checkPhotos(ctx, input.photos);
  if (!photos.ok) return photos;
  const done = await mutateRequest(
    ctx,
    input.requestId,
    (r) => {
      if (r.recentKeys?.includes(input.key)) return null;
      const change = progress(r, input, actorOf(ctx, r), { now: clock.now(), calendar });
      if (!change.ok) return change;
      change.data.next.recentKeys = [...(r.recentKeys ?? []), input.key].slice(-KEPT_KEYS);
      const heldPhotos = withHeld(r, photos.data, openid);
      if (heldPhotos) change.data.next.heldPhotos = heldPhotos;
      return change;
    },
    (tx, next) => recordMediaChecks(tx, next, 'progress', openid, photos.data, next.updatedAt),
  );
  if (!done.ok) return done;
  await notifyRequest(ctx, done.data.request, done.data.events);
  return ok(await detailFor(ctx, done.data.request));
}
