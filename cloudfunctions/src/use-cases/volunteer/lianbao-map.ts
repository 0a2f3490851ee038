import { ok, type Place } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { placesUnder } from './lianbao-records';

/** The map staff assign on: buildings → units → households, each with its 联户党员. */
export async function lianbaoMap(ctx: Ctx, _input: { compoundId: string }, compound: Place) {
  const assignments = new Map(
    (
      await findAll(ctx.ports.store, COLLECTIONS.lianbaoAssignments, { compoundId: compound._id }, [
        ['compoundId', 'asc'],
        ['sortKey', 'asc'],
      ])
    ).map((a) => [a.householdId, a]),
  );
  const buildings = [];
  for (const b of await placesUnder(ctx, compound._id)) {
    const units = [];
    for (const u of await placesUnder(ctx, b._id)) {
      const households = (await placesUnder(ctx, u._id)).map((h) => ({
        householdId: h._id,
        name: h.name,
        partyMemberOpenid: assignments.get(h._id)?.partyMemberOpenid ?? null,
        partyMemberName: assignments.get(h._id)?.partyMemberName ?? null,
      }));
      units.push({ id: u._id, name: u.name, households });
    }
    buildings.push({ id: b._id, name: b.name, units });
  }
  return ok({ compoundName: compound.name, communityId: compound.parentId ?? '', buildings });
}
