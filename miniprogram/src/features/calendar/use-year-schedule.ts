import { useEffect, useState } from 'react';
import type { CalendarYearView, HolidayRun } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud, registerContract } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
// straight from its file, not @linli/shared: the contract then ships with the subpackage (services/cloud.ts)
import { calendarContract } from '../../../../shared/src/contracts/calendar.contract';

registerContract('calendar', calendarContract);

export interface YearDraft {
  noticeTitle: string;
  noticeDate: string;
  holidays: HolidayRun[];
  /** Make-up workdays as typed: dates separated by commas or spaces. */
  workdays: string;
}

/** The form starts from the notice as entered, or from the statutory holidays computed for the year. */
export function draftOf(view: CalendarYearView): YearDraft {
  if (view.schedule)
    return {
      noticeTitle: view.schedule.noticeTitle,
      noticeDate: view.schedule.noticeDate,
      holidays: view.schedule.holidays,
      workdays: view.schedule.workdays.join('，'),
    };
  const runs: HolidayRun[] = [];
  for (const h of view.statutory) {
    const last = runs[runs.length - 1];
    if (last && last.name === h.name) last.to = h.date;
    else runs.push({ name: h.name, from: h.date, to: h.date });
  }
  return { noticeTitle: `国务院办公厅关于${view.year}年部分节假日安排的通知`, noticeDate: '', holidays: runs, workdays: '' };
}

export const parseDates = (text: string): string[] =>
  text
    .split(/[\s,，、]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/** A year's schedule: load it, edit the notice, save once per form (double-tap safe). */
export function useYearSchedule(year: number) {
  const loaded = useAsync(() => callCloud('calendar', 'year', { year }), [year]);
  const [draft, setDraft] = useState<YearDraft | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const [saved, setSaved] = useState(false);
  const guard = useGuarded();
  useEffect(() => {
    if (loaded.state.data) setDraft(draftOf(loaded.state.data));
  }, [loaded.state.data]);

  const update = (patch: Partial<YearDraft>) => setDraft((d) => (d ? { ...d, ...patch } : d));
  const updateRun = (i: number, patch: Partial<HolidayRun>) =>
    setDraft((d) => (d ? { ...d, holidays: d.holidays.map((h, j) => (j === i ? { ...h, ...patch } : h)) } : d));
  const addRun = () => setDraft((d) => (d ? { ...d, holidays: [...d.holidays, { name: '', from: '', to: '' }] } : d));
  const removeRun = (i: number) => setDraft((d) => (d ? { ...d, holidays: d.holidays.filter((_, j) => j !== i) } : d));

  const save = () =>
    guard.run(async () => {
      const view = loaded.state.data;
      if (!draft || !view) return;
      const next = await callCloud('calendar', 'enterSchedule', {
        key,
        expectedVersion: view.schedule?.version ?? 0,
        year,
        noticeTitle: draft.noticeTitle,
        noticeDate: draft.noticeDate,
        holidays: draft.holidays,
        workdays: parseDates(draft.workdays),
      });
      loaded.setData(next);
      setKey(newIdempotencyKey());
      setSaved(true);
    });

  return { loaded, draft, update, updateRun, addRun, removeRun, save, saved, busy: guard.busy !== null, error: guard.error };
}
