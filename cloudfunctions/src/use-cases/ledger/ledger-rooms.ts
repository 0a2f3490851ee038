import type { CompoundRooms, Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

/** `parentId in ids` is read 100 parents at a time, every page of each. */
async function childrenOf(ctx: Ctx, parentIds: readonly string[]): Promise<Place[]> {
  const out: Place[] = [];
  for (let i = 0; i < parentIds.length; i += 100) {
    const ids = parentIds.slice(i, i + 100);
    out.push(...(await findAll(ctx.ports.store, COLLECTIONS.places, { parentId: { in: ids } }, [['_id', 'asc']], 100_000)));
  }
  return out;
}

/** The compound's buildings, units and households, keyed as the ledger names them (`1号楼|1单元|101`). */
export async function compoundRooms(ctx: Ctx, compound: Place): Promise<CompoundRooms & { buildingList: Place[]; unitList: Place[] }> {
  const buildingList = await childrenOf(ctx, [compound._id]);
  const unitList = await childrenOf(
    ctx,
    buildingList.map((b) => b._id),
  );
  const homes = await childrenOf(
    ctx,
    unitList.map((u) => u._id),
  );
  const byId = new Map([...buildingList, ...unitList].map((p) => [p._id, p]));
  const households = new Map<string, { _id: string; room: string }>();
  for (const h of homes) {
    const unit = h.parentId ? byId.get(h.parentId) : undefined;
    const building = unit?.parentId ? byId.get(unit.parentId) : undefined;
    if (unit && building)
      households.set(`${building.name}|${unit.name}|${h.name}`, { _id: h._id, room: `${building.name}${unit.name}${h.name}` });
  }
  const units = new Set<string>();
  for (const u of unitList) {
    const b = u.parentId ? byId.get(u.parentId) : undefined;
    if (b) units.add(`${b.name}|${u.name}`);
  }
  return { households, buildings: new Set(buildingList.map((b) => b.name)), units, buildingList, unitList };
}
