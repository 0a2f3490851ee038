import { ok } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

export async function getMe(ctx: Ctx) {
  const openid = callerOpenid(ctx);
  const { store } = ctx.ports;
  const binding = await store.get(COLLECTIONS.bindings, openid);
  const residentGrant = ctx.caller.grants.find((g) => g.role === 'resident');
  const householdPlace = residentGrant ? await store.get(COLLECTIONS.places, residentGrant.placeId) : null;
  const household =
    householdPlace && binding
      ? { _id: householdPlace._id, fullName: householdPlace.fullName, compoundId: binding.compoundId, communityId: binding.communityId }
      : null;
  return ok({ openid, name: ctx.caller.user?.name ?? null, grants: ctx.caller.grants, household, binding });
}
