import { coverageOf, ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { settingsOf } from './volunteer-policy';

export async function coverage(ctx: Ctx, input: { communityId: string }) {
  const { store, clock } = ctx.ports;
  const days = (await settingsOf(store, input.communityId)).visitEveryDays;
  const assignments = await findAll(store, COLLECTIONS.lianbaoAssignments, { communityId: input.communityId }, [
    ['communityId', 'asc'],
    ['sortKey', 'asc'],
  ]);
  return ok({ visitEveryDays: days, ...coverageOf(assignments, clock.now(), days) });
}
