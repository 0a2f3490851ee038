import { actorText, err, ok, partEvent, type PartView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { checkPhotos } from '../requests/check-photos';
import { commitPart } from './commit-part';
import type { LoadedPart } from './department-policy';
import { departmentActor, toPartView } from './part-views';

const KEEP_KEYS = 20;

/** 处置 / 跟踪 by a department that has 报到'd: a line on the resident's timeline, named by the department. */
export async function addPartProgress(
  ctx: Ctx,
  input: { dispatchId: string; key: string; text: string; photos: string[] },
  _loaded: LoadedPart,
): Promise<Result<{ part: PartView }>> {
  const openid = callerOpenid(ctx);
  const { clock, contentCheck } = ctx.ports;
  const verdict = await contentCheck.checkText(input.text, openid);
  if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  const photos = await checkPhotos(ctx, input.photos);
  if (!photos.ok) return photos;
  const now = clock.now();
  const done = await commitPart(ctx, input.dispatchId, (part, request) => {
    if (part.recentKeys?.includes(input.key)) return null;
    if (part.status !== 'arrived') return err('DISPATCH.WRONG_STATE', { status: part.status });
    const actor = departmentActor(part, openid, ctx.caller.user?.name ?? '');
    return ok({
      part: { ...part, recentKeys: [...(part.recentKeys ?? []), input.key].slice(-KEEP_KEYS) },
      change: partEvent(
        { ...request, progressCount: request.progressCount + 1 },
        {
          kind: 'progress',
          step: request.progressCount === 0 ? 'handle' : 'track',
          actor: actorText(actor),
          text: input.text,
          ...(input.photos.length ? { photos: input.photos } : {}),
        },
        now,
      ),
    });
  });
  if (!done.ok) return done;
  return ok({ part: toPartView(done.data.part, done.data.request) });
}
