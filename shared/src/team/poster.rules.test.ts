import { describe, expect, it } from 'vitest';
import { buildingHeads, hallOf, outdatedPosters, posterGroups, teamFingerprint } from './poster.rules';
import type { TeamMember } from './team.schema';

const m = (id: string, role: TeamMember['role'], name: string, extra: Partial<TeamMember> = {}): TeamMember => ({
  id,
  role,
  name,
  phone: `139${id.padStart(8, '0')}`,
  dutyHours: '全天',
  services: [],
  ...extra,
});
const TEAM = [
  m('1', 'checkpointGuard', '卫北', { checkpoint: '北门' }),
  m('2', 'pointLeader', '李斌'),
  m('3', 'checkpointGuard', '卫东', { checkpoint: '东门' }),
  m('4', 'honoraryLeader', '王建国', { title: '1号楼楼栋长' }),
  m('5', 'honoraryLeader', '张志强', { title: '1号楼2单元单元长' }),
];

describe('poster rules', () => {
  it('prints the card’s order: roles as the seeds list them, guards by checkpoint, empty roles left off', () => {
    expect(posterGroups(TEAM).map((g) => [g.label, g.members.map((x) => x.name)])).toEqual([
      ['小区点长', ['李斌']],
      ['荣誉点长', ['王建国', '张志强']],
      ['卡口值守员', ['卫东', '卫北']],
    ]);
  });

  it.each<[string, TeamMember[], boolean]>([
    ['the same team', TEAM.map((x) => ({ ...x })), true],
    ['a new list of services (not printed)', TEAM.map((x) => ({ ...x, services: ['代办'] })), true],
    ['new member ids (a replace with the same person)', TEAM.map((x) => ({ ...x, id: `n${x.id}` })), true],
    ['a phone changed', TEAM.map((x, i) => (i === 1 ? { ...x, phone: '13900000000' } : x)), false],
    ['duty hours changed', TEAM.map((x, i) => (i === 1 ? { ...x, dutyHours: '工作日' } : x)), false],
    ['a title changed', TEAM.map((x, i) => (i === 3 ? { ...x, title: '2号楼楼栋长' } : x)), false],
    ['someone removed', TEAM.slice(1), false],
  ])('fingerprint after %s: same = %s', (_, team, same) => {
    expect(teamFingerprint(team) === teamFingerprint(TEAM)).toBe(same);
    expect(outdatedPosters([{ fingerprint: teamFingerprint(TEAM) }], team)).toHaveLength(same ? 0 : 1);
  });

  it('a building’s heads from the team’s titles; a unit without one has none', () => {
    const heads = buildingHeads(TEAM, '1号楼', [
      { _id: 'u1', name: '1单元' },
      { _id: 'u2', name: '2单元' },
    ]);
    expect(heads.head).toMatchObject({ name: '王建国' });
    expect(heads.units).toEqual([
      { unitId: 'u1', unitName: '1单元', head: null },
      { unitId: 'u2', unitName: '2单元', head: expect.objectContaining({ name: '张志强' }) },
    ]);
    expect(buildingHeads(TEAM, '2号楼', []).head).toBeNull();
  });

  it('the hall is the first 便民服务 of the catalogue, else its first service, else none', () => {
    const s = (category: 'legal' | 'convenience', location: string) => ({ category, location, hours: 'h', contact: 'c' });
    expect(hallOf([s('legal', '二楼'), s('convenience', '大厅')])).toEqual({ location: '大厅', hours: 'h', phone: 'c' });
    expect(hallOf([s('legal', '二楼')])?.location).toBe('二楼');
    expect(hallOf([])).toBeNull();
  });
});
