import { acceptRequest as accept, ok, type RequestDetail, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { actorOf } from './actor';
import { mutateRequest } from './commit-request';
import { detailFor } from './load-detail';
import { notifyRequest } from './notify-request';

/** 受理. A second tap by the one who accepted it is answered as a success, not an error. */
export async function acceptRequest(ctx: Ctx, input: { requestId: string }): Promise<Result<RequestDetail>> {
  const openid = callerOpenid(ctx);
  const { clock, calendar } = ctx.ports;
  const done = await mutateRequest(ctx, input.requestId, (r) =>
    r.status !== 'submitted' && r.acceptedBy?.openid === openid ? null : accept(r, actorOf(ctx, r), { now: clock.now(), calendar }),
  );
  if (!done.ok) return done;
  // the messages are queued while the answer is read: neither waits for the other
  const [, detail] = await Promise.all([notifyRequest(ctx, done.data.request, done.data.events), detailFor(ctx, done.data.request)]);
  return ok(detail);
}
