import { ancestorOfKind, err, ok, type Binding, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/**
 * A resident asks to be recognised as living in a household. One binding document per
 * person (keyed by openid), changed in a transaction, so a double tap makes one request.
 */
export async function requestBinding(
  ctx: Ctx,
  input: { householdId: string; name: string; phone: string },
): Promise<Result<{ binding: Binding }>> {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const household = await store.get(COLLECTIONS.places, input.householdId);
  if (!household) return err('PLACE.NOT_FOUND', { placeId: input.householdId });
  if (household.kind !== 'household') return err('PLACE.NOT_A_HOUSEHOLD');
  const compoundId = ancestorOfKind(household, 'compound');
  const communityId = ancestorOfKind(household, 'community');
  if (!compoundId || !communityId) return err('PLACE.NOT_A_HOUSEHOLD');

  return store.transaction(async (tx): Promise<Result<{ binding: Binding }>> => {
    const current = await tx.get(COLLECTIONS.bindings, openid);
    if (current?.status === 'approved') return err('IDENTITY.ALREADY_BOUND', { householdName: current.householdName });
    if (current?.status === 'pending') {
      // the same request again (a retry) is not an error: answer with what is already there
      if (current.householdId === household._id && current.name === input.name && current.phone === input.phone)
        return ok({ binding: current });
      return err('IDENTITY.BINDING_PENDING', { householdName: current.householdName });
    }
    const binding: Binding = {
      _id: openid,
      openid,
      householdId: household._id,
      compoundId,
      communityId,
      householdName: household.fullName,
      name: input.name,
      phone: input.phone,
      status: 'pending',
      createdAt: clock.now().toISOString(),
    };
    await tx.put(COLLECTIONS.bindings, binding);
    return ok({ binding });
  });
}
