import {
  ancestorOfKind,
  DEFAULT_PARTY_ITEMS,
  DEFAULT_VOLUNTEER_SETTINGS,
  err,
  grantCovers,
  hasStaffScope,
  ok,
  type ActivityDoc,
  type AssignmentDoc,
  type Grant,
  type Place,
  type SettingsDoc,
  type VisitDoc,
} from '@linli/shared';
import type { Caller } from '../../platform/caller';
import type { Ctx } from '../../platform/context';
import { placeOf, staffOfPlace, type Loader, type Policy, type Rule } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';

/**
 * Who may do what in 志愿积分, 党员积分 and 十户联保. Community staff (and the street and district
 * above them) run everything of their community; the volunteer team leads they appoint post
 * activities and run attendance; the organiser of an activity runs its attendance; a 联户党员 acts
 * on the households assigned to them; residents act on their own sign-ups, points and redemptions.
 */

export const settingsOf = async (store: Store, communityId: string): Promise<SettingsDoc> =>
  (await store.get(COLLECTIONS.volSettings, communityId)) ?? {
    _id: communityId,
    ...DEFAULT_VOLUNTEER_SETTINGS,
    leads: [],
    partyItems: DEFAULT_PARTY_ITEMS,
    version: 0,
    updatedAt: new Date(0).toISOString(),
  };

/** The community a grant lies in (a household's, a compound's, or the community itself). */
export function communityOfGrant(g: Pick<Grant, 'placeId' | 'placePath' | 'role'>): string | null {
  if (g.role === 'communityStaff') return g.placeId;
  if (g.role === 'streetStaff' || g.role === 'admin') return null;
  const kind = g.role === 'resident' ? 'household' : 'compound';
  return ancestorOfKind({ _id: g.placeId, kind, path: g.placePath }, 'community') ?? null;
}

/** Residents, 三长五员 of its compounds, and staff covering it: the people of a community. */
export const inCommunity = (grants: readonly Grant[], community: Pick<Place, '_id' | 'path'>) =>
  grants.some((g) => g.placePath.includes(community._id) || grantCovers(g, community));

/** The community an input names, with its settings. */
export interface CommunityWithSettings {
  community: Place;
  settings: SettingsDoc;
}

const communityWithSettings: Loader<{ communityId: string }, CommunityWithSettings> = async (ctx, input) => {
  const community = await placeOf((i: { communityId: string }) => i.communityId, 'community')(ctx, input);
  if (!community.ok) return community;
  return ok({ community: community.data, settings: await settingsOf(ctx.ports.store, community.data._id) });
};

/** Staff of the community. */
export const communityStaff: Policy<{ communityId: string }, Place> = {
  load: placeOf((i) => i.communityId, 'community'),
  allow: staffOfPlace,
};

/** Staff, and the volunteer team leads they appointed: who may post an activity. */
export const organisersOfCommunity: Policy<{ communityId: string }, CommunityWithSettings> = {
  load: communityWithSettings,
  allow: (caller, { community, settings }) =>
    hasStaffScope(caller.grants, community) || settings.leads.some((l) => l.openid === caller.openid),
};

/** People of the community (residents, its 三长五员, staff over it). */
export const peopleOfCommunity: Policy<{ communityId: string }, Place> = {
  load: placeOf((i) => i.communityId, 'community'),
  allow: (caller, community) => inCommunity(caller.grants, community) || { code: 'BOOKING.NOT_RESIDENT' },
};

/** An activity's community as a place, for scope checks without a read. */
export const activityCommunity = (a: Pick<ActivityDoc, 'communityId' | 'communityPath'>) => ({ _id: a.communityId, path: a.communityPath });

/** Its organiser, or staff of its community. */
export const managesActivity = (caller: Caller, a: ActivityDoc) =>
  (caller.openid !== null && a.organiser.openid === caller.openid) || hasStaffScope(caller.grants, activityCommunity(a));

export const activityOf: Loader<{ activityId: string }, ActivityDoc> = async (ctx, input) => {
  const a = await ctx.ports.store.get(COLLECTIONS.volActivities, input.activityId);
  return a ? ok(a) : err('VOLUNTEER.ACTIVITY_NOT_FOUND');
};

/** Reading an activity: anyone signed in (it is a public call for volunteers). */
export const anActivity: Policy<{ activityId: string }, ActivityDoc> = { load: activityOf };

/** Running an activity's attendance, roster and confirmation: its organiser or the community's staff. */
export const organiserOf: Policy<{ activityId: string }, ActivityDoc> = { load: activityOf, allow: managesActivity };

export const partyMemberId = (communityId: string, openid: string) => `${communityId}:${openid}`;

/** A household's 十户联保 assignment and its place. */
export interface LoadedHousehold {
  household: Place;
  assignment: AssignmentDoc | null;
}

const householdOf: Loader<{ householdId: string }, LoadedHousehold> = async (ctx, input) => {
  const household = await placeOf((i: { householdId: string }) => i.householdId, 'household')(ctx, input);
  if (!household.ok) return household;
  return ok({ household: household.data, assignment: await ctx.ports.store.get(COLLECTIONS.lianbaoAssignments, household.data._id) });
};

const isHouseholdPlace = (p: Place) => p.kind === 'household';

/** Its 联户党员, or staff whose scope covers it. */
export const memberOrStaffOfHousehold: Policy<{ householdId: string }, LoadedHousehold> = {
  load: async (ctx, input) => {
    const loaded = await householdOf(ctx, input);
    if (loaded.ok && !isHouseholdPlace(loaded.data.household)) return err('PLACE.NOT_A_HOUSEHOLD');
    return loaded;
  },
  allow: (caller, { household, assignment }) =>
    (assignment !== null && assignment.partyMemberOpenid === caller.openid) ||
    hasStaffScope(caller.grants, household) || { code: 'LIANBAO.NOT_YOUR_HOUSEHOLD' },
};

export const visitOf: Loader<{ visitId: string }, VisitDoc> = async (ctx, input) => {
  const v = await ctx.ports.store.get(COLLECTIONS.lianbaoVisits, input.visitId);
  return v ? ok(v) : err('LIANBAO.VISIT_NOT_FOUND');
};

/** A visit: the party member who logged it, or staff of its community (whose path the loader reads). */
export const visitorOf: Policy<{ visitId: string }, VisitDoc & { communityPath: string[] }> = {
  load: async (ctx: Ctx, input) => {
    const v = await visitOf(ctx, input);
    if (!v.ok) return v;
    const community = await ctx.ports.store.get(COLLECTIONS.places, v.data.communityId);
    return ok({ ...v.data, communityPath: community?.path ?? [] });
  },
  allow: (caller, v) =>
    v.partyMemberOpenid === caller.openid || hasStaffScope(caller.grants, { _id: v.communityId, path: v.communityPath }),
};

/** The staff of a compound's community (a compound's place covers it). */
export const compoundStaff: Policy<{ compoundId: string }, Place> = { load: placeOf((i) => i.compoundId, 'compound'), allow: staffOfPlace };

/** The branch: its staff and its party members (the monthly ranking). */
export const branchOf: Policy<{ communityId: string }, Place> = {
  load: placeOf((i) => i.communityId, 'community'),
  allow: () => true,
};
export const branchRule: Rule<{ communityId: string }, Place> = (caller, community) => hasStaffScope(caller.grants, community);
