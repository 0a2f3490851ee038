import { actorText, err, ok, partEvent, type PartView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { commitPart } from './commit-part';
import type { LoadedPart } from './department-policy';
import { departmentActor, toPartView } from './part-views';

/** 协办: a co-handler that has 报到'd adds its part, which ends its share (the lead answers for the result). */
export async function contributePart(
  ctx: Ctx,
  input: { dispatchId: string; text: string },
  _loaded: LoadedPart,
): Promise<Result<{ part: PartView }>> {
  const openid = callerOpenid(ctx);
  const { clock, contentCheck } = ctx.ports;
  const verdict = await contentCheck.checkText(input.text, openid);
  if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  const now = clock.now();
  const done = await commitPart(ctx, input.dispatchId, (part, request) => {
    if (part.status === 'done' && part.part === input.text) return null;
    if (part.status !== 'arrived') return err('DISPATCH.WRONG_STATE', { status: part.status });
    if (part.role === 'lead') return err('DISPATCH.WRONG_STATE', { status: part.status });
    const actor = departmentActor(part, openid, ctx.caller.user?.name ?? '');
    const { dueAt: _due, ...rest } = part;
    return ok({
      part: { ...rest, status: 'done' as const, part: input.text, doneAt: now.toISOString() },
      change: partEvent(request, { kind: 'part', step: 'handle', actor: actorText(actor), text: `协办意见：${input.text}` }, now),
    });
  });
  if (!done.ok) return done;
  return ok({ part: toPartView(done.data.part, done.data.request) });
}
