import { foldLedger, ok } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { entriesOf } from './ledger-writer';
import { communityOfGrant } from './volunteer-policy';

/** Where the caller stands, for the entries on 我的. */
export async function volunteerMe(ctx: Ctx) {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const grants = ctx.caller.grants;
  const own = grants.find((g) => g.role === 'resident') ?? grants.find((g) => g.role !== 'streetStaff' && g.role !== 'admin');
  const communityId = own ? communityOfGrant(own) : null;
  const place = communityId ? await store.get(COLLECTIONS.places, communityId) : null;
  const totals = place ? foldLedger(await entriesOf(store, 'volunteer', place._id, openid)) : null;
  const upcoming = await store.count(COLLECTIONS.volSignups, { openid, startAt: { gte: clock.now().toISOString() } });
  const manageIds = new Set(grants.filter((g) => g.role === 'communityStaff').map((g) => g.placeId));
  for (const g of grants.filter((g) => g.role === 'streetStaff'))
    for (const c of await store.find(COLLECTIONS.places, { where: { parentId: g.placeId }, orderBy: [['sort', 'asc']], limit: 100 }))
      manageIds.add(c._id);
  const managed = await store.getMany(COLLECTIONS.places, [...manageIds]);
  const memberships = await store.find(COLLECTIONS.partyMembers, { where: { openid }, orderBy: [['openid', 'asc']], limit: 20 });
  const memberPlaces = await store.getMany(
    COLLECTIONS.places,
    memberships.map((m) => m.communityId),
  );
  return ok({
    community: place ? { id: place._id, name: place.name } : null,
    balance: totals?.balance ?? 0,
    hours: totals?.hours ?? 0,
    upcoming,
    manages: managed.map((p) => ({ id: p._id, name: p.name })),
    partyMemberOf: memberPlaces.map((p) => ({ id: p._id, name: p.name })),
  });
}
