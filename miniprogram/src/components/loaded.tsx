import type { ReactNode } from 'react';
import type { AsyncResult } from '../hooks/use-async';
import type { CloudError } from '../services/cloud';
import { PageShell } from './page-shell';
import { ErrorState, LoadingState } from './states';

export interface LoadedProps<T, U> {
  /** A load as useAsync answers it. */
  what: Pick<AsyncResult<T>, 'state' | 'reload'>;
  /** What to show once there is data: the freshest the load has, even while it reloads. */
  children: (data: U) => ReactNode;
  /** What counts as loaded (default: the data itself); undefined means keep waiting. */
  pick?: (data: T) => U | undefined;
  /** Only the answer of the latest load counts: stale data gives way to the loading state. */
  onlyFresh?: boolean;
  /** A failed reload is shown (with 重试) above the data it could not refresh. */
  errorWithData?: boolean;
  /** The retry button's action; default: the load again. */
  onRetry?: () => void;
  /** Shown inside the error, under its copy (e.g. a way elsewhere when retrying cannot help). */
  errorExtra?: ReactNode;
  /** Replaces the error state whole (e.g. an error retrying cannot help, which offers no 重试). */
  renderError?: (error: CloudError, retry: () => void) => ReactNode;
  /** Shown after the error state (outside it), e.g. a way back. */
  afterError?: ReactNode;
  loadingId?: string;
  loadingText?: string;
  errorId?: string;
  /** Wraps the loading and error states in a PageShell: for a page whose children bring their own. */
  shell?: boolean;
}

/**
 * The one gate between a load and what it shows: the loading state until there is data, the
 * error (in error-copy's words, with 重试) when the load failed, then `children(data)`. Data a
 * reload has not replaced yet stays on screen.
 */
export function Loaded<T, U = T>(props: LoadedProps<T, U>) {
  const { what, children, pick, onlyFresh, errorWithData, shell } = props;
  const { state } = what;
  const retry = props.onRetry ?? what.reload;
  const has = state.status === 'ok' || (state.data !== undefined && !onlyFresh);
  const data = has ? (pick ? pick(state.data as T) : (state.data as unknown as U)) : undefined;
  const error =
    state.status === 'error' ? (
      props.renderError ? (
        props.renderError(state.error, retry)
      ) : (
        <>
          <ErrorState id={props.errorId} error={state.error} onRetry={retry}>
            {props.errorExtra}
          </ErrorState>
          {props.afterError}
        </>
      )
    ) : null;
  if (data !== undefined)
    return (
      <>
        {errorWithData ? error : null}
        {children(data)}
      </>
    );
  const gate = error ?? <LoadingState id={props.loadingId} text={props.loadingText} />;
  return shell ? <PageShell>{gate}</PageShell> : gate;
}
