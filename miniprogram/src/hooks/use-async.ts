import { useCallback, useEffect, useRef, useState } from 'react';
import { toCloudError, type CloudError } from '../services/cloud';

export type AsyncState<T> =
  | { status: 'idle'; data: undefined; error: undefined }
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ok'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: CloudError };

export interface AsyncResult<T> {
  state: AsyncState<T>;
  /** Runs the call again (the retry button). */
  reload: () => void;
  /** Replaces the data with a fresher copy, e.g. the card a change returned. */
  setData: (data: T) => void;
}

/**
 * Runs a slow call and keeps loading / data / error for the page. `load` returning null
 * means there is nothing to load yet (state stays idle). Answers to superseded calls are dropped.
 */
export function useAsync<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): AsyncResult<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'idle', data: undefined, error: undefined });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(() => {
    const current = loadRef.current;
    const mine = ++seq.current;
    if (!current) {
      setState({ status: 'idle', data: undefined, error: undefined });
      return;
    }
    setState((s) => ({ status: 'loading', data: s.data, error: undefined }));
    current().then(
      (data) => {
        if (mine === seq.current) setState({ status: 'ok', data, error: undefined });
      },
      (e: unknown) => {
        if (mine === seq.current) setState((s) => ({ status: 'error', data: s.data, error: toCloudError(e) }));
      },
    );
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(run, deps);

  const setData = useCallback((data: T) => {
    seq.current++;
    setState({ status: 'ok', data, error: undefined });
  }, []);

  return { state, reload: run, setData };
}
