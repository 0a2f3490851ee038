import { err, ok, proxyOpenid, ROLE_LABELS, type LedgerResident, type Proxy, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { managesCompound } from '../requests/request-policy';

/** A resident on the ledger, acted for: what the thing made for them is owned by, and who acted. */
export interface Represented {
  resident: LedgerResident;
  /** `proxy:<ledger id>` until the resident binds (claimProxied then makes it theirs). */
  openid: string;
  proxy: Proxy;
}

/** The resident's compound when she lives in this community (booking a service, joining an activity, redeeming points of it). */
export const compoundInCommunity =
  (community: { _id: string; path: string[] }) =>
  (r: LedgerResident): { _id: string; path: string[] } | null =>
    r.communityId === community._id ? { _id: r.compoundId, path: [...community.path, community._id] } : null;

/**
 * 代办, the one way in: the caller must be staff over the resident's compound or one of its
 * 三长五员, and the resident must be on that compound's ledger. Reporting a request, booking a
 * slot and joining a line all start here, so the same person is the same owner everywhere.
 * `compound` is the resident's compound as the action knows it (its id and ancestors);
 * `preloaded` is the ledger resident when the action already read it beside its other reads.
 */
export async function representResident(
  ctx: Ctx,
  ledgerResidentId: string,
  compound: { _id: string; path: string[] } | ((r: LedgerResident) => { _id: string; path: string[] } | null),
  preloaded?: LedgerResident | null,
): Promise<Result<Represented>> {
  const known = typeof compound === 'function' ? null : compound;
  if (known && !managesCompound(ctx.caller.grants, known)) return err('COMMON.FORBIDDEN');
  const resident = preloaded !== undefined ? preloaded : await ctx.ports.store.get(COLLECTIONS.ledgerResidents, ledgerResidentId);
  const place = typeof compound === 'function' ? (resident ? compound(resident) : null) : compound;
  if (!resident || !place || resident.compoundId !== place._id) return err('LEDGER.RESIDENT_NOT_FOUND');
  if (!known && !managesCompound(ctx.caller.grants, place)) return err('COMMON.FORBIDDEN');
  const role = ctx.caller.grants.find((g) => g.role !== 'resident' && (g.placeId === place._id || place.path.includes(g.placeId)));
  return ok({
    resident,
    openid: proxyOpenid(resident._id),
    proxy: { openid: callerOpenid(ctx), name: ctx.caller.user?.name ?? '工作人员', roleLabel: role ? ROLE_LABELS[role.role] : '工作人员' },
  });
}
