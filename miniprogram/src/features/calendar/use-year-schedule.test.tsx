import { act, renderHook, waitFor } from '@testing-library/react';
import type { CalendarYearView } from '@linli/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asCloudCall, deferred } from '../../../test/helpers';
import { callCloud, CloudError } from '../../services/cloud';
import { draftOf, parseDates, useYearSchedule } from './use-year-schedule';

vi.mock('../../services/cloud', async (real) => ({ ...(await real<object>()), callCloud: vi.fn() }));

const call = asCloudCall(callCloud);
const view = (over: Partial<CalendarYearView> = {}): CalendarYearView => ({
  year: 2027,
  source: 'computed',
  lastOfficialYear: 2026,
  warning: '2027 年的调休安排还没有录入',
  statutory: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
  ],
  schedule: null,
  closures: [],
  changes: [],
  ...over,
});

beforeEach(() => call.mockReset());

describe('the 2027 schedule form', () => {
  it('starts from the computed statutory holidays, one run per festival', () => {
    expect(draftOf(view()).holidays).toEqual([
      { name: '元旦', from: '2027-01-01', to: '2027-01-01' },
      { name: '春节', from: '2027-02-05', to: '2027-02-08' },
    ]);
    expect(parseDates('2027-01-09，2027-02-20、 2027-03-01')).toEqual(['2027-01-09', '2027-02-20', '2027-03-01']);
  });

  it('saves once while a save runs, with the loaded version and one key; an error is kept', async () => {
    call.mockResolvedValueOnce(view());
    const { result } = renderHook(() => useYearSchedule(2027));
    await waitFor(() => expect(result.current.draft).not.toBeNull());
    act(() => result.current.update({ noticeDate: '2026-11-10', workdays: '2027-01-09' }));
    const held = deferred<CalendarYearView>();
    call.mockReturnValueOnce(held.promise);
    await act(async () => {
      void result.current.save();
      void result.current.save();
    });
    const saves = call.mock.calls.filter(([, action]) => action === 'enterSchedule');
    expect(saves).toHaveLength(1);
    expect(saves[0]![2]).toMatchObject({ expectedVersion: 0, year: 2027, noticeDate: '2026-11-10', workdays: ['2027-01-09'] });
    await act(async () => {
      held.resolve(view({ source: 'entered', warning: null, lastOfficialYear: 2027 }));
      await held.promise;
    });
    expect(result.current.loaded.state.data?.warning).toBeNull();
    expect(result.current.saved).toBe(true);

    call.mockRejectedValueOnce(new CloudError('CALENDAR.SCHEDULE_STALE' as never));
    await act(async () => {
      await result.current.save();
    });
    expect(result.current.error?.code).toBe('CALENDAR.SCHEDULE_STALE');
    // a new key after a save went through: the next form is a new write
    const keys = call.mock.calls.filter(([, action]) => action === 'enterSchedule').map(([, , input]) => input.key);
    expect(new Set(keys).size).toBe(2);
  });
});
