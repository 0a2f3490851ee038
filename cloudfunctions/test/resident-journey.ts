/**
 * The resident-facing actions, run once each in the order a person meets them, through the real
 * dispatch over a counting store: the round trips each call makes (tests pin them, `npm run bench`
 * prints them with their projected CloudBase time). Used by tests and the bench only.
 */
import { countingStore, type RoundTrips } from './counting-store';
import { createTestApp, data } from './harness';

/** page: a resident's page load (≤ 3 round trips); write: a resident's write (≤ 6); book: one transaction plus at most 2. */
export type CostKind = 'page' | 'write' | 'book' | 'staff';

export const TARGETS: Record<CostKind, { serial: number; label: string }> = {
  page: { serial: 3, label: '≤ 3 (page load)' },
  write: { serial: 6, label: '≤ 6 (resident write)' },
  book: { serial: 2, label: '1 transaction + ≤ 2' },
  staff: { serial: Infinity, label: '—' },
};

export interface Measured {
  name: string;
  kind: CostKind;
  trips: RoundTrips;
  calls: string[];
}

const RESIDENT = 'dev-resident-1'; // 陈秀英, 中捷木材小区
const LEADER = 'dev-leader-zhongjie';
const BOOKER = 'dev-resident-2'; // 周国庆, 新光花园
const SOCIAL = 'c-xinguang-svc-3'; // 社保医保代办, weekdays, 3 seats

/**
 * Runs the journey on a fresh seeded app and answers each step's round trips. `book`'s non-transaction
 * round trips are what its target counts (`trips.serial` minus the transaction's own).
 */
export async function measureJourney(): Promise<Measured[]> {
  const app = await createTestApp();
  const store = countingStore(app.ports.store);
  app.ports.store = store;
  const out: Measured[] = [];
  const step = async (name: string, kind: CostKind, fn: string, action: string, input: unknown, openid: string) => {
    store.take();
    const answer = data(await app.call(fn, action, input, openid));
    const calls = store.calls();
    out.push({ name, kind, trips: store.take(), calls });
    return answer;
  };

  await step('identity.me', 'page', 'identity', 'me', {}, RESIDENT);
  await step('team.getCard', 'page', 'team', 'getCard', { compoundId: 'p-zhongjie' }, RESIDENT);
  await step('catalogue.list', 'page', 'catalogue', 'list', { communityId: 'c-zhongfang' }, RESIDENT);
  const published = await step(
    'notices.publish (72 households)',
    'staff',
    'notices',
    'publish',
    {
      requestKey: 'cost-key-000001',
      title: '明日停水通知',
      body: '明天 9:00–12:00 管道检修停水，请提前储水。',
      category: 'outage',
      targetIds: ['p-zhongjie'],
      needsAck: true,
    },
    LEADER,
  );
  const noticeId = (published as { notice: { _id: string } }).notice._id;
  await step('notices.feed', 'page', 'notices', 'feed', {}, RESIDENT);
  await step('notices.unreadCount', 'page', 'notices', 'unreadCount', {}, RESIDENT);
  await step('notices.open (notice detail)', 'page', 'notices', 'open', { noticeId }, RESIDENT);
  await step('notices.acknowledge', 'write', 'notices', 'acknowledge', { noticeId }, RESIDENT);
  const submitted = await step(
    'requests.submit',
    'write',
    'requests',
    'submit',
    {
      key: 'cost-key-000002',
      compoundId: 'p-zhongjie',
      category: 'repairs',
      description: '3号楼2单元楼道灯坏了，晚上很黑',
      location: { kind: 'home' },
    },
    RESIDENT,
  );
  const requestId = (submitted as { request: { id: string } }).request.id;
  await step('requests.mine', 'page', 'requests', 'mine', {}, RESIDENT);
  await step('requests.get', 'page', 'requests', 'get', { requestId }, RESIDENT);
  await step('requests.accept', 'staff', 'requests', 'accept', { requestId }, LEADER);
  await step('requests.triage', 'staff', 'requests', 'triage', { requestId, track: 'minor', handlerOpenid: LEADER }, LEADER);
  await step('requests.resolve', 'staff', 'requests', 'resolve', { requestId, result: '已更换灯泡', photos: [] }, LEADER);
  await step('requests.rate', 'write', 'requests', 'rate', { requestId, solved: true, satisfaction: 'satisfied' }, RESIDENT);
  await step('booking.days', 'page', 'booking', 'days', { serviceId: SOCIAL }, BOOKER);
  await step('booking.slots', 'page', 'booking', 'slots', { serviceId: SOCIAL, date: '2026-11-23' }, BOOKER);
  const booked = await step(
    'booking.book',
    'book',
    'booking',
    'book',
    {
      serviceId: SOCIAL,
      startAt: '2026-11-23T01:00:00.000Z',
      booker: { name: '周国庆', phone: '13804002002' },
      requestKey: 'cost-key-000003',
    },
    BOOKER,
  );
  await step('booking.mine', 'page', 'booking', 'mine', {}, BOOKER);
  await step('booking.cancel', 'write', 'booking', 'cancel', { bookingId: (booked as { booking: { _id: string } }).booking._id }, BOOKER);
  app.ports.close();
  return out;
}

/** Round trips on the critical path outside transactions: what `book`'s "+ at most 2" counts. */
export const outsideTransactions = (m: Measured): number => m.trips.serial - m.trips.inTransactions;

/** The figure a target is held against: serial round trips, or for `book` those outside its transaction. */
export const againstTarget = (m: Measured): number => (m.kind === 'book' ? outsideTransactions(m) : m.trips.serial);
