import { canGrant, err, identityContract } from '@linli/shared';
import { loadPlace, signedIn, staffOf, type Access } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { COLLECTIONS } from '../../ports/collections';
import { createInvite } from '../../use-cases/identity/create-invite';
import { getMe } from '../../use-cases/identity/get-me';
import { listBindings } from '../../use-cases/identity/list-bindings';
import { redeemInvite } from '../../use-cases/identity/redeem-invite';
import { requestBinding } from '../../use-cases/identity/request-binding';
import { reviewBinding } from '../../use-cases/identity/review-binding';

const bindingCommunity = async (input: { bindingId: string }, ctx: Parameters<Access<unknown>>[0]) =>
  (await ctx.ports.store.get(COLLECTIONS.bindings, input.bindingId))?.communityId ?? null;

/** Only someone allowed to grant the role on that place may create its invitation. */
const mayGrant: Access<{ role: Parameters<typeof canGrant>[1]; placeId: string }> = async (ctx, input) => {
  if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
  const place = await loadPlace(ctx, input.placeId);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: input.placeId });
  return canGrant(ctx.caller.grants, input.role, place) ? true : err('IDENTITY.CANNOT_GRANT', { role: input.role });
};

export const identityFunction = defineFunction(identityContract, {
  me: { access: signedIn, run: getMe },
  requestBinding: { access: signedIn, run: requestBinding },
  listBindings: { access: staffOf((i) => i.communityId), run: listBindings },
  reviewBinding: { access: staffOf(bindingCommunity, 'IDENTITY.BINDING_NOT_FOUND'), run: reviewBinding },
  createInvite: { access: mayGrant, run: createInvite },
  redeemInvite: { access: signedIn, run: redeemInvite },
});
