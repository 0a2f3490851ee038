import { ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { type LoadedHousehold } from './volunteer-policy';
import { toVisitView } from './lianbao-records';

export async function householdVisits(ctx: Ctx, _input: { householdId: string }, { household, assignment }: LoadedHousehold) {
  const visits = await ctx.ports.store.find(COLLECTIONS.lianbaoVisits, {
    where: { householdId: household._id },
    orderBy: [['date', 'desc']],
    limit: 50,
  });
  return ok({ householdName: assignment?.householdName ?? household.fullName, visits: visits.map(toVisitView) });
}
