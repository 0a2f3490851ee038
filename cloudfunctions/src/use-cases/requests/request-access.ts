import {
  grantCovers,
  hasStaffScope,
  hasTeamRoleIn,
  isOpen,
  isStaffHeld,
  type Grant,
  type RequestAbilities,
  type RequestDoc,
} from '@linli/shared';
import type { Caller } from '../../platform/caller';

/** The compound of a request as a place, for scope checks without a read. */
export const compoundPlace = (r: Pick<RequestDoc, 'compoundId' | 'placePath'>) => ({ _id: r.compoundId, path: r.placePath.slice(0, -1) });

/** A resident whose household lies in the compound. */
export const isResidentOf = (grants: readonly Grant[], compoundId: string) =>
  grants.some((g) => g.role === 'resident' && (g.placePath.includes(compoundId) || g.placeId === compoundId));

/** The compound's 三长五员 (responders) and the staff whose place covers it. */
export function managesCompound(grants: readonly Grant[], compound: { _id: string; path: string[] }): boolean {
  return hasTeamRoleIn(grants, compound._id) || hasStaffScope(grants, compound);
}

export interface Relation {
  reporter: boolean;
  neighbour: boolean;
  handler: boolean;
  manager: boolean;
}

export function relationTo(caller: Caller, r: RequestDoc): Relation {
  const openid = caller.openid;
  return {
    reporter: !!openid && r.reporter.openid === openid,
    neighbour: isResidentOf(caller.grants, r.compoundId),
    handler: !!openid && r.handler?.openid === openid,
    manager: managesCompound(caller.grants, compoundPlace(r)),
  };
}

/** What the caller may do with the request now: the app shows exactly these buttons. */
export function abilities(rel: Relation, r: RequestDoc, following: boolean): RequestAbilities {
  return {
    accept: rel.manager && r.status === 'submitted',
    triage: rel.manager && (r.status === 'accepted' || r.status === 'handling'),
    progress: (rel.handler || rel.manager) && r.status === 'handling',
    resolve: (rel.handler || rel.manager) && r.status === 'handling',
    merge: rel.manager && isOpen(r.status),
    rate: rel.reporter && r.status === 'resolved',
    confirm: rel.reporter && r.status === 'guidance',
    second: rel.neighbour && !rel.reporter && !following && isStaffHeld(r.status) && r.track !== 'private',
    callReporter: rel.handler && !!r.reporterPhone,
  };
}

/** Staff may act on a place when their grant covers it; a compound's responders on their own compound. */
export function managesPlace(grants: readonly Grant[], place: { _id: string; path: string[]; kind: string }): boolean {
  if (place.kind === 'compound' && hasTeamRoleIn(grants, place._id)) return true;
  return grants.some((g) => (g.role === 'communityStaff' || g.role === 'streetStaff' || g.role === 'admin') && grantCovers(g, place));
}
