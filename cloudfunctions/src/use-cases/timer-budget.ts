/**
 * What bounds a timer's run. A CloudBase function run has 20 s (scripts/build-functions.ts) and
 * every store call there is a network round trip, so a timer takes a page of due work at a time,
 * stops starting new work once its budget is spent, and leaves the rest to the next run (each
 * timer's work is found again by an index on what is due, so nothing is skipped). Wall time, not
 * the clock port: the budget is about the function's real timeout, and tests freeze the clock.
 */
export const TIMER_BUDGET_MS = 12_000;

/** A run's deadline: `within()` is false once `budgetMs` of wall time has passed since it started. */
export function runBudget(budgetMs: number = TIMER_BUDGET_MS): { within(): boolean } {
  const until = Date.now() + budgetMs;
  return { within: () => Date.now() < until };
}

/**
 * Lets the event loop run between pages: locally the store answers synchronously, so without this
 * a timer of thousands of writes would hold the local host's HTTP server until it ends. On
 * CloudBase each call already waits on the network; this costs a few microseconds there.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
