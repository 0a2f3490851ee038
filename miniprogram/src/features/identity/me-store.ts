import { STAFF_ROLES, TEAM_ROLES, type Grant, type Me, type StaffRole, type TeamRole } from '@linli/shared';
import { callCloud } from '../../services/cloud';
import { getDevOpenid } from '../../services/dev-identity';

/**
 * identity.me, shared by the pages: the card, the catalogue and 我的 all need it, and it
 * changes only when the person binds, redeems an invitation or (locally) switches identity.
 */
let cached: { key: string; promise: Promise<Me> } | null = null;

const identityKey = () => (process.env.TARO_ENV === 'h5' ? (getDevOpenid() ?? '') : 'wechat');

export function loadMe(force = false): Promise<Me> {
  const key = identityKey();
  if (!force && cached && cached.key === key) return cached.promise;
  const promise = callCloud('identity', 'me', {});
  cached = { key, promise };
  // a failed call must not stick: the next page asks again
  promise.catch(() => {
    if (cached?.promise === promise) cached = null;
  });
  return promise;
}

export function invalidateMe(): void {
  cached = null;
}

/** identity.me, or null for someone the functions do not know (no openid: the browser build with no dev identity). */
export async function loadMeOrNull(): Promise<Me | null> {
  try {
    return await loadMe();
  } catch (e) {
    if (e && typeof e === 'object' && (e as { code?: string }).code === 'COMMON.UNAUTHENTICATED') return null;
    throw e;
  }
}

export const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);
export const isTeamRole = (role: string): role is TeamRole => (TEAM_ROLES as readonly string[]).includes(role);

export function staffGrants(grants: readonly Grant[]): Grant[] {
  return grants.filter((g) => isStaffRole(g.role));
}
