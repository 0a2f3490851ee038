import { useCallback, useRef, useState } from 'react';
import { toCloudError, type CloudError } from '../services/cloud';

/**
 * One action at a time, whatever the fingers do: a tap while another action is in flight is
 * ignored (a ref, not state, so two taps in the same frame already see it), `busy` says which
 * action runs (for its button's loading state), and a failure is kept as a CloudError for the page.
 */
export function useGuarded<K extends string | boolean = true>() {
  const [busy, setBusy] = useState<K | null>(null);
  const running = useRef(false);
  const [error, setError] = useState<CloudError | null>(null);
  const isRunning = useCallback(() => running.current, []);
  /** Runs `work` unless another action runs; answers whether it ran and succeeded. */
  const run = useCallback(async (work: () => Promise<void>, kind?: K): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(kind ?? (true as K));
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(toCloudError(e));
      return false;
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);
  return { busy, error, setError, isRunning, run };
}
