import { actorText, checkReturn, ok, partEvent, refusalErr, type PartView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { commitPart } from './commit-part';
import type { LoadedPart } from './department-policy';
import { notifyDepartment } from './notify-department';
import { departmentActor, toPartView } from './part-views';

/**
 * 退单: not its job, once, with a reason, before 报到 and within the allowed time. If it led, the
 * lead is free again. The dispatcher hears of it to re-dispatch, or to take the dispute to the district.
 */
export async function returnPart(
  ctx: Ctx,
  input: { dispatchId: string; reason: string },
  _loaded: LoadedPart,
): Promise<Result<{ part: PartView }>> {
  const openid = callerOpenid(ctx);
  const now = ctx.ports.clock.now();
  const done = await commitPart(ctx, input.dispatchId, (part, request, kase) => {
    if (part.status === 'returned' && part.returnReason === input.reason) return null;
    const check = checkReturn(part, now);
    if (!check.ok) return refusalErr(check.refusal);
    const actor = departmentActor(part, openid, ctx.caller.user?.name ?? '');
    const { dueAt: _due, ...rest } = part;
    return ok({
      part: { ...rest, status: 'returned' as const, returnedAt: now.toISOString(), returnReason: input.reason },
      ...(kase && kase.lead === part.departmentId ? { kase: { ...kase, lead: '', updatedAt: now.toISOString() } } : {}),
      change: partEvent(request, { kind: 'returned', step: 'triage', actor: actorText(actor), text: `退单：${input.reason}` }, now),
    });
  });
  if (!done.ok) return done;
  if (done.data.changed) {
    const e = done.data.events[0];
    await notifyDepartment(ctx, done.data.part, done.data.request, {
      id: e?._id ?? `${done.data.part._id}:returned`,
      text: `${done.data.part.departmentName}退单，请改派`,
      template: 'staffTask',
      headsOnly: true,
      alsoDispatcher: true,
    });
  }
  return ok({ part: toPartView(done.data.part, done.data.request) });
}
