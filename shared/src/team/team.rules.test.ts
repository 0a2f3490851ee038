import { describe, expect, it } from 'vitest';
import { applyTeamChange, describeMissing, missingPosts, POST_LIMITS } from './team.rules';
import type { TeamMember, TeamRole } from './team.schema';

const person = (n: number) => ({ name: `人${n}`, phone: `139000000${String(n).padStart(2, '0')}`, dutyHours: '全天', services: [] });
let seq = 0;
const member = (role: TeamRole, checkpoint?: string): TeamMember => ({
  id: `m${++seq}`,
  role,
  ...person(seq),
  ...(checkpoint ? { checkpoint } : {}),
});

const complete = (): TeamMember[] => [
  member('pointLeader'),
  member('emergencyLeader'),
  member('emergencyLeader'),
  member('propertyManager'),
  member('checkpointGuard', '东门'),
  member('checkpointGuard', '东门'),
  member('checkpointGuard', '东门'),
  member('medicalPatroller'),
  member('policePatroller'),
  member('streetOfficer'),
];

describe('POST_LIMITS follow seed 000', () => {
  it.each([
    ['pointLeader', 1, 1],
    ['emergencyLeader', 2, 2],
    ['honoraryLeader', 0, Infinity],
    ['propertyManager', 1, 1],
    ['checkpointGuard', 3, 5],
    ['medicalPatroller', 1, 1],
    ['policePatroller', 1, 1],
    ['streetOfficer', 1, 1],
  ] as const)('%s: %i to %s', (role, min, max) => {
    expect(POST_LIMITS[role]).toEqual({ min, max });
  });
});

describe('missingPosts', () => {
  it.each([
    ['a complete team', (m: TeamMember[]) => m, []],
    ['no 小区点长', (m: TeamMember[]) => m.filter((x) => x.role !== 'pointLeader'), ['pointLeader:0/1']],
    ['one 应急点长', (m: TeamMember[]) => m.filter((x, i) => !(x.role === 'emergencyLeader' && i === 1)), ['emergencyLeader:1/2']],
    [
      'two guards at 东门',
      (m: TeamMember[]) => m.filter((x, i) => !(x.role === 'checkpointGuard' && i === 4)),
      ['checkpointGuard@东门:2/3'],
    ],
    [
      'an empty team',
      () => [],
      [
        'pointLeader:0/1',
        'emergencyLeader:0/2',
        'propertyManager:0/1',
        'checkpointGuard@东门:0/3',
        'medicalPatroller:0/1',
        'policePatroller:0/1',
        'streetOfficer:0/1',
      ],
    ],
  ])('%s', (_label, edit, expected) => {
    const missing = missingPosts(edit(complete()), ['东门']);
    expect(missing.map((m) => `${m.role}${m.checkpoint ? `@${m.checkpoint}` : ''}:${m.have}/${m.need}`)).toEqual(expected);
  });

  it('a checkpoint with no guards at all is missing three', () => {
    expect(describeMissing(missingPosts(complete(), ['东门', '北门']))).toBe('缺少：北门卡口值守员 3 名');
  });
});

describe('applyTeamChange', () => {
  it.each([
    ['pointLeader', undefined, 'TEAM.ROLE_FULL'],
    ['emergencyLeader', undefined, 'TEAM.ROLE_FULL'],
    ['honoraryLeader', undefined, 'OK'],
    ['checkpointGuard', '东门', 'OK'],
    ['checkpointGuard', undefined, 'TEAM.CHECKPOINT_REQUIRED'],
    ['checkpointGuard', '南门', 'TEAM.UNKNOWN_CHECKPOINT'],
  ] as const)('adding %s (%s) to a complete team → %s', (role, checkpoint, expected) => {
    const result = applyTeamChange(complete(), ['东门'], {
      kind: 'add',
      role,
      ...(checkpoint ? { checkpoint } : {}),
      person: person(99),
      memberId: 'new',
    });
    expect(result.ok ? 'OK' : result.error.code).toBe(expected);
  });

  it('replace keeps the role and checkpoint, swaps the person and records before/after', () => {
    const team = complete();
    const guard = team[4]!;
    const result = applyTeamChange(team, ['东门'], { kind: 'replace', memberId: guard.id, person: person(98), newMemberId: 'n1' });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.data.after).toMatchObject({ id: 'n1', role: 'checkpointGuard', checkpoint: '东门', name: '人98' });
    expect(result.data.before).toBe(guard);
    expect(result.data.members).toHaveLength(team.length);
  });

  it('refuses the same person twice in one role', () => {
    const team = complete();
    const result = applyTeamChange(team, ['东门'], { kind: 'add', role: 'honoraryLeader', person: person(1), memberId: 'x' });
    expect(result.ok).toBe(true);
    const again = applyTeamChange(result.ok ? result.data.members : [], ['东门'], {
      kind: 'add',
      role: 'honoraryLeader',
      person: person(1),
      memberId: 'y',
    });
    expect(again.ok ? 'OK' : again.error.code).toBe('TEAM.DUPLICATE_PERSON');
  });

  it('an unknown member is a clear error', () => {
    const result = applyTeamChange(complete(), [], { kind: 'remove', memberId: 'ghost' });
    expect(result.ok ? 'OK' : result.error.code).toBe('TEAM.MEMBER_NOT_FOUND');
  });
});
