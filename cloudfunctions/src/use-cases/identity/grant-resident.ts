import type { Grant, Place, User } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { TxStore } from '../../ports/store';

/** Inside the transaction that approves a binding: the person becomes the household's resident (one household at a time). */
export async function grantResident(
  tx: TxStore,
  person: { openid: string; name: string; phone: string },
  household: Place,
  by: string,
  now: string,
): Promise<void> {
  const user = await tx.get(COLLECTIONS.users, person.openid);
  const grant: Grant = {
    role: 'resident',
    placeId: household._id,
    placePath: household.path,
    placeName: household.fullName,
    grantedAt: now,
    grantedBy: by,
  };
  const grants = (user?.grants ?? []).filter((g) => g.role !== 'resident');
  await tx.put(COLLECTIONS.users, {
    _id: person.openid,
    createdAt: user?.createdAt ?? now,
    name: user?.name ?? person.name,
    phone: person.phone,
    grants: [...grants, grant],
  } satisfies User);
}
