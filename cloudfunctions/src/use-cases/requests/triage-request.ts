import {
  err,
  handlerOutOfScope,
  ok,
  triageRequest as triage,
  type ActionParsed,
  type RequestDetail,
  type RequestsContract,
  type Result,
  type TriageInput,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';

import { actorOf } from './actor';
import type { LoadedRequest } from './request-policy';
import { mutateRequest } from './commit-request';
import { handlerCandidates } from './list-handlers';
import { detailFor } from './load-detail';
import { notifyRequest } from './notify-request';

type Input = ActionParsed<RequestsContract, 'triage'>;

/** 分流 (三事分流): 小事 or 大事 to a handler in scope, or 私事 answered with guidance. */
export async function triageRequest(ctx: Ctx, input: Input, { request: r }: LoadedRequest): Promise<Result<RequestDetail>> {
  const { clock, calendar, contentCheck } = ctx.ports;
  let decision: TriageInput;
  if (input.track === 'private') {
    const guidance = input.guidance ?? '';
    const verdict = await contentCheck.checkText(guidance, callerOpenid(ctx));
    if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
    decision = { track: 'private', guidance };
  } else {
    const track = input.track;
    // the handler must hold a role on this request's compound, community, street or district now
    const candidate = (await handlerCandidates(ctx, r)).find((c) => c.openid === input.handlerOpenid && c.tracks.includes(track));
    if (!candidate) return handlerOutOfScope(r, track);
    decision = {
      track,
      handler: { openid: candidate.openid, name: candidate.name, roleLabel: candidate.roleLabel, placeName: candidate.placeName },
      handlerRole: candidate.person.role,
      complex: input.complex,
    };
  }
  const done = await mutateRequest(ctx, r._id, (fresh) => triage(fresh, decision, actorOf(ctx, fresh), { now: clock.now(), calendar }));
  if (!done.ok) return done;
  // the messages are queued while the answer is read: neither waits for the other
  const [, detail] = await Promise.all([notifyRequest(ctx, done.data.request, done.data.events), detailFor(ctx, done.data.request)]);
  return ok(detail);
}
