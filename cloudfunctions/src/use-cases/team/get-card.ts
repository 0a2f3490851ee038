import {
  err,
  hasStaffScope,
  isServiceDay,
  nextServiceDate,
  ok,
  outdatedPosters,
  serviceDayText,
  WORK_GROUP_POST_LABELS,
  workGroupIdOf,
  type Card,
  type Place,
  type WorkGroupDoc,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { buildCard, posterLine } from './build-card';

/** The compound's card, with its community's 服务群众工作组 (read beside the community and the team, by id). */
export async function getCard(ctx: Ctx, input: { compoundId: string }) {
  const { store, clock } = ctx.ports;
  const compound = await store.get(COLLECTIONS.places, input.compoundId);
  if (!compound) return err('PLACE.NOT_FOUND', { placeId: input.compoundId });
  if (compound.kind !== 'compound') return err('PLACE.NOT_A_COMPOUND');
  const staff = hasStaffScope(ctx.caller.grants, compound);
  const [community, team, group, posters] = await Promise.all([
    compound.parentId ? store.get(COLLECTIONS.places, compound.parentId) : null,
    store.get(COLLECTIONS.teams, compound._id),
    compound.parentId ? store.get(COLLECTIONS.workGroups, workGroupIdOf(compound.parentId)) : null,
    // only its staff are told that a printed card is out of date (residents read the app's card)
    staff ? postersOf(ctx, compound) : null,
  ]);
  const card: Card = buildCard(compound, community, team);
  if (posters) card.outdatedPosters = outdatedPosters(posters, team?.members ?? []).map(posterLine);
  if (group) card.serviceDay = serviceDayOnCard(group, clock.now());
  return ok(card);
}

/** On the service day the group's members stand on the card; on other days its day, place and booking. */
function serviceDayOnCard(g: WorkGroupDoc, now: Date): NonNullable<Card['serviceDay']> {
  const today = isServiceDay(g.day, now);
  return {
    groupName: g.name,
    dayText: serviceDayText(g.day),
    today,
    nextDate: nextServiceDate(g.day, now),
    serviceId: g.serviceId,
    members: today ? g.members.map((m) => ({ name: m.name, post: WORK_GROUP_POST_LABELS[m.post], unit: m.unit })) : [],
  };
}

/** A compound's printed posters: the compound's own and one per building, far under one page. */
const postersOf = (ctx: Ctx, compound: Place) =>
  ctx.ports.store.find(COLLECTIONS.posters, { where: { compoundId: compound._id }, limit: 1000 });
