import { canGrant, inviteState, ok, ROLE_SCOPE_KIND, type Place, type PlaceKind, type Result, type Roster } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

/**
 * The kinds of place a role can be held on (households hold residents only, who bind instead; a
 * department's roles are held on the department, not on a place of the grid).
 */
const ROLE_PLACE_KINDS: ReadonlySet<PlaceKind> = new Set(
  Object.values(ROLE_SCOPE_KIND).filter(
    (k): k is Exclude<PlaceKind, 'household'> => k !== 'household' && k !== 'department' && k !== 'workGroup',
  ),
);

/**
 * The roster of a place and of the places right below it (a community and its compounds, a street
 * and its communities): who holds which role now, since when, granted by whom through which
 * invitation; the invitations made there with their state; and the roles taken away. The holders
 * are checked against each person's current grants, so a revoked role never shows as held.
 */
export async function listRoles(ctx: Ctx, _input: { placeId: string }, place: Place): Promise<Result<Roster>> {
  const { store, clock } = ctx.ports;
  const now = clock.now().toISOString();
  const children = await store.find(COLLECTIONS.places, { where: { parentId: place._id }, orderBy: [['sort', 'asc']], limit: 1000 });
  const places = [place, ...children.filter((c) => ROLE_PLACE_KINDS.has(c.kind))];
  const placeById = new Map(places.map((p) => [p._id, p]));
  const placeIds = places.map((p) => p._id);

  const [rosters, invites, revocations] = await Promise.all([
    store.getMany(COLLECTIONS.placeStaff, placeIds),
    store.find(COLLECTIONS.invites, { where: { placeId: { in: placeIds } }, orderBy: [['createdAt', 'desc']], limit: 200 }),
    store.find(COLLECTIONS.roleRevocations, { where: { placeId: { in: placeIds } }, orderBy: [['revokedAt', 'desc']], limit: 200 }),
  ]);
  const members = rosters.flatMap((r) => r.members.map((m) => ({ ...m, placeId: r._id })));
  const holderIds = new Set(members.map((m) => m.openid));
  const users = new Map((await store.getMany(COLLECTIONS.users, [...holderIds])).map((u) => [u._id, u]));
  const grantsOf = (openid: string) => users.get(openid)?.grants ?? [];
  const held = members.flatMap((m) => {
    const grant = grantsOf(m.openid).find((g) => g.role === m.role && g.placeId === m.placeId);
    return grant ? [{ member: m, grant }] : [];
  });

  // everyone named as granter, inviter or invitee: one read for their names
  const named = new Set<string>([
    ...held.map((h) => h.grant.grantedBy),
    ...invites.flatMap((i) => [i.createdBy, ...(i.usedBy ? [i.usedBy] : [])]),
  ]);
  for (const id of users.keys()) named.delete(id);
  for (const u of await store.getMany(COLLECTIONS.users, [...named])) users.set(u._id, u);
  const ref = (openid: string) => ({ openid, name: users.get(openid)?.name ?? null });
  const canRevoke = (role: Parameters<typeof canGrant>[1], placeId: string) => {
    const at = placeById.get(placeId);
    return at ? canGrant(ctx.caller.grants, role, at) : false;
  };

  return ok({
    place: { _id: place._id, fullName: place.fullName, kind: place.kind },
    holders: held
      .map(({ member, grant }) => ({
        openid: member.openid,
        name: users.get(member.openid)?.name ?? member.name,
        role: grant.role,
        placeId: grant.placeId,
        placeName: grant.placeName,
        since: grant.grantedAt,
        grantedBy: ref(grant.grantedBy),
        inviteCode: grant.inviteCode ?? null,
        canRevoke: canRevoke(grant.role, grant.placeId),
      }))
      .sort((a, b) => placeIds.indexOf(a.placeId) - placeIds.indexOf(b.placeId) || a.since.localeCompare(b.since)),
    invites: invites.map((i) => ({
      code: i._id,
      role: i.role,
      placeId: i.placeId,
      placeName: i.placeName,
      createdAt: i.createdAt,
      createdBy: ref(i.createdBy),
      expiresAt: i.expiresAt,
      state: inviteState(i, now),
      usedBy: i.usedBy ? ref(i.usedBy) : null,
      usedAt: i.usedAt,
    })),
    revocations,
  });
}
