import { err, ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

export async function removeService(ctx: Ctx, input: { communityId: string; serviceId: string }) {
  const { store } = ctx.ports;
  const service = await store.get(COLLECTIONS.services, input.serviceId);
  if (!service || service.communityId !== input.communityId) return err('CATALOGUE.SERVICE_NOT_FOUND');
  await store.remove(COLLECTIONS.services, service._id);
  return ok({ removed: true as const });
}
