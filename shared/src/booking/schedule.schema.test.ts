import { describe, expect, it } from 'vitest';
import { scheduleInputSchema } from './schedule.schema';

const base = { rules: [{ weekday: 4, start: '09:00', end: '11:30' }], slotMinutes: 30, seats: 2 };
const firstMessage = (input: unknown) => {
  const r = scheduleInputSchema.safeParse(input);
  return r.success ? null : r.error.issues[0]!.message;
};

describe('scheduleInputSchema', () => {
  it('fills the house defaults: 14 days ahead, 30 minutes notice, cancel until an hour before, one booking each, 3 no-shows in 30 days → 14 days', () => {
    expect(scheduleInputSchema.parse(base)).toMatchObject({
      windowDays: 14,
      noticeMinutes: 30,
      cancelCutoffMinutes: 60,
      maxActivePerResident: 1,
      makeUpDayAs: 1,
      closedDates: [],
      noShow: { limit: 3, withinDays: 30, blockDays: 14 },
    });
  });

  it.each([
    ['no opening at all', { ...base, rules: [] }, '请至少添加一个开放时段'],
    ['an end before the start', { ...base, rules: [{ weekday: 4, start: '11:00', end: '09:00' }] }, '结束时间要晚于开始时间'],
    ['a time like 9点', { ...base, rules: [{ weekday: 4, start: '9点', end: '11:00' }] }, '时间要写成 09:00 这样的格式'],
    [
      'an opening shorter than one slot',
      { ...base, rules: [{ weekday: 4, start: '09:00', end: '09:20' }] },
      '周四 09:00–09:20 不够一个 30 分钟的时段',
    ],
    [
      'two overlapping openings on one day',
      {
        ...base,
        rules: [
          { weekday: 4, start: '09:00', end: '11:00' },
          { weekday: 4, start: '10:30', end: '12:00' },
        ],
      },
      '周四的两个开放时段重叠了，请调整',
    ],
    ['zero seats', { ...base, seats: 0 }, '每个时段的名额最少 1'],
    ['a closed date twice', { ...base, closedDates: [{ date: '2026-12-01' }, { date: '2026-12-01' }] }, '停约日期有重复'],
    ['a closed date in the wrong format', { ...base, closedDates: [{ date: '12/01' }] }, '日期要写成 2026-12-01 这样的格式'],
  ])('refuses %s with a sentence staff can act on', (_label, input, message) => {
    expect(firstMessage(input)).toBe(message);
  });

  it('accepts back-to-back openings and a morning and afternoon', () => {
    expect(
      firstMessage({
        ...base,
        rules: [
          { weekday: 4, start: '09:00', end: '11:00' },
          { weekday: 4, start: '11:00', end: '12:00' },
          { weekday: 4, start: '13:30', end: '16:00' },
        ],
      }),
    ).toBeNull();
  });
});
