import { act, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { openDownload } from './files';
import { useFiguresPage } from './use-figures-page';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));
vi.mock('./files', () => ({ openDownload: vi.fn(() => Promise.resolve()) }));
const call = asCloudCall(callCloud);
const LEDGER = { fileId: 'f1', url: '/dev/files/f1', fileName: '台账.xlsx', rows: 12 };

describe('useFiguresPage', () => {
  beforeEach(() => {
    call.mockReset();
    call.mockImplementation((_fn, action) => (action === 'figures' ? Promise.resolve({ figures: {} }) : Promise.resolve(LEDGER)));
  });

  it('reads the figures again for another period', async () => {
    const { result } = renderHook(() => useFiguresPage('c-zhongfang'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('requests', 'figures', { placeId: 'c-zhongfang', period: 'month' }));
    act(() => result.current.setPeriod('year'));
    await waitFor(() => expect(call).toHaveBeenCalledWith('requests', 'figures', { placeId: 'c-zhongfang', period: 'year' }));
  });

  it('exports the ledger once however often it is tapped, and opens it', async () => {
    const { result } = renderHook(() => useFiguresPage('c-zhongfang'));
    const held = deferred<unknown>();
    call.mockImplementation((_fn, action) => (action === 'exportLedger' ? held.promise : Promise.resolve({ figures: {} })));
    let first!: Promise<void>;
    await act(async () => {
      first = result.current.exportLedger();
      await result.current.exportLedger();
    });
    expect(result.current.exporting).toBe(true);
    await act(async () => {
      held.resolve(LEDGER);
      await first;
    });
    expect(call.mock.calls.filter(([, a]) => a === 'exportLedger')).toHaveLength(1);
    expect(openDownload).toHaveBeenCalledWith(LEDGER);
    expect(result.current.exported).toEqual(LEDGER);
  });

  it('keeps a failed export to show', async () => {
    const { result } = renderHook(() => useFiguresPage('c-zhongfang'));
    call.mockImplementation((_fn, action) =>
      action === 'exportLedger' ? Promise.reject(new CloudError('COMMON.NETWORK')) : Promise.resolve({ figures: {} }),
    );
    await act(() => result.current.exportLedger());
    expect(result.current.error?.code).toBe('COMMON.NETWORK');
    expect(result.current.exporting).toBe(false);
    expect(openDownload).not.toHaveBeenCalled();
  });
});
