import { err, ok, type Result } from '../common/result';
import { TEAM_ROLES, TEAM_ROLE_LABELS, type MissingPost, type Team, type TeamMember, type TeamPerson, type TeamRole } from './team.schema';

/**
 * How many of each post a compound's team holds (seed 000, 大东区).
 * 卡口值守员 are counted per checkpoint.
 */
export const POST_LIMITS: Record<TeamRole, { min: number; max: number }> = {
  pointLeader: { min: 1, max: 1 },
  emergencyLeader: { min: 2, max: 2 },
  honoraryLeader: { min: 0, max: Number.POSITIVE_INFINITY },
  propertyManager: { min: 1, max: 1 },
  checkpointGuard: { min: 3, max: 5 },
  medicalPatroller: { min: 1, max: 1 },
  policePatroller: { min: 1, max: 1 },
  streetOfficer: { min: 1, max: 1 },
};

export type TeamChangeRequest =
  | { kind: 'add'; role: TeamRole; checkpoint?: string; person: TeamPerson; memberId: string }
  | { kind: 'replace'; memberId: string; person: TeamPerson; newMemberId: string }
  | { kind: 'remove'; memberId: string };

export type AppliedChange = {
  members: TeamMember[];
  role: TeamRole;
  before: TeamMember | null;
  after: TeamMember | null;
};

const countOf = (members: TeamMember[], role: TeamRole, checkpoint?: string) =>
  members.filter((m) => m.role === role && (role !== 'checkpointGuard' || m.checkpoint === checkpoint)).length;

/**
 * Applies one change to a team, enforcing the upper bounds of the seeds' rules.
 * Lower bounds are not enforced here: removing someone leaves an incomplete card that says what is missing.
 */
export function applyTeamChange(members: TeamMember[], checkpoints: string[], change: TeamChangeRequest): Result<AppliedChange> {
  if (change.kind === 'add') {
    const { role } = change;
    let checkpoint: string | undefined;
    if (role === 'checkpointGuard') {
      if (!change.checkpoint) return err('TEAM.CHECKPOINT_REQUIRED');
      if (!checkpoints.includes(change.checkpoint)) return err('TEAM.UNKNOWN_CHECKPOINT', { checkpoint: change.checkpoint, checkpoints });
      checkpoint = change.checkpoint;
      if (countOf(members, role, checkpoint) >= POST_LIMITS.checkpointGuard.max)
        return err('TEAM.CHECKPOINT_FULL', { checkpoint, max: POST_LIMITS.checkpointGuard.max });
    } else if (countOf(members, role) >= POST_LIMITS[role].max) {
      return err('TEAM.ROLE_FULL', { role, max: POST_LIMITS[role].max });
    }
    if (members.some((m) => m.role === role && m.phone === change.person.phone))
      return err('TEAM.DUPLICATE_PERSON', { role, phone: change.person.phone });
    const added: TeamMember = { ...change.person, id: change.memberId, role, ...(checkpoint ? { checkpoint } : {}) };
    return ok({ members: sortMembers([...members, added]), role, before: null, after: added });
  }
  const index = members.findIndex((m) => m.id === change.memberId);
  const before = members[index];
  if (!before) return err('TEAM.MEMBER_NOT_FOUND', { memberId: change.memberId });
  if (change.kind === 'remove') {
    return ok({ members: members.filter((m) => m.id !== before.id), role: before.role, before, after: null });
  }
  if (members.some((m) => m.id !== before.id && m.role === before.role && m.phone === change.person.phone))
    return err('TEAM.DUPLICATE_PERSON', { role: before.role, phone: change.person.phone });
  const after: TeamMember = {
    ...change.person,
    id: change.newMemberId,
    role: before.role,
    ...(before.checkpoint ? { checkpoint: before.checkpoint } : {}),
  };
  const next = members.slice();
  next[index] = after;
  return ok({ members: next, role: before.role, before, after });
}

/** The posts a card still lacks, in the card's order. An empty list means the team is complete. */
export function missingPosts(members: TeamMember[], checkpoints: string[]): MissingPost[] {
  const missing: MissingPost[] = [];
  for (const role of TEAM_ROLES) {
    const { min } = POST_LIMITS[role];
    if (role === 'checkpointGuard') {
      for (const checkpoint of checkpoints) {
        const have = countOf(members, role, checkpoint);
        if (have < min) missing.push({ role, checkpoint, have, need: min });
      }
    } else {
      const have = countOf(members, role);
      if (have < min) missing.push({ role, have, need: min });
    }
  }
  return missing;
}

/** "缺少：应急点长 1 名；东门卡口值守员 2 名" */
export function describeMissing(missing: MissingPost[]): string {
  if (missing.length === 0) return '';
  return `缺少：${missing
    .map((m) => `${m.checkpoint ? `${m.checkpoint}` : ''}${TEAM_ROLE_LABELS[m.role]} ${m.need - m.have} 名`)
    .join('；')}`;
}

const roleOrder = (role: TeamRole) => TEAM_ROLES.indexOf(role);

/** The card's order: seed role order, guards grouped by checkpoint, otherwise as added. */
export function sortMembers(members: TeamMember[]): TeamMember[] {
  return members
    .map((m, i) => ({ m, i }))
    .sort((a, b) => roleOrder(a.m.role) - roleOrder(b.m.role) || (a.m.checkpoint ?? '').localeCompare(b.m.checkpoint ?? '') || a.i - b.i)
    .map(({ m }) => m);
}

/** Groups the members by role in the seeds' order; roles nobody holds are still listed (empty). */
export function groupByRole(members: TeamMember[]): { role: TeamRole; label: string; members: TeamMember[] }[] {
  return TEAM_ROLES.map((role) => ({
    role,
    label: TEAM_ROLE_LABELS[role],
    members: members.filter((m) => m.role === role),
  }));
}

export type { Team };
