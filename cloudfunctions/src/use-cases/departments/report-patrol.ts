import {
  acceptRequest,
  createRequest,
  err,
  ok,
  type ActionParsed,
  type Change,
  type DepartmentsContract,
  type Place,
  type RequestActor,
  type RequestDoc,
  type RequestSource,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer, type Replay } from '../idempotency';
import { actorOf } from '../requests/actor';
import { checkPhotos } from '../requests/check-photos';
import { writeChange } from '../requests/commit-request';
import { recordMediaChecks, withHeld } from '../requests/held-photos';
import { notifyRequest } from '../requests/notify-request';

type Input = ActionParsed<DepartmentsContract, 'patrol'>;

/**
 * 巡查发现: a 网格员 or any 三长五员 (or staff) on patrol reports what they found at a spot, with a
 * photo. The grid is the reporter, so the request is born accepted (受理 by the reporter, on time)
 * and records its source; the next step is 分流 or 派单. The key becomes the request id.
 */
export async function reportPatrol(ctx: Ctx, input: Input, compound: Place): Promise<Result<{ requestId: string; created: boolean }>> {
  return recordFound(ctx, input, compound, { source: 'patrol', how: '巡查发现' });
}

/**
 * What the grid or a 服务群众工作组 found on the spot, filed as a request born accepted with its
 * source (网格巡查, 工作组收集 …) and anything else the caller's path records on it (the group and
 * the member who owns it). Shared by 巡查上报 and 工作组收集, so both take one path.
 */
export async function recordFound(
  ctx: Ctx,
  input: Input,
  compound: Place,
  how: { source: RequestSource; how: string; actor?: RequestActor; extra?: Pick<RequestDoc, 'workGroupId' | 'collectedBy'> },
): Promise<Result<{ requestId: string; created: boolean }>> {
  const openid = callerOpenid(ctx);
  const { store, clock, contentCheck, calendar } = ctx.ports;
  const replay: Replay<'requests', { requestId: string; created: boolean }> = {
    collection: 'requests',
    id: input.key,
    ownerOf: (r) => r.reporter.openid,
    answer: (r) => ({ requestId: r._id, created: false }),
  };
  const first = await firstAnswer(store, openid, replay);
  if (first) return first;
  if (!compound.parentId) return err('PLACE.NOT_A_COMPOUND');
  const community = await store.get(COLLECTIONS.places, compound.parentId);
  const verdict = await contentCheck.checkText(`${input.description}\n${input.spot}`, openid);
  if (!verdict.pass) return err('REQUEST.CONTENT_REJECTED', { label: verdict.label });
  const photos = await checkPhotos(ctx, input.photos);
  if (!photos.ok) return photos;
  const now = clock.now();
  const created = createRequest(
    {
      id: input.key,
      compound: { _id: compound._id, name: compound.name, path: compound.path },
      communityName: community?.name ?? '',
      category: input.category,
      description: input.description,
      photos: input.photos,
      location: { kind: 'spot', text: input.spot },
      emergency: input.emergency,
      reporter: { openid, name: how.actor?.name ?? ctx.caller.user?.name ?? '网格员', phone: ctx.caller.user?.phone },
    },
    { now, calendar },
  );
  if (!created.ok) return created;
  const actor = how.actor ?? actorOf(ctx, created.data.next);
  const accepted = acceptRequest({ ...created.data.next, ...how.extra, source: how.source }, actor, { now, calendar });
  if (!accepted.ok) return accepted;
  const [submitted, ...rest] = created.data.events;
  const change: Change = {
    // the version a fresh request has, as if it were written once
    next: { ...accepted.data.next, version: 1 },
    events: [{ ...submitted!, actor: `${actor.label} ${actor.name}（${how.how}）`.trim() }, ...rest, ...accepted.data.events],
    stats: [...created.data.stats, ...accepted.data.stats],
  };
  const heldPhotos = withHeld(change.next, photos.data, openid);
  if (heldPhotos) change.next.heldPhotos = heldPhotos;
  const at = now.toISOString();
  const written = await store.transaction(async (tx) => {
    if (await tx.get(COLLECTIONS.requests, input.key)) return null;
    const next = await recordMediaChecks(tx, change.next, 'request', openid, photos.data, at);
    return { next, events: await writeChange(tx, { ...change, next }, at) };
  });
  if (!written) return (await firstAnswer(store, openid, replay)) ?? err('REQUEST.NOT_FOUND');
  await notifyRequest(ctx, written.next, written.events);
  return ok({ requestId: written.next._id, created: true });
}
