import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ClosedDate, ScheduleInput } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useGuarded } from '../../hooks/use-guarded';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';
import { toBlocks, toRules, type OpeningBlock } from './opening-blocks';

export type { OpeningBlock };

/** The form's text fields: numbers are typed as text and parsed on save, so a half-typed value is not lost. */
export interface ScheduleDraft {
  blocks: OpeningBlock[];
  slotMinutes: string;
  seats: string;
  servedBy: string;
  room: string;
  windowDays: string;
  noticeMinutes: string;
  cancelCutoffMinutes: string;
  makeUpDayAs: number;
  maxActivePerResident: string;
  noShowLimit: string;
  noShowWithinDays: string;
  noShowBlockDays: string;
  closedDates: ClosedDate[];
}

const NEW_SCHEDULE: ScheduleDraft = {
  blocks: [{ days: [1, 2, 3, 4, 5], start: '09:00', end: '11:30' }],
  slotMinutes: '30',
  seats: '2',
  servedBy: '',
  room: '',
  windowDays: '14',
  noticeMinutes: '30',
  cancelCutoffMinutes: '60',
  makeUpDayAs: 1,
  maxActivePerResident: '1',
  noShowLimit: '3',
  noShowWithinDays: '30',
  noShowBlockDays: '14',
  closedDates: [],
};

function toDraft(s: ScheduleInput): ScheduleDraft {
  return {
    blocks: toBlocks(s.rules),
    slotMinutes: String(s.slotMinutes),
    seats: String(s.seats),
    servedBy: s.servedBy,
    room: s.room,
    windowDays: String(s.windowDays),
    noticeMinutes: String(s.noticeMinutes),
    cancelCutoffMinutes: String(s.cancelCutoffMinutes),
    makeUpDayAs: s.makeUpDayAs,
    maxActivePerResident: String(s.maxActivePerResident),
    noShowLimit: String(s.noShow.limit),
    noShowWithinDays: String(s.noShow.withinDays),
    noShowBlockDays: String(s.noShow.blockDays),
    closedDates: s.closedDates,
  };
}

// an empty field becomes NaN, which the schema refuses with "请填写…"
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

export function fromDraft(d: ScheduleDraft): ScheduleInput {
  return {
    rules: toRules(d.blocks),
    slotMinutes: num(d.slotMinutes),
    seats: num(d.seats),
    servedBy: d.servedBy,
    room: d.room,
    windowDays: num(d.windowDays),
    noticeMinutes: num(d.noticeMinutes),
    cancelCutoffMinutes: num(d.cancelCutoffMinutes),
    makeUpDayAs: d.makeUpDayAs,
    maxActivePerResident: num(d.maxActivePerResident),
    noShow: { limit: num(d.noShowLimit), withinDays: num(d.noShowWithinDays), blockDays: num(d.noShowBlockDays) },
    closedDates: d.closedDates,
  };
}

export function useScheduleEditor() {
  const serviceId = decodeParam(useRouter().params.serviceId);
  const loaded = useAsync(serviceId ? () => callCloud('booking', 'getSchedule', { serviceId }) : null, [serviceId]);
  const [draft, setDraft] = useState<ScheduleDraft | null>(null);
  const data = loaded.state.data;
  useEffect(() => {
    if (data) setDraft(data.settings ? toDraft(data.settings) : NEW_SCHEDULE);
  }, [data]);

  const guard = useGuarded();
  const [saved, setSaved] = useState<{ promoted: number } | null>(null);

  const update = (patch: Partial<ScheduleDraft>) => {
    setSaved(null);
    setDraft((d) => (d ? { ...d, ...patch } : d));
  };

  async function save(): Promise<void> {
    if (!draft || !data) return;
    await guard.run(async () => {
      const result = await callCloud('booking', 'saveSchedule', { serviceId, settings: fromDraft(draft), version: data.version });
      loaded.setData(result);
      setSaved({ promoted: result.promoted });
    });
  }

  return { serviceId, loaded, draft, update, save, busy: guard.busy !== null, error: guard.error, saved };
}
