import { scheduleInputSchema, type Schedule, type ScheduleInputDraft } from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';
import { subscriptionId } from '../src/use-cases/notifications/spend-grant-and-send';
import { DEMO } from './seed-data';
import { seedResident } from './seed-resident';
import type { SubscriptionDoc } from '../src/ports/documents';

const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));

/**
 * The schedule of each service demoServices marks bookable (svc-N follows its order), the same in
 * every community of the demo street, so that every 在线预约 a resident sees leads to slots.
 * 法律咨询 has one seat per slot: the smallest case of "full", for the waitlist.
 */
const schedulesFor = (communityName: string): Record<string, ScheduleInputDraft> => ({
  // 证件照拍摄
  'svc-2': { rules: weekdays('09:00', '11:00'), slotMinutes: 20, seats: 2, servedBy: '便民服务大厅 1 号窗口' },
  // 社保医保代办
  'svc-3': {
    rules: [...weekdays('08:30', '11:30'), ...weekdays('13:30', '16:30')],
    slotMinutes: 30,
    seats: 3,
    servedBy: '便民服务大厅 3 号窗口',
  },
  // 人民调解: an hour per case, one room
  'svc-4': {
    rules: [...weekdays('09:00', '12:00'), ...weekdays('13:00', '16:00')],
    slotMinutes: 60,
    seats: 1,
    servedBy: '社区人民调解委员会',
  },
  // 法律咨询: the catalogue says Thursdays; the demo opens weekday afternoons too so there is always a slot within a week
  'svc-5': {
    rules: [{ weekday: 4, start: '09:00', end: '11:30' }, ...weekdays('14:00', '16:00')],
    slotMinutes: 30,
    seats: 1,
    servedBy: '社区法律顾问 何律师',
    room: `${communityName}党群服务中心二楼 法律服务室`,
    makeUpDayAs: 4,
  },
  // 服务群众工作日
  'svc-7': {
    rules: [
      { weekday: 3, start: '09:00', end: '11:30' },
      { weekday: 3, start: '14:00', end: '16:30' },
    ],
    slotMinutes: 30,
    seats: 4,
    servedBy: '社区“两委”班子',
  },
});

/** Every seeded schedule by service id (`c-xinguang-svc-3` …), with its community. */
export const DEMO_SCHEDULES: Record<string, ScheduleInputDraft & { communityId: string }> = Object.fromEntries(
  DEMO.communities.flatMap((c) =>
    Object.entries(schedulesFor(c.name)).map(([svc, draft]) => [`${c.id}-${svc}`, { ...draft, communityId: c.id }]),
  ),
);

/** Residents of 新光花园 for the booking tests (waitlists need several people). */
export const BOOKING_TEST_RESIDENTS = [
  { openid: 'dev-booker-1', name: '钱玉兰', phone: '13804003001', householdId: 'p-xinguang-b1-u2-201' },
  { openid: 'dev-booker-2', name: '冯志刚', phone: '13804003002', householdId: 'p-xinguang-b1-u2-202' },
  { openid: 'dev-booker-3', name: '褚桂芳', phone: '13804003003', householdId: 'p-xinguang-b3-u2-301' },
] as const;

/** Called from seedDemo after the places, services and users exist. */
export async function seedBooking(store: Store, clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  for (const [serviceId, { communityId, ...draft }] of Object.entries(DEMO_SCHEDULES)) {
    const schedule: Schedule = {
      _id: serviceId,
      serviceId,
      communityId,
      settings: scheduleInputSchema.parse(draft),
      version: 1,
      updatedAt: now,
      updatedBy: 'seed',
    };
    await store.put(COLLECTIONS.bookingSchedules, schedule);
  }
  for (const r of BOOKING_TEST_RESIDENTS) await seedResident(store, r, now);
  // each allowed a couple of 预约提醒 messages, so the demo shows them arriving
  for (const { openid } of BOOKING_TEST_RESIDENTS) {
    const grant: SubscriptionDoc = {
      _id: subscriptionId(openid, 'bookingReminder'),
      openid,
      template: 'bookingReminder',
      remaining: 2,
      off: false,
      updatedAt: now,
    };
    await store.put(COLLECTIONS.subscriptions, grant);
  }
}

/**
 * Many residents of 新光花园 at once (`${prefix}-1` …), for load tests and the benchmark: each
 * is a distinct person, as 1,000 phones would be.
 */
export async function seedCrowd(store: Store, clock: Clock, count: number, prefix = 'crowd'): Promise<string[]> {
  const now = clock.now().toISOString();
  const households = ['b1-u1', 'b1-u2', 'b2-u1', 'b2-u2', 'b3-u1', 'b3-u2'].flatMap((u) =>
    ['101', '102', '201', '202', '301', '302', '401', '402', '501', '502', '601', '602'].map((room) => `p-xinguang-${u}-${room}`),
  );
  const openids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const openid = `${prefix}-${i}`;
    await seedResident(
      store,
      { openid, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, householdId: households[i % households.length]! },
      now,
    );
    openids.push(openid);
  }
  return openids;
}
