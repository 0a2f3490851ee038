import {
  err,
  grantCovers,
  isDepartmentRole,
  ok,
  type DepartmentDoc,
  type DispatchDoc,
  type DispatchLevel,
  type Grant,
  type Place,
  type RequestDoc,
} from '@linli/shared';
import type { Caller } from '../../platform/caller';
import { placeOf, type Loader, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { compoundPlace, managesCompound } from '../requests/request-policy';

/** The caller works in this department (its head or its staff). */
export const worksIn = (grants: readonly Grant[], departmentId: string) =>
  grants.some((g) => isDepartmentRole(g.role) && g.placeId === departmentId);

const LEVEL_OF = { communityStaff: 'community', streetStaff: 'street', admin: 'district' } as const;
const LEVEL_ORDER: DispatchLevel[] = ['district', 'street', 'community'];

/**
 * The level a staff member dispatches at for this request: their highest staff grant covering its
 * compound (a street cadre who is also a community worker dispatches as the street). Null when none.
 */
export function dispatcherPost(
  grants: readonly Grant[],
  r: Pick<RequestDoc, 'compoundId' | 'placePath'>,
): { level: DispatchLevel; placeId: string } | null {
  const place = compoundPlace(r);
  const posts = grants
    .filter((g): g is Grant & { role: keyof typeof LEVEL_OF } => g.role in LEVEL_OF && grantCovers(g, place))
    .map((g) => ({ level: LEVEL_OF[g.role], placeId: g.placeId }))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return posts[0] ?? null;
}

/** 派单 is for community, street and district staff over the request's compound (not its 三长五员). */
export const dispatcherOf: Policy<{ requestId: string }, RequestDoc> = {
  load: async (ctx, input) => {
    const r = await ctx.ports.store.get(COLLECTIONS.requests, input.requestId);
    return r ? ok(r) : err('REQUEST.NOT_FOUND');
  },
  allow: (caller, r) => dispatcherPost(caller.grants, r) !== null,
};

/** Who sees a request's parts: its dispatchers, and the departments holding a part (checked in the use case). */
export const partsOf: Policy<{ requestId: string }, RequestDoc> = {
  load: dispatcherOf.load!,
  allow: (caller, r) => managesCompound(caller.grants, compoundPlace(r)) || caller.grants.some((g) => isDepartmentRole(g.role)),
};

export interface LoadedPart {
  part: DispatchDoc;
  request: RequestDoc;
}

const partOf: Loader<{ dispatchId: string }, LoadedPart> = async (ctx, input) => {
  const part = await ctx.ports.store.get(COLLECTIONS.dispatches, input.dispatchId);
  const request = part ? await ctx.ports.store.get(COLLECTIONS.requests, part.requestId) : null;
  return part && request ? ok({ part, request }) : err('DISPATCH.NOT_FOUND');
};

/** An action on a department's part: only that department's people act on it. */
export const onPart: Policy<{ dispatchId: string }, LoadedPart> = {
  load: partOf,
  allow: (caller, { part }) => worksIn(caller.grants, part.departmentId),
};

/** Reading a part: its department, or the staff and responders over the request's compound. */
export const seesPart: Policy<{ dispatchId: string }, LoadedPart> = {
  load: partOf,
  allow: (caller, { part, request }) => worksIn(caller.grants, part.departmentId) || managesCompound(caller.grants, compoundPlace(request)),
};

/** A department's inbox: its people only. */
export const departmentMember: Policy<{ departmentId: string }, undefined> = {
  allow: (caller, _loaded, input) => worksIn(caller.grants, input.departmentId),
};

const registers = (caller: Caller, place: Place) =>
  (place.kind === 'street' || place.kind === 'district') &&
  caller.grants.some((g) => (g.role === 'admin' || (g.role === 'streetStaff' && place.kind === 'street')) && grantCovers(g, place));

/** Registering a department: street staff for their street, the district's admins for their district. */
export const registrar: Policy<{ ownerPlaceId: string }, Place> = {
  load: placeOf((i) => i.ownerPlaceId),
  allow: (caller, place) => registers(caller, place),
};

export interface DepartmentOfRegistrar {
  department: DepartmentDoc;
  owner: Place;
}
/** Editing a department: those who may register at the place that registered it. */
export const registrarOfDepartment: Policy<{ departmentId: string }, DepartmentOfRegistrar> = {
  load: async (ctx, input) => {
    const department = await ctx.ports.store.get(COLLECTIONS.departments, input.departmentId);
    const owner = department ? await ctx.ports.store.get(COLLECTIONS.places, department.ownerPlaceId) : null;
    return department && owner ? ok({ department, owner }) : err('DEPARTMENT.NOT_FOUND', { departmentId: input.departmentId });
  },
  allow: (caller, { owner }) => registers(caller, owner),
};

/** A district's ranking: any staff member working within it. */
export const staffInDistrict: Policy<{ districtId: string }, Place> = {
  load: placeOf((i) => i.districtId, 'district'),
  allow: (caller: Caller, place) =>
    caller.grants.some(
      (g) =>
        (g.role === 'admin' || g.role === 'streetStaff' || g.role === 'communityStaff') &&
        (g.placeId === place._id || g.placePath.includes(place._id)),
    ),
};

/** 巡查发现: the compound's 三长五员 (网格员 among them) and the staff over it. */
export const inCompoundTeam: Policy<{ compoundId: string }, Place> = {
  load: placeOf((i) => i.compoundId, 'compound'),
  allow: (caller, compound) => managesCompound(caller.grants, compound),
};
