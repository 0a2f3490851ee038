// Helpers for the app's unit tests (the `app` project of vitest.config.mts).
import type { Mock } from 'vitest';

/** A promise the test settles when it wants: to hold a call "in flight". */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export type CloudCall = Mock<(fn: string, action: string, input: Record<string, unknown>) => Promise<unknown>>;

/**
 * callCloud, mocked in a test with
 *   vi.mock('…/services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
 * and typed loosely, so a test can answer any action.
 */
export const asCloudCall = (fn: unknown) => fn as CloudCall;
