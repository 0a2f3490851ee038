import type { Binding, Place } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import { findAll } from '../find-all';

export type AudienceHousehold = {
  household: Place;
  unit: Place;
  building: Place;
  compound: Place;
  /** Approved residents bound to this household. */
  residents: Binding[];
};

export type Audience = {
  households: AudienceHousehold[];
  /** Communities the targets lie in or cover (for the 阳光三务 archive). */
  communityIds: string[];
};

/** `in` lists are kept short: CloudBase (MongoDB) handles them best under a few hundred values. */
const IN_CHUNK = 100;
/** A street-wide notice may reach tens of thousands of households; bound the walk well above that. */
const MAX_PLACES_PER_LEVEL = 200_000;

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** The children of many places at once, a level at a time: a handful of queries however large the target. */
export async function childrenOf(store: Store, parentIds: readonly string[]): Promise<Place[]> {
  const out: Place[] = [];
  for (const ids of chunks(parentIds, IN_CHUNK))
    out.push(
      ...(await findAll(
        store,
        COLLECTIONS.places,
        { parentId: { in: ids } },
        [
          ['parentId', 'asc'],
          ['sort', 'asc'],
          ['_id', 'asc'],
        ],
        MAX_PLACES_PER_LEVEL,
      )),
    );
  return out;
}

/**
 * Every household in the targets, with its unit, building and compound, and the approved residents
 * bound to it (bindings are one per person, id = openid, so a person counts once). Targets may overlap
 * (a compound and one of its buildings): each household appears once.
 */
export async function collectAudience(store: Store, targets: readonly Place[]): Promise<Audience> {
  const byId = new Map<string, Place>(targets.map((t) => [t._id, t]));
  // a building target's compound is above it: fetch it for the names on the door-knocking list
  const missingParents = targets.filter((t) => t.kind === 'building' && t.parentId && !byId.has(t.parentId)).map((t) => t.parentId!);
  for (const p of await store.getMany(COLLECTIONS.places, missingParents)) byId.set(p._id, p);

  // `walked`, not `byId`, decides what to descend into: a building target's compound is known
  // without its other buildings having been fetched
  const walked = new Set<string>();
  let frontier = targets.filter((t) => t.kind !== 'household').map((t) => t._id);
  while (frontier.length > 0) {
    for (const id of frontier) walked.add(id);
    const children = await childrenOf(store, frontier);
    for (const c of children) byId.set(c._id, c);
    frontier = children.filter((c) => c.kind !== 'household' && !walked.has(c._id)).map((c) => c._id);
  }

  const households: AudienceHousehold[] = [];
  for (const place of byId.values()) {
    if (place.kind !== 'household') continue;
    const unit = place.parentId ? byId.get(place.parentId) : undefined;
    const building = unit?.parentId ? byId.get(unit.parentId) : undefined;
    const compound = building?.parentId ? byId.get(building.parentId) : undefined;
    // a household outside the unit › building › compound shape cannot be placed on the lists: skip it loudly
    if (!unit || !building || !compound) {
      console.error('household without unit, building or compound', { householdId: place._id });
      continue;
    }
    households.push({ household: place, unit, building, compound, residents: [] });
  }

  const byHousehold = new Map(households.map((h) => [h.household._id, h]));
  const compoundIds = [...new Set(households.map((h) => h.compound._id))];
  for (const ids of chunks(compoundIds, IN_CHUNK)) {
    const bindings = await findAll(
      store,
      COLLECTIONS.bindings,
      { compoundId: { in: ids }, status: 'approved' },
      // _id breaks ties so that paging by skip neither repeats nor drops a row
      [
        ['compoundId', 'asc'],
        ['status', 'asc'],
        ['_id', 'asc'],
      ],
      MAX_PLACES_PER_LEVEL,
    );
    for (const b of bindings) byHousehold.get(b.householdId)?.residents.push(b);
  }

  const communityIds = new Set<string>();
  for (const t of targets) {
    if (t.kind === 'community') communityIds.add(t._id);
    else if (t.kind === 'compound' || t.kind === 'building') {
      const community = t.kind === 'compound' ? t.parentId : byId.get(t.parentId ?? '')?.parentId;
      if (community) communityIds.add(community);
    }
  }
  for (const p of byId.values()) if (p.kind === 'community') communityIds.add(p._id);
  return { households, communityIds: [...communityIds] };
}
