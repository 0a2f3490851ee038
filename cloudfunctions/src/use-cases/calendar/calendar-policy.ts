import { hasStaffScope, type Place } from '@linli/shared';
import type { Policy } from '../../platform/policy';
import { placeOf } from '../../platform/policy';

/**
 * The national schedule is kept by a district admin or street staff (whoever has the State
 * Council's notice first); a local closure by the street staff or admin whose area covers the
 * street or community it closes.
 */
export const calendarKeeper: Policy<unknown, undefined> = {
  allow: (caller) => caller.grants.some((g) => g.role === 'admin' || g.role === 'streetStaff'),
};

export const closureKeeper: Policy<{ placeId: string }, Place> = {
  load: placeOf((i) => i.placeId),
  allow: (caller, place) =>
    (place.kind === 'street' || place.kind === 'community') && hasStaffScope(caller.grants, place, ['streetStaff', 'admin']),
};
