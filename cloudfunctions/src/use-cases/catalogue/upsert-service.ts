import { err, ok, type CatalogueService, type Result, type Service, type ServiceInput } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { withOnlineBooking } from './online-booking';

/** Adds a service to the community's catalogue, or edits one of its services (its policy has loaded the 社区). */
export async function upsertService(
  ctx: Ctx,
  input: { communityId: string; serviceId?: string | undefined; service: ServiceInput },
): Promise<Result<{ service: CatalogueService }>> {
  const { store, clock, ids } = ctx.ports;
  const now = clock.now().toISOString();
  if (input.serviceId) {
    const updated = await store.update(
      COLLECTIONS.services,
      input.serviceId,
      { set: { ...input.service, updatedAt: now } },
      { communityId: input.communityId },
    );
    if (!updated) return err('CATALOGUE.SERVICE_NOT_FOUND');
    const service = await store.get(COLLECTIONS.services, input.serviceId);
    if (!service) return err('CATALOGUE.SERVICE_NOT_FOUND');
    return ok({ service: await listed(ctx, service) });
  }
  const sort = await store.count(COLLECTIONS.services, { communityId: input.communityId });
  const service: Service = { _id: ids.newId(), communityId: input.communityId, ...input.service, sort, updatedAt: now };
  await store.insert(COLLECTIONS.services, service);
  return ok({ service: await listed(ctx, service) });
}

/** The service as the catalogue lists it, so staff see at once whether residents can book it. */
const listed = async (ctx: Ctx, service: Service) => (await withOnlineBooking(ctx, [service]))[0]!;
