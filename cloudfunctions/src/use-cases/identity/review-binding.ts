import { err, ok, type Binding, type Grant, type Result, type User } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/** Community staff approve or reject a binding; approval grants the resident role on the household. */
export async function reviewBinding(
  ctx: Ctx,
  input: { bindingId: string; approve: boolean; reason?: string | undefined },
): Promise<Result<{ binding: Binding }>> {
  const reviewer = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  return store.transaction(async (tx): Promise<Result<{ binding: Binding }>> => {
    const binding = await tx.get(COLLECTIONS.bindings, input.bindingId);
    if (!binding) return err('IDENTITY.BINDING_NOT_FOUND');
    if (binding.status !== 'pending') return err('IDENTITY.BINDING_ALREADY_REVIEWED', { status: binding.status });
    const household = await tx.get(COLLECTIONS.places, binding.householdId);
    if (!household) return err('PLACE.NOT_FOUND', { placeId: binding.householdId });
    const reviewed: Binding = {
      ...binding,
      status: input.approve ? 'approved' : 'rejected',
      reviewedAt: now,
      reviewedBy: reviewer,
      ...(input.reason ? { reason: input.reason } : {}),
    };
    await tx.put(COLLECTIONS.bindings, reviewed);
    if (input.approve) {
      const user = await tx.get(COLLECTIONS.users, binding.openid);
      const grant: Grant = {
        role: 'resident',
        placeId: household._id,
        placePath: household.path,
        placeName: household.fullName,
        grantedAt: now,
        grantedBy: reviewer,
      };
      const grants = (user?.grants ?? []).filter((g) => g.role !== 'resident');
      await tx.put(COLLECTIONS.users, {
        _id: binding.openid,
        createdAt: user?.createdAt ?? now,
        name: user?.name ?? binding.name,
        phone: binding.phone,
        grants: [...grants, grant],
      } satisfies User);
    }
    return ok({ binding: reviewed });
  });
}
