import { confirmGuidance as confirm, ok, type RequestDetail, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { actorOf } from './actor';
import { mutateRequest } from './commit-request';
import { detailFor } from './load-detail';
import { notifyRequest } from './notify-request';

/** The resident confirms they have the guidance for their 私事; it closes. */
export async function confirmGuidance(ctx: Ctx, input: { requestId: string }): Promise<Result<RequestDetail>> {
  const { clock, calendar } = ctx.ports;
  const done = await mutateRequest(ctx, input.requestId, (r) => confirm(r, actorOf(ctx, r), { now: clock.now(), calendar }));
  if (!done.ok) return done;
  await notifyRequest(ctx, done.data.request, done.data.events);
  return ok(await detailFor(ctx, done.data.request));
}
