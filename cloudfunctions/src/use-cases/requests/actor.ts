import { grantCovers, ROLE_LABELS, STAFF_ROLES, TEAM_ROLES, type Grant, type RequestActor, type RequestDoc } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { compoundPlace } from './request-policy';

/** Which role names the caller when several apply: the compound's own team first, residents last. */
const ORDER: Grant['role'][] = [...TEAM_ROLES, ...STAFF_ROLES, 'resident'];

/** The caller as the timeline names them for this request: the role they act in here, and their name. */
export function actorOf(ctx: Ctx, r: RequestDoc): RequestActor {
  const openid = callerOpenid(ctx);
  const place = compoundPlace(r);
  const relevant = ctx.caller.grants
    .filter((g) => (g.role === 'resident' ? g.placePath.includes(r.compoundId) : g.placeId === r.compoundId || grantCovers(g, place)))
    .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role))[0];
  return { openid, name: ctx.caller.user?.name ?? '', label: relevant ? ROLE_LABELS[relevant.role] : '居民' };
}
