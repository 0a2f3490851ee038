import type { ScheduleInput } from '../booking/schedule.schema';
import type { ServiceInput } from '../catalogue/service.schema';
import { inShanghai, shanghaiDate } from '../common/time';
import type { RequestStatus } from '../requests/request.schema';
import {
  WORK_GROUP_POST_LABELS,
  WORK_GROUP_REQUIRED_POSTS,
  weekdayLabel,
  type ServiceDay,
  type WorkGroupInput,
  type WorkGroupMember,
  type WorkGroupPost,
} from './work-group.schema';

/** "每周四 09:00–11:30，南湖社区党群服务中心". */
export const serviceDayText = (d: ServiceDay) => `每${weekdayLabel(d.weekday)} ${d.start}–${d.end}，${d.place}`;

/** Whether the Shanghai date of `at` is the group's service day. */
export const isServiceDay = (d: Pick<ServiceDay, 'weekday'>, at: Date): boolean => (inShanghai(at).day() || 7) === d.weekday;

/** The next service day's Shanghai date on or after `at` (today when today is the day). */
export function nextServiceDate(d: Pick<ServiceDay, 'weekday'>, at: Date): string {
  const today = inShanghai(at);
  const ahead = (d.weekday - (today.day() || 7) + 7) % 7;
  return shanghaiDate(today.add(ahead, 'day').toDate());
}

/** The posts the seed's rule asks for that the group lacks (shown as a reminder, not refused). */
export const missingGroupPosts = (members: readonly Pick<WorkGroupMember, 'post'>[]): WorkGroupPost[] =>
  WORK_GROUP_REQUIRED_POSTS.filter((p) => !members.some((m) => m.post === p));
export const missingPostsText = (members: readonly Pick<WorkGroupMember, 'post'>[]) => {
  const missing = missingGroupPosts(members);
  return missing.length ? `还缺${missing.map((p) => WORK_GROUP_POST_LABELS[p]).join('、')}` : '';
};

/** Two members of one group with the same name would be indistinguishable on the card and in the figures. */
export function duplicateMember(members: readonly Pick<WorkGroupMember, 'name'>[]): string | null {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.name)) return m.name;
    seen.add(m.name);
  }
  return null;
}

/**
 * The group as a bookable service of the community (booking is reused, not rebuilt): one catalogue
 * entry of category 服务群众工作日, whose schedule opens half-hour slots on the service day only.
 */
export function serviceDayService(group: Pick<WorkGroupInput, 'name' | 'day' | 'members'>): ServiceInput {
  return {
    name: '服务群众工作日接访',
    category: 'serviceDay',
    description: `${group.name}每${weekdayLabel(group.day.weekday)}到社区调查研究、接访群众、解疑释惑。有困难、有意见建议，可以预约当面反映。`,
    materials: [],
    location: group.day.place,
    hours: `每${weekdayLabel(group.day.weekday)} ${group.day.start}–${group.day.end}`,
    contact: group.members[0] ? `${group.members[0].unit} ${group.members[0].name}` : group.name,
    bookable: true,
  };
}
export function serviceDaySchedule(group: Pick<WorkGroupInput, 'name' | 'day' | 'seats'>): ScheduleInput {
  return {
    rules: [{ weekday: group.day.weekday, start: group.day.start, end: group.day.end }],
    slotMinutes: 30,
    seats: group.seats,
    servedBy: group.name.slice(0, 30),
    room: group.day.place,
    windowDays: 14,
    noticeMinutes: 30,
    cancelCutoffMinutes: 60,
    makeUpDayAs: group.day.weekday <= 5 ? group.day.weekday : 1,
    closedDates: [],
    maxActivePerResident: 1,
    noShow: { limit: 3, withinDays: 30, blockDays: 14 },
  };
}

/** The post a member holds, found by the name they signed in with; a member not on the list is 工作组成员. */
export function memberPostOf(members: readonly WorkGroupMember[], name: string | undefined): { name: string; label: string } {
  const m = name ? members.find((x) => x.name === name) : undefined;
  return m ? { name: m.name, label: `${WORK_GROUP_POST_LABELS[m.post]}（${m.unit}）` } : { name: name ?? '', label: '工作组成员' };
}

export interface CollectedProblem {
  createdAt: string;
  status: RequestStatus;
  dispatched: boolean;
}
export interface GroupBooking {
  date: string;
  status: 'booked' | 'cancelled' | 'checkedIn' | 'noShow';
}
export interface WorkGroupMonth {
  month: string;
  /** Service days held: the days of the month on which the group received a booked resident or collected a problem. */
  daysHeld: number;
  /** Bookings with the group that the resident came to (签到). */
  bookingsAttended: number;
  bookingsMade: number;
  collected: number;
  dispatched: number;
  solved: number;
}

const SOLVED: readonly RequestStatus[] = ['resolved', 'closed'];

/** The community's month with its working group: visits, problems collected, dispatched, solved. */
export function workGroupMonth(month: string, problems: readonly CollectedProblem[], bookings: readonly GroupBooking[]): WorkGroupMonth {
  const inMonth = problems.filter((p) => shanghaiDate(p.createdAt).startsWith(month));
  const booked = bookings.filter((b) => b.date.startsWith(month) && b.status !== 'cancelled');
  const attended = booked.filter((b) => b.status === 'checkedIn');
  const days = new Set([...attended.map((b) => b.date), ...inMonth.map((p) => shanghaiDate(p.createdAt))]);
  return {
    month,
    daysHeld: days.size,
    bookingsAttended: attended.length,
    bookingsMade: booked.length,
    collected: inMonth.length,
    dispatched: inMonth.filter((p) => p.dispatched).length,
    solved: inMonth.filter((p) => SOLVED.includes(p.status)).length,
  };
}
