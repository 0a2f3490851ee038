import { ancestorOfKind, err, ledgerResidentId, normalizePhone, ok, type Binding, type Result } from '@linli/shared';
import { grantResident } from './grant-resident';
import { claimProxied } from '../ledger/claim-proxied';
import { bindingMessage } from './review-binding';
import { enqueueQuietly } from '../notifications/message-outbox';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/** Who approved a binding that the household ledger matched (no person: the ledger staff imported). */
export const LEDGER_REVIEWER = 'ledger';

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

  const now = clock.now().toISOString();
  const result = await store.transaction(async (tx): Promise<Result<{ binding: Binding }>> => {
    const current = await tx.get(COLLECTIONS.bindings, openid);
    const same = current?.householdId === household._id && current.name === input.name && current.phone === input.phone;
    // a retry of a request the ledger approved at once answers it again
    if (current?.status === 'approved' && same && current.reviewedBy === LEDGER_REVIEWER) return ok({ binding: current });
    if (current?.status === 'approved') return err('IDENTITY.ALREADY_BOUND', { householdName: current.householdName });
    if (current?.status === 'pending') {
      // the same request again (a retry) is not an error: answer with what is already there
      if (current.householdId === household._id && current.name === input.name && current.phone === input.phone)
        return ok({ binding: current });
      return err('IDENTITY.BINDING_PENDING', { householdName: current.householdName });
    }
    // on the household's ledger with the same name and phone: approved at once, by the ledger
    const listed = await tx.get(COLLECTIONS.ledgerResidents, ledgerResidentId(household._id, input.name));
    const preApproved = listed !== null && normalizePhone(listed.phone) === normalizePhone(input.phone);
    const binding: Binding = {
      _id: openid,
      openid,
      householdId: household._id,
      compoundId,
      communityId,
      householdName: household.fullName,
      name: input.name,
      phone: input.phone,
      status: preApproved ? 'approved' : 'pending',
      createdAt: now,
      ...(preApproved ? { reviewedAt: now, reviewedBy: LEDGER_REVIEWER } : {}),
    };
    await tx.put(COLLECTIONS.bindings, binding);
    if (preApproved) await grantResident(tx, binding, household, LEDGER_REVIEWER, now);
    return ok({ binding });
  });
  if (result.ok && result.data.binding.reviewedBy === LEDGER_REVIEWER && result.data.binding.createdAt === now) {
    await enqueueQuietly(ctx, [bindingMessage(result.data.binding)], { bindingId: openid });
    await claimProxied(ctx, result.data.binding);
  }
  return result;
}
