import { ok, type ActivityDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { toActivityView } from './activity-records';
import { rowsOf } from './attendance-records';

export async function roster(ctx: Ctx, _input: { activityId: string }, a: ActivityDoc) {
  return ok({ activity: await toActivityView(ctx, a), rows: await rowsOf(ctx, a) });
}
