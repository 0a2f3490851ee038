import { grantCovers, ROLE_LABELS, type Grant, type RequestActor, type RequestDoc } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { compoundPlace } from './request-access';

const ORDER: Grant['role'][] = [
  'pointLeader',
  'emergencyLeader',
  'honoraryLeader',
  'propertyManager',
  'checkpointGuard',
  'medicalPatroller',
  'policePatroller',
  'streetOfficer',
  'communityStaff',
  'streetStaff',
  'admin',
  'resident',
];

/** The caller as the timeline names them for this request: the role they act in here, and their name. */
export function actorOf(ctx: Ctx, r: RequestDoc): RequestActor {
  const openid = callerOpenid(ctx);
  const place = compoundPlace(r);
  const relevant = ctx.caller.grants
    .filter((g) => (g.role === 'resident' ? g.placePath.includes(r.compoundId) : g.placeId === r.compoundId || grantCovers(g, place)))
    .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role))[0];
  return { openid, name: ctx.caller.user?.name ?? '', label: relevant ? ROLE_LABELS[relevant.role] : '居民' };
}
