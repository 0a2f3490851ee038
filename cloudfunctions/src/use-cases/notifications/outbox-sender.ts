/**
 * The machinery every outbox sender shares (notices: use-cases/notices/deliver-due.ts; requests and
 * bookings: deliver-messages.ts). A sender built on it is safe to run twice at once and to crash anywhere:
 *
 * - A row is claimed before it is sent, by a conditional update (pending → sending, with a claim
 *   token, a lease and attempts + 1, only if attempts is what we read): two runs cannot both
 *   claim it. Every later write about the row is conditional on our claim token.
 * - A send that throws is treated as not sent (the notifiers answer 'failed' for anything WeChat
 *   may have received): the row goes back to pending, then the run stops, as a crash would.
 * - A row left in `sending` after its lease (the run died between claiming and recording the
 *   outcome) may or may not have gone out. It is closed as `unknown` and never sent again:
 *   for a resident two copies of a message are worse than a missing push.
 * - 'failed' goes back to pending after a growing delay (retryDelayMs), up to MAX_DELIVERY_ATTEMPTS;
 *   'no-grant' and 'off' are recorded as `noGrant` with the reason.
 * - WeChat's "slow down" pauses every worker, doubling while it persists, within the run's budget;
 *   a row that cannot be sent before the budget runs out goes back to the queue uncounted.
 *
 * Rows need `status`, `attempts`, `nextAttemptAt` and the claim fields, and the collection needs
 * indexes on (status, nextAttemptAt) and (status, leaseUntil).
 */
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from '@linli/shared';
import { yieldToEventLoop } from '../timer-budget';
import type { Documents } from '../../ports/documents';
import type { Ctx } from '../../platform/context';

import { spendGrantAndSend, type SendOutcome, type TemplateMessage } from './spend-grant-and-send';

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

/** The fields the machinery reads and writes on a row. */
export type OutboxRow = {
  _id: string;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  claim?: string;
  leaseUntil?: string;
};

/** The counters every sender reports; a sender may add its own. */
export type SenderReport = {
  claimed: number;
  sent: number;
  noGrant: number;
  retrying: number;
  failed: number;
  recoveredUnknown: number;
  rateLimited: number;
  stoppedBy: 'drained' | 'budget';
};

export const emptySenderReport = (): SenderReport => ({
  claimed: 0,
  sent: 0,
  noGrant: 0,
  retrying: 0,
  failed: 0,
  recoveredUnknown: 0,
  rateLimited: 0,
  stoppedBy: 'drained',
});

/** A row this run holds: every write about it is conditional on `claim`. */
export type Held<R extends OutboxRow> = { row: R; claim: string; /** attempts including this one */ attempts: number; now: Date };

/** Stuck rows read per recovery query. */
const RECOVERY_PAGE = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The outboxes a sender drains: notice deliveries and the transactional messages. */
export type OutboxCollection = 'notice_deliveries' | 'message_outbox';

export function outboxSender<C extends OutboxCollection>(
  ctx: Ctx,
  collection: C,
  report: SenderReport,
  options: Partial<DeliverOptions> = {},
) {
  const opts = { ...DEFAULT_DELIVER_OPTIONS, ...options };
  const { store, clock, ids } = ctx.ports;
  // wall time, not the clock port: the budget is about the function's real timeout, and tests freeze the clock
  const started = Date.now();
  const withinBudget = () => Date.now() - started < opts.budgetMs;

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

  /** Closes as `unknown` the rows a dead run left mid-send (never re-sent: it may have gone out). */
  async function recover(): Promise<void> {
    for (;;) {
      const stuck = await store.find(collection, {
        where: { status: 'sending', leaseUntil: { lt: clock.now().toISOString() } },
        orderBy: [
          ['status', 'asc'],
          ['leaseUntil', 'asc'],
        ],
        limit: RECOVERY_PAGE,
      });
      for (const row of stuck) {
        const closed = await store.update(
          collection,
          row._id,
          { set: { status: 'unknown', outcomeAt: clock.now().toISOString(), reason: 'lease expired mid-send' }, unset: ['leaseUntil'] },
          { status: 'sending', claim: row.claim ?? null },
        );
        if (closed) report.recoveredUnknown += 1;
      }
      if (stuck.length < RECOVERY_PAGE) break;
    }
  }

  /** Takes a due row for this run, or null when another run has it. */
  async function claim(row: Documents[C]): Promise<Held<Documents[C]> | null> {
    const now = clock.now();
    const token = ids.newId();
    const claimed = await store.update(
      collection,
      row._id,
      { set: { status: 'sending', claim: token, leaseUntil: new Date(now.getTime() + opts.leaseMs).toISOString() }, inc: { attempts: 1 } },
      { status: 'pending', attempts: row.attempts },
    );
    if (!claimed) return null;
    report.claimed += 1;
    return { row, claim: token, attempts: row.attempts + 1, now };
  }

  /** Records a row's outcome if our claim still holds it. */
  const finish = (held: Held<Documents[C]>, status: string, extra: Record<string, unknown> = {}) =>
    store.update(
      collection,
      held.row._id,
      { set: { status, outcomeAt: clock.now().toISOString(), ...extra }, unset: ['claim', 'leaseUntil'] },
      { status: 'sending', claim: held.claim },
    );

  /** Puts a claimed row back in the queue; an uncounted attempt (not the row's fault) is given back. */
  const release = (held: Held<Documents[C]>, delayMs: number, countAttempt: boolean) =>
    store.update(
      collection,
      held.row._id,
      {
        set: { status: 'pending', nextAttemptAt: new Date(clock.now().getTime() + delayMs).toISOString() },
        unset: ['claim', 'leaseUntil'],
        ...(countAttempt ? {} : { inc: { attempts: -1 } }),
      },
      { status: 'sending', claim: held.claim },
    );

  /** Sends a held row's message through the resident's grant, waiting out "slow down" within the budget. */
  async function send(held: Held<Documents[C]>, message: TemplateMessage): Promise<SendOutcome> {
    let outcome: SendOutcome = 'rate-limited';
    for (let slowDowns = 0; slowDowns < opts.maxSlowDowns; slowDowns++) {
      // a pause that would outlast the run's budget: give the row back rather than overrun the timeout
      if (pauseUntil > started + opts.budgetMs) break;
      const wait = pauseUntil - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        outcome = await spendGrantAndSend(ctx.ports, message);
      } catch (e) {
        // nothing went out: back to the queue (as a counted attempt, so a poisoned row cannot crash every run)
        await release(held, retryDelayMs(held.attempts), true);
        throw e;
      }
      if (outcome !== 'rate-limited') break;
      report.rateLimited += 1;
      slowDown();
    }
    if (outcome === 'sent') pauseMs = opts.slowDownMs;
    return outcome;
  }

  /**
   * Records what a send came to and counts it. Answers the status written ('sent', 'noGrant',
   * 'failed'), 'retrying' when the row went back to the queue, or null when our claim was lost.
   * `extra.sent` / `extra.noGrant` are written with that outcome, in the same write.
   */
  async function settle(
    held: Held<Documents[C]>,
    outcome: SendOutcome,
    extra: { sent?: Record<string, unknown>; noGrant?: Record<string, unknown> } = {},
  ): Promise<'sent' | 'noGrant' | 'failed' | 'retrying' | null> {
    if (outcome === 'sent') {
      if (!(await finish(held, 'sent', extra.sent))) return null;
      report.sent += 1;
      return 'sent';
    }
    if (outcome === 'no-grant' || outcome === 'off') {
      if (!(await finish(held, 'noGrant', { reason: outcome, ...extra.noGrant }))) return null;
      report.noGrant += 1;
      return 'noGrant';
    }
    if (outcome === 'rate-limited') {
      // WeChat is still asking us to slow down: not this row's fault, try again soon
      if (!(await release(held, opts.slowDownMs, false))) return null;
      report.retrying += 1;
      return 'retrying';
    }
    if (held.attempts >= MAX_DELIVERY_ATTEMPTS) {
      if (!(await finish(held, 'failed', { reason: 'gave up' }))) return null;
      report.failed += 1;
      return 'failed';
    }
    if (!(await release(held, retryDelayMs(held.attempts), true))) return null;
    report.retrying += 1;
    return 'retrying';
  }

  /**
   * Reads due rows page by page and hands each to `process`, `concurrency` at a time, until none
   * are due or the budget is spent. `prepare` sees each page first (to load what its rows refer to).
   * The first failure stops new claims and is thrown once the page's rows in flight are done.
   */
  async function drain(
    process: (row: Documents[C]) => Promise<void>,
    prepare: (due: Documents[C][]) => Promise<void> = async () => undefined,
  ): Promise<void> {
    while (withinBudget()) {
      const due = await store.find(collection, {
        where: { status: 'pending', nextAttemptAt: { lte: clock.now().toISOString() } },
        orderBy: [
          ['status', 'asc'],
          ['nextAttemptAt', 'asc'],
        ],
        limit: opts.batchSize,
      });
      if (due.length === 0) return;
      await prepare(due);
      let next = 0;
      let failure: { error: unknown } | null = null;
      const worker = async () => {
        while (!failure && next < due.length && withinBudget()) {
          const row = due[next++]!;
          try {
            await process(row);
          } catch (error) {
            failure ??= { error };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
      if (failure) throw (failure as { error: unknown }).error;
      // locally the store answers synchronously: let the host serve requests between pages
      await yieldToEventLoop();
    }
    report.stoppedBy = 'budget';
  }

  return { recover, claim, finish, release, send, settle, drain };
}
