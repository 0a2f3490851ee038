import { describe, expect, it } from 'vitest';
import {
  duplicateMember,
  isServiceDay,
  memberPostOf,
  missingGroupPosts,
  nextServiceDate,
  serviceDaySchedule,
  serviceDayText,
  workGroupMonth,
} from './work-group.rules';
import { scheduleInputSchema } from '../booking/schedule.schema';
import { workGroupInputSchema, type WorkGroupMember } from './work-group.schema';

const THURSDAY = { weekday: 4, start: '09:00', end: '11:30', place: '南湖社区党群服务中心' };

describe('the service day (每周四 服务群众工作日)', () => {
  it.each([
    ['2026-11-26T01:00:00Z', true, '2026-11-26'], // Thursday 09:00 Shanghai
    ['2026-11-25T16:30:00Z', true, '2026-11-26'], // Thursday 00:30 Shanghai, still Wednesday in UTC
    ['2026-11-26T16:30:00Z', false, '2026-12-03'], // Friday 00:30 Shanghai
    ['2026-11-20T02:00:00Z', false, '2026-11-26'], // Friday
    ['2026-11-22T10:00:00Z', false, '2026-11-26'], // Sunday (ISO 7)
  ])('at %s it is the day: %s, the next is %s', (at, today, next) => {
    expect(isServiceDay(THURSDAY, new Date(at))).toBe(today);
    expect(nextServiceDate(THURSDAY, new Date(at))).toBe(next);
  });
  it('a Sunday group counts Sunday as weekday 7', () => {
    expect(isServiceDay({ weekday: 7 }, new Date('2026-11-22T02:00:00Z'))).toBe(true);
  });
  it('reads as residents say it', () => {
    expect(serviceDayText(THURSDAY)).toBe('每周四 09:00–11:30，南湖社区党群服务中心');
  });
});

describe('a group’s make-up', () => {
  const m = (name: string, post: WorkGroupMember['post']): WorkGroupMember => ({ name, post, unit: '区民政局' });
  it.each([
    [[m('甲', 'districtLeader'), m('乙', 'departmentLeader'), m('丙', 'streetLeader')], []],
    [
      [m('甲', 'districtLeader'), m('丁', 'communityCadre')],
      ['departmentLeader', 'streetLeader'],
    ],
    [[], ['districtLeader', 'departmentLeader', 'streetLeader']],
  ] as const)('members %j lack %j', (members, missing) => {
    expect(missingGroupPosts(members)).toEqual(missing);
  });
  it('refuses the same name twice', () => {
    expect(duplicateMember([m('甲', 'districtLeader'), m('乙', 'streetLeader'), m('甲', 'communityCadre')])).toBe('甲');
    expect(duplicateMember([m('甲', 'districtLeader'), m('乙', 'streetLeader')])).toBeNull();
  });
  it('names the member by their post, or as a member when their name is not on the list', () => {
    const members = [m('韩明', 'departmentLeader')];
    expect(memberPostOf(members, '韩明')).toEqual({ name: '韩明', label: '区级部门领导（区民政局）' });
    expect(memberPostOf(members, '王五')).toEqual({ name: '王五', label: '工作组成员' });
  });
  it('refuses a day shorter than half an hour, and no members', () => {
    const bad = workGroupInputSchema.safeParse({ name: '工作组', members: [], day: { ...THURSDAY, end: '09:20' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual(['请至少添加一位成员', '接访时间至少要 30 分钟']);
  });
});

describe('the group as a bookable service (booking reused)', () => {
  it('opens half-hour slots on the service day only, a valid booking schedule', () => {
    const s = serviceDaySchedule({ name: '南岸区服务群众工作组', day: THURSDAY, seats: 3 });
    expect(s.rules).toEqual([{ weekday: 4, start: '09:00', end: '11:30' }]);
    expect(s.slotMinutes).toBe(30);
    expect(s.makeUpDayAs).toBe(4);
    expect(scheduleInputSchema.safeParse(s).success).toBe(true);
  });
  it('a weekend group makes up as Monday (a make-up workday opens only weekday hours)', () => {
    expect(serviceDaySchedule({ name: '工作组', day: { ...THURSDAY, weekday: 6 }, seats: 1 }).makeUpDayAs).toBe(1);
  });
});

describe('the community’s month with its group', () => {
  const p = (createdAt: string, status: 'accepted' | 'handling' | 'resolved' | 'closed', dispatched = false) => ({
    createdAt,
    status,
    dispatched,
  });
  it.each([
    {
      what: 'nothing yet',
      problems: [],
      bookings: [],
      want: { daysHeld: 0, bookingsAttended: 0, bookingsMade: 0, collected: 0, dispatched: 0, solved: 0 },
    },
    {
      what: 'two Thursdays: bookings attended and problems collected, one cancelled booking, one problem of last month',
      problems: [
        p('2026-11-05T02:00:00Z', 'handling', true),
        p('2026-11-05T03:00:00Z', 'closed', true),
        p('2026-11-12T02:00:00Z', 'resolved'),
        p('2026-10-29T02:00:00Z', 'closed'),
      ],
      bookings: [
        { date: '2026-11-05', status: 'checkedIn' as const },
        { date: '2026-11-19', status: 'checkedIn' as const },
        { date: '2026-11-19', status: 'noShow' as const },
        { date: '2026-11-26', status: 'cancelled' as const },
        { date: '2026-11-26', status: 'booked' as const },
      ],
      want: { daysHeld: 3, bookingsAttended: 2, bookingsMade: 4, collected: 3, dispatched: 2, solved: 2 },
    },
    {
      what: 'a problem filed at 00:30 Shanghai on the 1st belongs to the new month',
      problems: [p('2026-11-30T16:30:00Z', 'accepted')],
      bookings: [],
      want: { daysHeld: 0, bookingsAttended: 0, bookingsMade: 0, collected: 0, dispatched: 0, solved: 0 },
    },
  ])('$what', ({ problems, bookings, want }) => {
    expect(workGroupMonth('2026-11', problems, bookings)).toEqual({ month: '2026-11', ...want });
  });
});
