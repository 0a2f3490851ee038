import { useCallback } from 'react';
import { useGuarded } from '../../hooks/use-guarded';

/**
 * One step of a request (受理, 分流, 进展, 办结, 合并, 确认, 评价) as a form runs it: one call at a
 * time, whatever the fingers do (useGuarded), its failure kept for the form to show, and its answer
 * handed back — null when the step did not run (another was under way) or failed.
 */
export function useRequestStep() {
  const guard = useGuarded();
  const { run: guarded, isRunning, setError } = guard;
  const run = useCallback(
    async <T>(call: () => Promise<T>): Promise<T | null> => {
      let result: T | null = null;
      const ran = await guarded(async () => {
        result = await call();
      });
      return ran ? result : null;
    },
    [guarded],
  );
  return { busy: guard.busy !== null, error: guard.error, setError, isRunning, run };
}
