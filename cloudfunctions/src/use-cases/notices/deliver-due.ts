import {
  MAX_DELIVERY_ATTEMPTS,
  noticeMessageData,
  noticeState,
  ok,
  retryDelayMs,
  type DeliverReport,
  type DeliveryStatus,
  type Result,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { spendGrantAndSend, type SendOutcome } from '../notifications/spend-grant-and-send';
import { bumpCounters, deliveryId, noticePage, type DeliveryDoc, type NoticeDoc } from './notice-records';

export interface DeliverOptions {
  /** Due rows read per query (CloudBase answers at most 1000). */
  batchSize: number;
  /** Messages in flight at once. */
  concurrency: number;
  /** Wall time one run may spend; the function's timeout is 20 s and a timer run must end well inside it. */
  budgetMs: number;
  /** How long a claim holds. Longer than any run, so only a run that died loses its rows to recovery. */
  leaseMs: number;
  /** Everyone pauses this long when WeChat says "slow down"; doubled while it keeps saying so. */
  slowDownMs: number;
  /** The longest single pause. */
  maxSlowDownMs: number;
  /** Times one message waits out a slow-down before its row goes back to the queue. */
  maxSlowDowns: number;
}

export const DEFAULT_DELIVER_OPTIONS: DeliverOptions = {
  batchSize: 200,
  concurrency: 10,
  budgetMs: 14_000,
  leaseMs: 120_000,
  slowDownMs: 200,
  maxSlowDownMs: 8_000,
  maxSlowDowns: 8,
};

/** A claimed-but-unfinished row whose lease ran out: its run died, maybe mid-send. */
const RECOVERY_PAGE = 1000;
/** Rows of a notice still being written wait this long before they are looked at again. */
const PREPARING_DEFER_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The sender: sends due outbox rows as WeChat subscribe messages. Safe to run twice at once and
 * to crash anywhere:
 *
 * - A row is claimed before it is sent, by a conditional update (pending → sending, with a claim
 *   token, a lease and attempts + 1, only if attempts is what we read): two runs cannot both
 *   claim it. Every later write about the row is conditional on our claim token.
 * - A send that throws is treated as not sent (the notifiers answer 'failed' for anything WeChat
 *   may have received): the row goes back to pending, then the run stops, as a crash would.
 * - A row left in `sending` after its lease (the run died between claiming and recording the
 *   outcome) may or may not have gone out. It is closed as `unknown` and never sent again:
 *   for a resident two copies of a notice are worse than a missing push, and the feed, the badge
 *   and the door-knocking list still reach them.
 * - 'failed' goes back to pending after a growing delay (retryDelayMs), up to MAX_DELIVERY_ATTEMPTS.
 * - Rows of notices withdrawn or expired are cancelled; reminders to people who have read since are
 *   cancelled too.
 */
export async function deliverDue(ctx: Ctx, _input: unknown = {}, options: Partial<DeliverOptions> = {}): Promise<Result<DeliverReport>> {
  const opts = { ...DEFAULT_DELIVER_OPTIONS, ...options };
  const { store, clock, ids } = ctx.ports;
  // wall time, not the clock port: the budget is about the function's real timeout, and tests freeze the clock
  const started = Date.now();
  const withinBudget = () => Date.now() - started < opts.budgetMs;
  const report: DeliverReport = {
    claimed: 0,
    sent: 0,
    noGrant: 0,
    retrying: 0,
    failed: 0,
    cancelled: 0,
    deferred: 0,
    recoveredUnknown: 0,
    rateLimited: 0,
    stoppedBy: 'drained',
  };

  // rows a dead run left mid-send
  for (;;) {
    const stuck = await store.find<DeliveryDoc>(COLLECTIONS.noticeDeliveries, {
      where: { status: 'sending', leaseUntil: { lt: clock.now().toISOString() } },
      orderBy: [['status', 'asc'], ['leaseUntil', 'asc']],
      limit: RECOVERY_PAGE,
    });
    for (const row of stuck) {
      const closed = await store.update(
        COLLECTIONS.noticeDeliveries,
        row._id,
        { set: { status: 'unknown', outcomeAt: clock.now().toISOString(), reason: 'lease expired mid-send' }, unset: ['leaseUntil'] },
        { status: 'sending', claim: row.claim ?? null },
      );
      if (closed) report.recoveredUnknown += 1;
    }
    if (stuck.length < RECOVERY_PAGE) break;
  }

  const notices = new Map<string, NoticeDoc | null>();
  // one pause for every worker; it doubles while WeChat keeps answering "slow down" right after a
  // pause, and falls back to the base once a message goes through
  let pauseUntil = 0;
  let pauseMs = opts.slowDownMs;
  const slowDown = () => {
    const now = Date.now();
    if (now < pauseUntil) return; // another worker already started this pause
    pauseUntil = now + pauseMs;
    pauseMs = Math.min(pauseMs * 2, opts.maxSlowDownMs);
  };

  /** Records a row's outcome if our claim still holds it. */
  const finish = (row: DeliveryDoc, claim: string, status: DeliveryStatus, extra: Record<string, unknown> = {}) =>
    store.update(
      COLLECTIONS.noticeDeliveries,
      row._id,
      { set: { status, outcomeAt: clock.now().toISOString(), ...extra }, unset: ['claim', 'leaseUntil'] },
      { status: 'sending', claim },
    );

  /** Puts a claimed row back in the queue. */
  const release = (row: DeliveryDoc, claim: string, delayMs: number, countAttempt: boolean) =>
    store.update(
      COLLECTIONS.noticeDeliveries,
      row._id,
      {
        set: { status: 'pending', nextAttemptAt: new Date(clock.now().getTime() + delayMs).toISOString() },
        unset: ['claim', 'leaseUntil'],
        ...(countAttempt ? {} : { inc: { attempts: -1 } }),
      },
      { status: 'sending', claim },
    );

  async function processRow(row: DeliveryDoc): Promise<void> {
    const now = clock.now();
    const claim = ids.newId();
    const claimed = await store.update(
      COLLECTIONS.noticeDeliveries,
      row._id,
      { set: { status: 'sending', claim, leaseUntil: new Date(now.getTime() + opts.leaseMs).toISOString() }, inc: { attempts: 1 } },
      { status: 'pending', attempts: row.attempts },
    );
    if (!claimed) return; // another run has it
    report.claimed += 1;
    const attempts = row.attempts + 1;

    const notice = notices.get(row.noticeId) ?? null;
    const state = notice ? noticeState(notice, now) : 'withdrawn';
    if (state === 'preparing') {
      await release(row, claim, PREPARING_DEFER_MS, false);
      report.deferred += 1;
      return;
    }
    if (!notice || state === 'withdrawn' || state === 'expired') {
      if (await finish(row, claim, 'cancelled', { reason: state })) report.cancelled += 1;
      return;
    }
    if (row.round > 0) {
      const first = await store.get<DeliveryDoc>(COLLECTIONS.noticeDeliveries, deliveryId(row.noticeId, row.openid));
      if (first?.read) {
        if (await finish(row, claim, 'cancelled', { reason: 'read' })) report.cancelled += 1;
        return;
      }
    }

    let outcome: SendOutcome = 'rate-limited';
    for (let slowDowns = 0; slowDowns < opts.maxSlowDowns; slowDowns++) {
      // a pause that would outlast the run's budget: give the row back rather than overrun the timeout
      if (pauseUntil > started + opts.budgetMs) break;
      const wait = pauseUntil - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        outcome = await spendGrantAndSend(ctx.ports, {
          toOpenid: row.openid,
          template: 'notice',
          page: noticePage(notice._id),
          data: noticeMessageData(notice, row.round > 0),
        });
      } catch (e) {
        // nothing went out: back to the queue (as a counted attempt, so a poisoned row cannot crash every run)
        await release(row, claim, retryDelayMs(attempts), true);
        throw e;
      }
      if (outcome !== 'rate-limited') break;
      report.rateLimited += 1;
      slowDown();
    }

    if (outcome === 'sent') {
      pauseMs = opts.slowDownMs;
      // "delivered" counts people, once, whichever round reached them first. A first-round row is
      // that person's own record (reminders are only queued once it is settled), so its finish
      // says so in the same write; a reminder marks the person's first-round row.
      if (!(await finish(row, claim, 'sent', row.round === 0 ? { delivered: true } : {}))) return;
      report.sent += 1;
      const first =
        row.round === 0 ||
        (await store.update(COLLECTIONS.noticeDeliveries, deliveryId(row.noticeId, row.openid), { set: { delivered: true } }, { delivered: false }));
      if (first) await bumpCounters(store, row.noticeId, row.unitId, { delivered: 1 });
    } else if (outcome === 'no-grant' || outcome === 'off') {
      if (!(await finish(row, claim, 'noGrant', { reason: outcome }))) return;
      report.noGrant += 1;
      if (row.round === 0) await bumpCounters(store, row.noticeId, row.unitId, { noGrant: 1 });
    } else if (outcome === 'rate-limited') {
      // WeChat is still asking us to slow down: not this row's fault, try again soon
      if (await release(row, claim, opts.slowDownMs, false)) report.retrying += 1;
    } else if (attempts >= MAX_DELIVERY_ATTEMPTS) {
      if (await finish(row, claim, 'failed', { reason: 'gave up' })) report.failed += 1;
    } else if (await release(row, claim, retryDelayMs(attempts), true)) report.retrying += 1;
  }

  while (withinBudget()) {
    const due = await store.find<DeliveryDoc>(COLLECTIONS.noticeDeliveries, {
      where: { status: 'pending', nextAttemptAt: { lte: clock.now().toISOString() } },
      orderBy: [['status', 'asc'], ['nextAttemptAt', 'asc']],
      limit: opts.batchSize,
    });
    if (due.length === 0) return ok(report);
    const unknown = [...new Set(due.map((d) => d.noticeId))].filter((id) => !notices.has(id));
    const loaded = await store.getMany<NoticeDoc>(COLLECTIONS.notices, unknown);
    for (const id of unknown) notices.set(id, loaded.find((n) => n._id === id) ?? null);

    // a small pool: `concurrency` messages in flight; the first failure stops new claims
    let next = 0;
    let failure: { error: unknown } | null = null;
    const worker = async () => {
      while (!failure && next < due.length && withinBudget()) {
        const row = due[next++]!;
        try {
          await processRow(row);
        } catch (error) {
          failure ??= { error };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
    if (failure) throw (failure as { error: unknown }).error;
  }
  report.stoppedBy = 'budget';
  return ok(report);
}
