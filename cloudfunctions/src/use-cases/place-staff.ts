import { ROLE_LABELS, type Grant } from '@linli/shared';
import { COLLECTIONS } from '../ports/collections';
import type { Store, TxStore } from '../ports/store';
import type { PlaceStaffMember } from '../ports/documents';

/** Adds (or renames) a person on a place's roster, inside the transaction that grants the role. */
export async function addToPlaceStaff(
  tx: TxStore,
  grant: Pick<Grant, 'placeId' | 'role'>,
  person: { openid: string; name: string },
): Promise<void> {
  if (grant.role === 'resident') return;
  const roster = (await tx.get(COLLECTIONS.placeStaff, grant.placeId)) ?? { _id: grant.placeId, members: [] };
  const others = roster.members.filter((m) => !(m.openid === person.openid && m.role === grant.role));
  await tx.put(COLLECTIONS.placeStaff, { ...roster, members: [...others, { openid: person.openid, name: person.name, role: grant.role }] });
}

export interface StaffPerson extends PlaceStaffMember {
  placeId: string;
  placeName: string;
  roleLabel: string;
}

/** The people who hold a role on each of the places now, checked against their current grants. */
export async function currentStaff(store: Store, placeIds: readonly string[]): Promise<StaffPerson[]> {
  const rosters = await store.getMany(COLLECTIONS.placeStaff, placeIds);
  const entries = rosters.flatMap((r) => r.members.map((m) => ({ ...m, placeId: r._id })));
  if (entries.length === 0) return [];
  const users = new Map((await store.getMany(COLLECTIONS.users, [...new Set(entries.map((e) => e.openid))])).map((u) => [u._id, u]));
  const out: StaffPerson[] = [];
  for (const e of entries) {
    const grant = users.get(e.openid)?.grants.find((g) => g.role === e.role && g.placeId === e.placeId);
    if (grant) out.push({ ...e, name: users.get(e.openid)?.name ?? e.name, placeName: grant.placeName, roleLabel: ROLE_LABELS[e.role] });
  }
  // keep the order of placeIds (compound first), then the roster's order
  return out.sort((a, b) => placeIds.indexOf(a.placeId) - placeIds.indexOf(b.placeId));
}
