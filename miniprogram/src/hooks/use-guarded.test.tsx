import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CloudError } from '../services/cloud';
import { useGuarded } from './use-guarded';

describe('useGuarded', () => {
  it('x', async () => {
    const { result } = renderHook(() => useGuarded());
    let ok: boolean | undefined;
    await act(async () => {
      ok = await result.current.run(async () => {
        throw new CloudError('COMMON.NETWORK');
      });
    });
    expect(ok).toBe(false);
    expect(result.current.error?.code).toBe('COMMON.NETWORK');
  });
});
