import { canGrant, err, identityContract, ok, type Binding, type Place } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { placeOf, signedIn, staffOf, staffOfPlace, type Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { createInvite } from '../../use-cases/identity/create-invite';
import { grantTargetOf, type GrantTarget } from '../../use-cases/identity/grant-target';
import { getMe } from '../../use-cases/identity/get-me';
import { listBindings } from '../../use-cases/identity/list-bindings';
import { redeemInvite } from '../../use-cases/identity/redeem-invite';
import { requestBinding } from '../../use-cases/identity/request-binding';
import { reviewBinding } from '../../use-cases/identity/review-binding';
import { listRoles } from '../../use-cases/identity/list-roles';
import { revokeRole } from '../../use-cases/identity/revoke-role';

/** A binding is reviewed by the staff of its community. */
const bindingReviewer: Policy<{ bindingId: string }, { binding: Binding; community: Place }> = {
  load: async (ctx, input) => {
    const binding = await ctx.ports.store.get(COLLECTIONS.bindings, input.bindingId);
    const community = binding ? await ctx.ports.store.get(COLLECTIONS.places, binding.communityId) : null;
    return binding && community ? ok({ binding, community }) : err('IDENTITY.BINDING_NOT_FOUND');
  },
  allow: (caller, { community }) => staffOfPlace(caller, community, undefined),
};

/** Only someone allowed to grant the role on that place (or department) may create its invitation. */
const grantor: Policy<{ role: Parameters<typeof canGrant>[1]; placeId: string }, GrantTarget> = {
  load: grantTargetOf,
  allow: (caller, place, input) =>
    canGrant(caller.grants, input.role, place) || { code: 'IDENTITY.CANNOT_GRANT', details: { role: input.role } },
};

/** Only someone allowed to grant the role on that place may take it away. */
const revoker: Policy<{ role: Parameters<typeof canGrant>[1]; placeId: string }, Place> = {
  load: placeOf((i) => i.placeId),
  allow: (caller, place, input) =>
    canGrant(caller.grants, input.role, place) || { code: 'IDENTITY.CANNOT_REVOKE', details: { role: input.role } },
};

export const identityFunction = defineFunction(identityContract, {
  me: act(signedIn, getMe),
  requestBinding: act(signedIn, requestBinding),
  listBindings: act(
    staffOf((i: { communityId: string }) => i.communityId, 'community'),
    listBindings,
  ),
  // read again in its transaction: another reviewer may have decided it meanwhile
  reviewBinding: act(bindingReviewer, reviewBinding),
  createInvite: act(grantor, createInvite),
  redeemInvite: act(signedIn, redeemInvite),
  listRoles: act(
    staffOf((i: { placeId: string }) => i.placeId),
    listRoles,
  ),
  revokeRole: act(revoker, revokeRole),
});
