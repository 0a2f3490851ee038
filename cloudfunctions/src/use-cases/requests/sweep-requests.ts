import { ok, sweepRequest, type RequestDoc, type RequestEvent, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { diffPatch, eventsOf, mutateRequest, type Committed } from './commit-request';
import { enqueueQuietly, type OutgoingMessage } from '../notifications/message-outbox';
import { requestMessages, type RosterCache } from './notify-request';
import { retryMediaChecks, type RetryCounts } from '../media-checks/retry-media-checks';
import { runBudget, yieldToEventLoop } from '../timer-budget';
import { foldStats } from './fold-stats';
import { sweepDispatches, type DispatchSweepCounts } from '../departments/sweep-dispatches';

/**
 * Due requests read per page. A run stops starting new writes once its budget (timer-budget.ts,
 * well inside the function's 20 s) is spent, then writes what the page's done part needs (its
 * timeline lines and messages, a small page's worth) and says there is more; the next run (5
 * minutes later) goes on where it stopped: what was not reached is still due.
 */
const PAGE = 200;
const NOTIFY_AT_ONCE = 20;
const WRITE_AT_ONCE = 10;

/**
 * Warnings and escalations touch no counters, so they need no transaction: one write conditional
 * on the version the page read. If anyone changed the request since (a phone, an overlapping run),
 * the write does not apply and the request is decided again on its latest state in a transaction.
 * Null means "decide it in a transaction" (also for closes, which move counters).
 */
async function escalateOrWarn(ctx: Ctx, r: RequestDoc, now: Date): Promise<Result<Committed & { changed: boolean }> | null> {
  const change = sweepRequest(r, { now, calendar: ctx.ports.calendar });
  if (!change || change.stats.length > 0) return null;
  if (!(await ctx.ports.store.update(COLLECTIONS.requests, r._id, diffPatch(r, change.next), { version: r.version }))) return null;
  // the timeline lines are written by the caller after the page, in one write
  return ok({ request: change.next, events: eventsOf(change, now.toISOString()), changed: true });
}

/**
 * The timer (every 5 minutes): warns holders before deadlines, escalates what is overdue one level
 * up the grid (小区 → 社区 → 街道 → 区) and closes what residents left unrated. It reads only the
 * requests whose dueAt has come, through one index, so a run costs what is due, not what exists.
 * Each request is decided again inside its own transaction on its latest state, so runs that
 * repeat or overlap never escalate anything twice. Then it sends again the image checks whose call
 * failed (retry-media-checks.ts: one indexed read of what is due, at most 100 a run).
 */
export async function sweepRequests(
  ctx: Ctx,
  /** A budget of its own (tests and the bench stand in for a slow database with one). */
  options: { budgetMs?: number; budget?: { within(): boolean } } = {},
): Promise<
  Result<{ warned: number; escalated: number; closed: number; more: boolean; mediaChecks: RetryCounts; dispatches: DispatchSweepCounts }>
> {
  const { store, clock, calendar } = ctx.ports;
  const now = clock.now();
  const budget = options.budget ?? runBudget(options.budgetMs);
  const counts = { warned: 0, escalated: 0, closed: 0 };
  const cache: RosterCache = new Map();
  let more = false;
  for (;;) {
    const due = await store.find(COLLECTIONS.requests, {
      where: { dueAt: { lte: now.toISOString() } },
      orderBy: [['dueAt', 'asc']],
      limit: PAGE,
    });
    let changed = 0;
    const written: Committed[] = [];
    const lines: RequestEvent[] = [];
    const one = async (r: RequestDoc) => {
      const fast = await escalateOrWarn(ctx, r, now);
      const done = fast ?? (await mutateRequest(ctx, r._id, (fresh) => sweepRequest(fresh, { now, calendar })));
      if (!done.ok || !done.data.changed) return;
      if (fast?.ok) lines.push(...fast.data.events);
      changed++;
      const kind = done.data.events[0]?.kind;
      if (kind === 'warned') counts.warned++;
      else if (kind === 'escalated') counts.escalated++;
      else if (kind === 'closed') counts.closed++;
      if (done.data.events.length) written.push(done.data);
    };
    // different requests never contend, so a few at a time: on CloudBase each write is a network round
    // trip; between them the event loop runs, and once the budget is spent no new write starts
    let reached = 0;
    while (reached < due.length && budget.within()) {
      await Promise.all(due.slice(reached, reached + WRITE_AT_ONCE).map(one));
      reached += WRITE_AT_ONCE;
      await yieldToEventLoop();
    }
    // the timeline lines of the page's version-checked writes, after those writes: a crash in between
    // loses lines, never adds one that did not happen (their ids are fixed, so nothing is doubled)
    if (lines.length) await store.insertMany(COLLECTIONS.requestEvents, lines);
    // the page's messages are queued after its writes, in one write (the messages timer sends them);
    // recipients are looked up a few requests at a time, as followers may need a read each
    const messages: OutgoingMessage[] = [];
    for (let i = 0; i < written.length; i += NOTIFY_AT_ONCE)
      for (const rows of await Promise.all(
        written.slice(i, i + NOTIFY_AT_ONCE).map((w) => requestMessages(ctx, w.request, w.events, cache)),
      ))
        messages.push(...rows);
    await enqueueQuietly(ctx, messages, { about: 'sweep' });
    // each change moves a request's dueAt past now, so the next page starts with the rest
    if (reached < due.length || (due.length === PAGE && !budget.within())) {
      more = true;
      break;
    }
    if (due.length < PAGE || changed === 0) break;
  }
  // then departments' parts (网格吹哨、部门报到): overdue 报到 and resolutions, 督办 once per interval
  const { more: moreParts, ...dispatches } = await sweepDispatches(ctx, budget);
  // the steps' counter rows into the day documents (fold-stats.ts), within what is left of the run
  const stats = await foldStats(ctx, { budget });
  return ok({ ...counts, more: more || moreParts || stats.more, mediaChecks: await retryMediaChecks(ctx), dispatches });
}
