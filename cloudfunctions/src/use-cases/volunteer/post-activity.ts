import { err, ok, type ActivityDoc, type ActivityInput, type ActivityView, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { firstAnswer } from '../idempotency';
import { type CommunityWithSettings } from './volunteer-policy';
import { toActivityView, MAX_ACTIVITY_MS } from './activity-records';

/** Posts an activity; the organiser's key is its id, so a retried post is the same activity. */
export async function postActivity(
  ctx: Ctx,
  input: { communityId: string; key: string; activity: ActivityInput },
  { community }: CommunityWithSettings,
): Promise<Result<{ activity: ActivityView }>> {
  const openid = callerOpenid(ctx);
  const { store, clock, ids } = ctx.ports;
  const id = `va_${input.key}`;
  const replay = {
    collection: 'vol_activities',
    id,
    ownerOf: (a: ActivityDoc) => a.organiser.openid,
    answer: (a: ActivityDoc) => a,
  } as const;
  const earlier = await firstAnswer(store, openid, replay);
  if (earlier) return earlier.ok ? ok({ activity: await toActivityView(ctx, earlier.data) }) : earlier;
  const { startAt, endAt } = input.activity;
  if (Date.parse(endAt) <= Date.parse(startAt)) return err('VOLUNTEER.ACTIVITY_INVALID', { reason: 'endBeforeStart' });
  if (Date.parse(endAt) - Date.parse(startAt) > MAX_ACTIVITY_MS) return err('VOLUNTEER.ACTIVITY_INVALID', { reason: 'tooLong' });
  if (Date.parse(startAt) < clock.now().getTime()) return err('VOLUNTEER.ACTIVITY_INVALID', { reason: 'startInPast' });
  const at = clock.now().toISOString();
  const doc: ActivityDoc = {
    _id: id,
    ...input.activity,
    communityId: community._id,
    communityName: community.name,
    communityPath: community.path,
    organiser: { openid, name: ctx.caller.user?.name ?? '组织者' },
    status: 'open',
    taken: 0,
    waiting: 0,
    lineSeq: 0,
    secret: `${ids.newId()}${ids.newId()}`,
    createdAt: at,
    updatedAt: at,
  };
  if ((await store.insert(COLLECTIONS.volActivities, doc)) === 'duplicate') {
    const again = await firstAnswer(store, openid, replay);
    if (!again) throw new Error(`activity ${id} vanished`);
    return again.ok ? ok({ activity: await toActivityView(ctx, again.data) }) : again;
  }
  return ok({ activity: await toActivityView(ctx, doc) });
}
