import { err, ok, rateRequest as rate, type RequestDetail, type Result, type Satisfaction } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { actorOf } from './actor';
import { mutateRequest } from './commit-request';
import { detailFor } from './load-detail';
import { notifyRequest } from './notify-request';

/** 评价 by the reporter: 满意 / 基本满意 close it, 不满意 reopens it (重办) one 督办 level up. */
export async function rateRequest(
  ctx: Ctx,
  input: { requestId: string; solved: boolean; satisfaction: Satisfaction; comment?: string | undefined },
): Promise<Result<RequestDetail>> {
  const { clock, calendar, contentCheck } = ctx.ports;
  if (input.comment) {
    const verdict = await contentCheck.checkText(input.comment, callerOpenid(ctx));
    if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  }
  const done = await mutateRequest(ctx, input.requestId, (r) => rate(r, input, actorOf(ctx, r), { now: clock.now(), calendar }));
  if (!done.ok) return done;
  // the messages are queued while the answer is read: neither waits for the other
  const [, detail] = await Promise.all([notifyRequest(ctx, done.data.request, done.data.events), detailFor(ctx, done.data.request)]);
  return ok(detail);
}
