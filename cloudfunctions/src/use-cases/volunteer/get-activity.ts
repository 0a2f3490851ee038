import { ok, type ActivityDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { toActivityView } from './activity-records';

export async function getActivity(ctx: Ctx, _input: { activityId: string }, a: ActivityDoc) {
  return ok({ activity: await toActivityView(ctx, a) });
}
