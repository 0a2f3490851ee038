import { err, ok, type Booker, type Proxy, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { compoundInCommunity, representResident } from '../ledger/represent';
import type { ServiceInCommunity } from './booking-policy';

/** Whose seat (or place in line) this is: the caller's, or a ledger resident's acted for (代办). */
export interface Holder {
  openid: string;
  booker: Booker;
  proxy?: Proxy;
}

export type HolderInput = { booker?: Booker; onBehalfOf?: string; note?: string };

/**
 * The caller books for themself with their name and phone; with `onBehalfOf`, staff or 三长五员
 * of the resident's compound book for a resident of the service's community, who then holds the
 * seat under the same rules (one per slot, the per-resident limit, no-shows, the line) as if
 * they had booked it themself.
 */
export async function whoBooks(ctx: Ctx, input: HolderInput, { community }: ServiceInCommunity): Promise<Result<Holder>> {
  if (input.onBehalfOf) {
    const represented = await representResident(ctx, input.onBehalfOf, compoundInCommunity(community));
    if (!represented.ok) return represented;
    const { resident, openid, proxy } = represented.data;
    return ok({ openid, proxy, booker: { name: resident.name, phone: resident.phone, note: input.note ?? input.booker?.note ?? '' } });
  }
  if (!input.booker) return err('COMMON.INVALID_INPUT', { issues: [{ path: 'booker', message: '请填写预约人的姓名和电话' }] });
  return ok({ openid: callerOpenid(ctx), booker: input.booker });
}
