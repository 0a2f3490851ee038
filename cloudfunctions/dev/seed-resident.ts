import type { Binding, Grant, User } from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import type { Store } from '../src/ports/store';

/** A resident bound to a household (approved), as the identity flow would leave them. */
export async function seedResident(
  store: Store,
  r: { openid: string; name: string; phone: string; householdId: string },
  now: string,
): Promise<void> {
  const household = await store.get(COLLECTIONS.places, r.householdId);
  if (!household) throw new Error(`seed: no household ${r.householdId}`);
  const grant: Grant = {
    role: 'resident',
    placeId: household._id,
    placePath: household.path,
    placeName: household.fullName,
    grantedAt: now,
    grantedBy: 'seed',
  };
  const user: User = { _id: r.openid, name: r.name, phone: r.phone, grants: [grant], createdAt: now };
  await store.put(COLLECTIONS.users, user);
  await store.put(COLLECTIONS.bindings, {
    _id: r.openid,
    openid: r.openid,
    householdId: household._id,
    compoundId: household.path[3]!,
    communityId: household.path[2]!,
    householdName: household.fullName,
    name: r.name,
    phone: r.phone,
    status: 'approved',
    createdAt: now,
    reviewedAt: now,
    reviewedBy: 'seed',
  } satisfies Binding);
}
