import { fireEvent, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { AsyncState } from '../hooks/use-async';
import { CloudError } from '../services/cloud';
import { Loaded } from './loaded';

// the real PageShell sets its font scale as a style string, which Taro's runtime takes and react-dom refuses
vi.mock('./page-shell', () => ({ PageShell: ({ children }: { children: ReactNode }) => <div className="page">{children}</div> }));

const loading = <T,>(data?: T): AsyncState<T> => ({ status: 'loading', data, error: undefined }) as AsyncState<T>;
const ok = <T,>(data: T): AsyncState<T> => ({ status: 'ok', data, error: undefined });
const failed = <T,>(data?: T): AsyncState<T> => ({ status: 'error', data, error: new CloudError('COMMON.NETWORK') });

const show = (state: AsyncState<string>, props: Partial<Parameters<typeof Loaded<string, string>>[0]> = {}) => {
  const reload = vi.fn();
  const view = render(
    <Loaded what={{ state, reload }} loadingId="x-loading" errorId="x-error" {...props}>
      {(data) => <span id="x-data">{data}</span>}
    </Loaded>,
  );
  return { ...view, reload, $: (selector: string) => view.container.querySelector(selector) };
};

describe('<Loaded>', () => {
  it('shows the loading state until there is data', () => {
    const { $ } = show(loading());
    expect($('#x-loading')).not.toBeNull();
    expect($('#x-data')).toBeNull();
  });

  it('shows what failed, and 重试 loads again', () => {
    const { $, reload } = show(failed());
    expect($('#x-error')?.textContent).toContain('网络');
    fireEvent.click($('#x-error .btn-retry')!);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('retries with the page’s own action when it has one', () => {
    const onRetry = vi.fn();
    const { $, reload } = show(failed(), { onRetry });
    fireEvent.click($('#x-error .btn-retry')!);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
  });

  it('shows the data, and keeps it on screen while it reloads', () => {
    expect(show(ok('hello')).$('#x-data')?.textContent).toBe('hello');
    const { $ } = show(loading('hello'));
    expect($('#x-data')?.textContent).toBe('hello');
    expect($('#x-loading')).toBeNull();
  });

  it('onlyFresh: stale data gives way to the loading state and to an error', () => {
    expect(show(loading('old'), { onlyFresh: true }).$('#x-loading')).not.toBeNull();
    const { $ } = show(failed('old'), { onlyFresh: true });
    expect($('#x-error')).not.toBeNull();
    expect($('#x-data')).toBeNull();
  });

  it('a failed reload is hidden behind the data, or shown above it with errorWithData', () => {
    const hidden = show(failed('old'));
    expect(hidden.$('#x-error')).toBeNull();
    expect(hidden.$('#x-data')?.textContent).toBe('old');
    hidden.unmount();
    const shown = show(failed('old'), { errorWithData: true });
    expect(shown.$('#x-error')).not.toBeNull();
    expect(shown.$('#x-data')?.textContent).toBe('old');
  });

  it('pick decides what counts as loaded', () => {
    const { $ } = show(ok('other day'), { pick: (d) => (d === 'today' ? d : undefined) });
    expect($('#x-loading')).not.toBeNull();
    expect($('#x-data')).toBeNull();
  });

  it('renderError replaces the error state, and shell wraps the gate in a page', () => {
    const { $ } = show(failed(), { shell: true, renderError: (e) => <span id="custom">{e.code}</span> });
    expect($('.page #custom')?.textContent).toBe('COMMON.NETWORK');
    expect($('#x-error')).toBeNull();
  });

  it('loaded data of null is data', () => {
    const reload = vi.fn();
    const { container } = render(
      <Loaded what={{ state: ok<string | null>(null), reload }}>{(d) => <span id="none">{d === null ? 'nobody' : d}</span>}</Loaded>,
    );
    expect(container.querySelector('#none')?.textContent).toBe('nobody');
  });
});
