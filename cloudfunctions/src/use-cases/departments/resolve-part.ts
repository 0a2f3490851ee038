import { err, ok, resolveRequest, type PartView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { checkPhotos } from '../requests/check-photos';
import { notifyRequest } from '../requests/notify-request';
import { commitPart } from './commit-part';
import type { LoadedPart } from './department-policy';
import { departmentActor, toPartView } from './part-views';

/** 反馈 by the lead (主办) that has 报到'd: the request is resolved with its result, for the resident to rate. */
export async function resolvePart(
  ctx: Ctx,
  input: { dispatchId: string; result: string; photos: string[] },
  _loaded: LoadedPart,
): Promise<Result<{ part: PartView }>> {
  const openid = callerOpenid(ctx);
  const { clock, calendar, contentCheck } = ctx.ports;
  const verdict = await contentCheck.checkText(input.result, openid);
  if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  const photos = await checkPhotos(ctx, input.photos);
  if (!photos.ok) return photos;
  const now = clock.now();
  const done = await commitPart(ctx, input.dispatchId, (part, request) => {
    if (part.status === 'done' && request.status !== 'handling') return null;
    if (part.role !== 'lead') return err('DISPATCH.NOT_LEAD');
    if (part.status !== 'arrived') return err('DISPATCH.WRONG_STATE', { status: part.status });
    const change = resolveRequest(request, input, departmentActor(part, openid, ctx.caller.user?.name ?? ''), { now, calendar });
    if (!change.ok) return change;
    const { dueAt: _due, ...rest } = part;
    const at = now.toISOString();
    return ok({
      part: { ...rest, status: 'done' as const, doneAt: at, resolvedAt: at, resolvedOnTime: at <= part.resolveBy },
      change: change.data,
    });
  });
  if (!done.ok) return done;
  if (done.data.changed) await notifyRequest(ctx, done.data.request, done.data.events);
  return ok({ part: toPartView(done.data.part, done.data.request) });
}
