import {
  err,
  grantCovers,
  hasStaffScope,
  hasTeamRoleIn,
  isOpen,
  isStaffHeld,
  ok,
  type Grant,
  type Place,
  type RequestAbilities,
  type RequestDoc,
} from '@linli/shared';
import type { Caller } from '../../platform/caller';
import { placeOf, type Loader, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';

/** The compound of a request as a place, for scope checks without a read. */
export const compoundPlace = (r: Pick<RequestDoc, 'compoundId' | 'placePath'>) => ({ _id: r.compoundId, path: r.placePath.slice(0, -1) });

/** A resident whose household lies in the compound. */
export const isResidentOf = (grants: readonly Grant[], compoundId: string) =>
  grants.some((g) => g.role === 'resident' && (g.placePath.includes(compoundId) || g.placeId === compoundId));

/** The compound's 三长五员 (responders) and the staff whose place covers it. */
export function managesCompound(grants: readonly Grant[], compound: { _id: string; path: string[] }): boolean {
  return hasTeamRoleIn(grants, compound._id) || hasStaffScope(grants, compound);
}

/** Staff may act on a place when their grant covers it; a compound's responders on their own compound. */
export function managesPlace(grants: readonly Grant[], place: { _id: string; path: string[]; kind: string }): boolean {
  if (place.kind === 'compound' && hasTeamRoleIn(grants, place._id)) return true;
  return grants.some((g) => (g.role === 'communityStaff' || g.role === 'streetStaff' || g.role === 'admin') && grantCovers(g, place));
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

/** What every action on one request loads: the request, and whether the caller follows it (附议). */
export interface LoadedRequest {
  request: RequestDoc;
  following: boolean;
}

export const followerId = (requestId: string, openid: string) => `${requestId}:${openid}`;

/** The request, and (when the rule needs it) whether the caller follows it. */
const requestOf =
  (withFollowing: boolean): Loader<{ requestId: string }, LoadedRequest> =>
  async (ctx, input) => {
    const openid = ctx.caller.openid;
    // both by id, read at once
    const [request, follower] = await Promise.all([
      ctx.ports.store.get(COLLECTIONS.requests, input.requestId),
      withFollowing && openid ? ctx.ports.store.get(COLLECTIONS.requestFollowers, followerId(input.requestId, openid)) : null,
    ]);
    if (!request) return err('REQUEST.NOT_FOUND');
    return ok({ request, following: !!follower });
  };

interface RequestRule {
  /** Who may act on the request at all (the policy: anyone else is refused). */
  who: (rel: Relation, loaded: LoadedRequest) => boolean;
  /** When the step makes sense now (a button shows only then; the use case answers why not otherwise). */
  when?: (loaded: LoadedRequest, rel: Relation) => boolean;
  /** The rule reads whether the caller follows the request. */
  following?: boolean;
}

const manager = (rel: Relation) => rel.manager;
const handlerOrManager = (rel: Relation) => rel.handler || rel.manager;
const reporter = (rel: Relation) => rel.reporter;
const status =
  (...statuses: RequestDoc['status'][]) =>
  ({ request }: LoadedRequest) =>
    statuses.includes(request.status);

/**
 * One rule per action on a request: the handlers' policies and the buttons the app shows
 * (`abilities`) are both read from here, so they cannot disagree. Residents act on their own
 * requests (or, for 附议, their compound's), responders on their compound's, staff within their place.
 */
export const REQUEST_RULES = {
  get: { who: (rel, l) => rel.reporter || rel.manager || rel.handler || l.following, following: true },
  accept: { who: manager, when: status('submitted') },
  handlers: { who: manager },
  triage: { who: manager, when: status('accepted', 'handling') },
  progress: { who: handlerOrManager, when: status('handling') },
  resolve: { who: handlerOrManager, when: status('handling') },
  merge: { who: manager, when: ({ request }) => isOpen(request.status) },
  rate: { who: reporter, when: status('resolved') },
  confirm: { who: reporter, when: status('guidance') },
  second: {
    who: (rel) => rel.neighbour,
    when: ({ request, following }, rel) => !rel.reporter && !following && isStaffHeld(request.status) && request.track !== 'private',
    following: true,
  },
} as const satisfies Record<string, RequestRule>;

export type RequestAction = keyof typeof REQUEST_RULES;

/** The policy of an action on one request, from its rule. */
export function onRequest(action: RequestAction): Policy<{ requestId: string }, LoadedRequest> {
  const rule: RequestRule = REQUEST_RULES[action];
  return { load: requestOf(rule.following ?? false), allow: (caller, loaded) => rule.who(relationTo(caller, loaded.request), loaded) };
}

/** What the caller may do with the request now: the app shows exactly these buttons. */
export function abilities(caller: Caller, loaded: LoadedRequest): RequestAbilities {
  const rel = relationTo(caller, loaded.request);
  const can = (action: RequestAction) => {
    const rule: RequestRule = REQUEST_RULES[action];
    return rule.who(rel, loaded) && (rule.when?.(loaded, rel) ?? true);
  };
  return {
    accept: can('accept'),
    triage: can('triage'),
    progress: can('progress'),
    resolve: can('resolve'),
    merge: can('merge'),
    rate: can('rate'),
    confirm: can('confirm'),
    second: can('second'),
    callReporter: rel.handler && !!loaded.request.reporterPhone,
  };
}

/** Reporting in a compound: its residents, and its responders and staff on their behalf. */
export const inCompound: Policy<{ compoundId: string }, Place> = {
  load: placeOf((i) => i.compoundId, 'compound'),
  allow: (caller, compound) => isResidentOf(caller.grants, compound._id) || managesCompound(caller.grants, compound),
};

/** The workbench and the ledger of a place: its staff, or a compound's responders for their compound. */
export const managesPlaceOf: Policy<{ placeId: string }, Place> = {
  load: placeOf((i) => i.placeId),
  allow: (caller, place) => managesPlace(caller.grants, place),
};
