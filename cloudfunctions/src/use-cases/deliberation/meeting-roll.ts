import type { Invitees, Place } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import { findAll } from '../find-all';
import { collectAudience } from '../notices/collect-audience';
import { currentStaff } from '../place-staff';

export type Roll = {
  /** Who counts: openids, or household ids for a households meeting. */
  ids: string[];
  names: Record<string, string>;
  /** Who is told: the openids behind the roll. */
  notify: string[];
};

/**
 * The roll (应到名单) of a meeting, fixed when it is scheduled: the branch's party members, the 两委
 * (党组织书记 and 两委委员), the representatives (with the 两委 for a 村民代表会议, 村民委员会组织法
 * 第二十五条), every household of the community (one person each), or every bound adult.
 */
export async function meetingRoll(store: Store, community: Place, invitees: Invitees): Promise<Roll> {
  if (invitees === 'partyMembers') {
    const members = await findAll(store, COLLECTIONS.partyMembers, { communityId: community._id }, [['name', 'asc']], 5000);
    return {
      ids: members.map((m) => m.openid),
      names: Object.fromEntries(members.map((m) => [m.openid, m.name])),
      notify: members.map((m) => m.openid),
    };
  }
  if (invitees === 'committee' || invitees === 'representatives') {
    const roles =
      invitees === 'committee' ? ['partySecretary', 'committeeMember'] : ['representative', 'partySecretary', 'committeeMember'];
    const people = (await currentStaff(store, [community._id])).filter((p) => roles.includes(p.role));
    const ids = [...new Set(people.map((p) => p.openid))];
    const names = Object.fromEntries(people.map((p) => [p.openid, p.name]));
    return { ids, names, notify: ids };
  }
  const audience = await collectAudience(store, [community]);
  if (invitees === 'households') {
    const ids = audience.households.map((h) => h.household._id);
    return {
      ids,
      names: Object.fromEntries(audience.households.map((h) => [h.household._id, h.household.fullName])),
      notify: audience.households.flatMap((h) => h.residents.map((r) => r.openid)),
    };
  }
  const adults = audience.households.flatMap((h) => h.residents);
  return {
    ids: adults.map((b) => b.openid),
    names: Object.fromEntries(adults.map((b) => [b.openid, b.name])),
    notify: adults.map((b) => b.openid),
  };
}
