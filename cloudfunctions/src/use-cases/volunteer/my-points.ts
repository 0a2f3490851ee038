import { ok, type Result, type Totals, type EntryView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { loadCommunity } from '../load-community';
import { compoundInCommunity, representResident } from '../ledger/represent';
import { statement } from './ledger-writer';

/** The caller's points in a community; 代办 (`onBehalfOf`), those of a resident of it staff or 三长五员 act for. */
export async function myPoints(
  ctx: Ctx,
  input: { communityId: string; onBehalfOf?: string },
): Promise<Result<{ totals: Totals; entries: EntryView[] }>> {
  let openid = callerOpenid(ctx);
  if (input.onBehalfOf) {
    const community = await loadCommunity(ctx, input.communityId);
    if (!community.ok) return community;
    const represented = await representResident(ctx, input.onBehalfOf, compoundInCommunity(community.data));
    if (!represented.ok) return represented;
    openid = represented.data.openid;
  }
  return ok(await statement(ctx.ports.store, 'volunteer', input.communityId, openid));
}
