import { err, hasStaffScope, ok, outdatedPosters, type Card, type Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { buildCard, posterLine } from './build-card';

export async function getCard(ctx: Ctx, input: { compoundId: string }) {
  const { store } = ctx.ports;
  const compound = await store.get(COLLECTIONS.places, input.compoundId);
  if (!compound) return err('PLACE.NOT_FOUND', { placeId: input.compoundId });
  if (compound.kind !== 'compound') return err('PLACE.NOT_A_COMPOUND');
  const staff = hasStaffScope(ctx.caller.grants, compound);
  const [community, team, posters] = await Promise.all([
    compound.parentId ? store.get(COLLECTIONS.places, compound.parentId) : null,
    store.get(COLLECTIONS.teams, compound._id),
    // only its staff are told that a printed card is out of date (residents read the app's card)
    staff ? postersOf(ctx, compound) : null,
  ]);
  const card: Card = buildCard(compound, community, team);
  if (posters) card.outdatedPosters = outdatedPosters(posters, team?.members ?? []).map(posterLine);
  return ok(card);
}

/** A compound's printed posters: the compound's own and one per building, far under one page. */
const postersOf = (ctx: Ctx, compound: Place) =>
  ctx.ports.store.find(COLLECTIONS.posters, { where: { compoundId: compound._id }, limit: 1000 });
