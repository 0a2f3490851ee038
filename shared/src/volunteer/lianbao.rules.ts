import type { AssignmentDoc, CoverageRow } from './lianbao.schema';

const DAY = 86_400_000;

/** Not visited within `days` (never visited counts too). */
export const visitDue = (lastVisitAt: string | null, now: Date, days: number) =>
  lastVisitAt === null || now.getTime() - Date.parse(lastVisitAt) > days * DAY;

/** The party member has more households than the community's number: a warning, not a refusal. */
export const overAssigned = (households: number, perMember: number) => households > perMember;

type Assigned = Pick<
  AssignmentDoc,
  'partyMemberOpenid' | 'partyMemberName' | 'buildingId' | 'buildingName' | 'compoundName' | 'lastVisitAt'
>;

function rows(assignments: readonly Assigned[], keyOf: (a: Assigned) => [string, string], now: Date, days: number): CoverageRow[] {
  const by = new Map<string, CoverageRow>();
  for (const a of assignments) {
    const [key, label] = keyOf(a);
    const row = by.get(key) ?? { key, label, households: 0, due: 0 };
    row.households += 1;
    if (visitDue(a.lastVisitAt, now, days)) row.due += 1;
    by.set(key, row);
  }
  return [...by.values()].sort((a, b) => b.due - a.due || a.label.localeCompare(b.label));
}

/** Coverage at a glance: households with no visit in `days`, by party member and by building. */
export function coverageOf(assignments: readonly Assigned[], now: Date, days: number) {
  return {
    households: assignments.length,
    due: assignments.filter((a) => visitDue(a.lastVisitAt, now, days)).length,
    byPartyMember: rows(assignments, (a) => [a.partyMemberOpenid, a.partyMemberName], now, days),
    byBuilding: rows(assignments, (a) => [a.buildingId, `${a.compoundName} ${a.buildingName}`], now, days),
  };
}

/** 1号楼1单元101 from the household's place name (its full name starts with the compound's). */
export const householdLabel = (fullName: string, compoundName: string) =>
  fullName.startsWith(compoundName) ? fullName.slice(compoundName.length) || fullName : fullName;

export type DoorByPartyMember = {
  openid: string;
  name: string;
  phone: string;
  count: number;
  households: { householdId: string; name: string }[];
};

/**
 * 敲门清单 split by 联户党员 (十户联保): each party member gets the unread households they look
 * after, in the list's walking order; households without one are counted apart, for the building
 * and unit heads. Most households first, then by name.
 */
export function splitByPartyMember(
  households: readonly { householdId: string; name: string }[],
  assignments: readonly Pick<AssignmentDoc, 'householdId' | 'partyMemberOpenid' | 'partyMemberName' | 'partyMemberPhone'>[],
): { byPartyMember: DoorByPartyMember[]; unassigned: number } {
  const of = new Map(assignments.map((a) => [a.householdId, a]));
  const by = new Map<string, DoorByPartyMember>();
  let unassigned = 0;
  for (const h of households) {
    const a = of.get(h.householdId);
    if (!a) {
      unassigned += 1;
      continue;
    }
    const row = by.get(a.partyMemberOpenid) ?? {
      openid: a.partyMemberOpenid,
      name: a.partyMemberName,
      phone: a.partyMemberPhone,
      count: 0,
      households: [],
    };
    row.count += 1;
    row.households.push({ householdId: h.householdId, name: h.name });
    by.set(a.partyMemberOpenid, row);
  }
  return { byPartyMember: [...by.values()].sort((x, y) => y.count - x.count || x.name.localeCompare(y.name)), unassigned };
}
