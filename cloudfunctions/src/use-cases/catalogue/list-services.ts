import { ok, type Service } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { loadCommunity } from '../load-community';

export async function listServices(ctx: Ctx, input: { communityId: string }) {
  const community = await loadCommunity(ctx, input.communityId);
  if (!community.ok) return community;
  const services = await findAll<Service>(ctx.ports.store, COLLECTIONS.services, { communityId: community.data._id }, [['sort', 'asc']]);
  return ok({ communityName: community.data.name, services });
}
