import type { Binding, DeliverReport, Envelope, NoticeView, ReachCounts } from '@linli/shared';
import type { LocalPorts } from '../dev/local-ports';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import type { Notifier, NotifyMessage, NotifyOutcome } from '../src/ports/notifier';
import type { Doc } from '../src/ports/store';
import { findAll } from '../src/use-cases/find-all';
import { subscriptionId } from '../src/use-cases/notifications/spend-grant-and-send';
import type { Call } from './harness';
import { data } from './harness';

export const LEADER = 'dev-leader-xinguang';
export const STAFF = 'dev-staff-xinguang';
export const STREET = 'dev-street';
export const RESIDENT = 'dev-resident-2'; // 新光花园 2号楼1单元302
export const SPOUSE = 'seed-notice-resident-spouse'; // the same household

let keySeq = 0;
export const newKey = () => `test-key-${Date.now().toString(36)}-${(keySeq++).toString(36)}`;

export function publish(call: Call, openid: string, extra: Record<string, unknown> = {}) {
  return call(
    'notices',
    'publish',
    {
      requestKey: newKey(),
      title: '明日停水通知',
      body: '明天 9:00–12:00 管道检修停水，请提前储水。',
      category: 'outage',
      targetIds: ['p-xinguang'],
      ...extra,
    },
    openid,
  );
}

export async function publishOk(call: Call, openid: string, extra: Record<string, unknown> = {}) {
  return data(await publish(call, openid, extra)) as { notice: NoticeView; counts: ReachCounts };
}

/** Approved residents bound in the given compounds, read straight from the store (the expected audience). */
export async function approvedIn(ports: LocalPorts, compoundIds: string[], within?: (householdId: string) => boolean): Promise<Binding[]> {
  const all = await findAll(ports.store, COLLECTIONS.bindings, { status: 'approved' }, [['_id', 'asc']], 100_000);
  return all.filter((b) => compoundIds.includes(b.compoundId) && (!within || within(b.householdId)));
}

export async function rowsOf(
  ports: LocalPorts,
  noticeId: string,
): Promise<(Doc & { openid: string; status: string; round: number; attempts: number })[]> {
  return findAll(ports.store, COLLECTIONS.noticeDeliveries, { noticeId }, [['_id', 'asc']]);
}

/** Gives every listed person `n` notice grants. */
export async function grantAll(ports: LocalPorts, openids: readonly string[], n = 5): Promise<void> {
  for (const openid of openids)
    await ports.store.put(COLLECTIONS.subscriptions, {
      _id: subscriptionId(openid, 'notice'),
      openid,
      template: 'notice',
      remaining: n,
      off: false,
      updatedAt: '',
    });
}

/** A stand-in for WeChat that records what it was asked to send; `answer` decides each outcome. */
export function recordingNotifier(
  answer: (message: NotifyMessage, index: number) => NotifyOutcome | Promise<NotifyOutcome> = () => 'sent',
) {
  const sent: NotifyMessage[] = [];
  let calls = 0;
  const notifier: Notifier = {
    async send(message) {
      const outcome = await answer(message, calls++);
      if (outcome === 'sent') sent.push(message);
      return outcome;
    },
  };
  /** How many times each person received a message of this notice (reminders included when `page` matches). */
  const perPerson = (noticeId: string) => {
    const counts = new Map<string, number>();
    for (const m of sent)
      if (m.page.endsWith(`id=${encodeURIComponent(noticeId)}`)) counts.set(m.toOpenid, (counts.get(m.toOpenid) ?? 0) + 1);
    return counts;
  };
  return { notifier, sent, perPerson, calls: () => calls };
}

let timerSeq = 0;
/** Runs the sender exactly as the platform's timer does (a Timer event through dispatch), quietly. */
export const runSender = (ports: LocalPorts): Promise<Envelope<DeliverReport>> =>
  dispatch(
    FUNCTIONS.notices,
    { Type: 'Timer', TriggerName: 'notices-timer', Time: ports.clock.now().toISOString() },
    fromTimer,
    ports,
    `timer-${timerSeq++}`,
    {
      error: () => undefined,
    },
  ) as Promise<Envelope<DeliverReport>>;
