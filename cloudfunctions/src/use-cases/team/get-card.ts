import { err, ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { buildCard } from './build-card';

export async function getCard(ctx: Ctx, input: { compoundId: string }) {
  const { store } = ctx.ports;
  const compound = await store.get(COLLECTIONS.places, input.compoundId);
  if (!compound) return err('PLACE.NOT_FOUND', { placeId: input.compoundId });
  if (compound.kind !== 'compound') return err('PLACE.NOT_A_COMPOUND');
  const [community, team] = await Promise.all([
    compound.parentId ? store.get(COLLECTIONS.places, compound.parentId) : null,
    store.get(COLLECTIONS.teams, compound._id),
  ]);
  return ok(buildCard(compound, community, team));
}
