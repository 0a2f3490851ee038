import { describe, expect, it } from 'vitest';
import { addWorkdays, deadlineCalendarWarning } from '../requests/deadline.rules';
import { shanghaiInstant } from '../common/time';
import { yearScheduleInputSchema } from './calendar.schema';
import { layeredCalendar, type PackageCalendar } from './layered-calendar.rules';
import type { LunarCalendar } from './statutory.rules';
import { statutoryHolidays } from './statutory.rules';
import { calendarWithin } from './work-calendar';

/**
 * A lunar table for the years these tests use (the real conversion, tyme4ts, is tested against
 * chinese-days in cloudfunctions/src/adapters/tyme-lunar.test.ts): 春节 2027-02-06, so 除夕 is
 * 2027-02-05; 清明 04-05; 端午 06-09; 中秋 09-15.
 */
const LUNAR: Record<string, string> = {
  '2027-1-1': '2027-02-06',
  '2027-5-5': '2027-06-09',
  '2027-8-15': '2027-09-15',
  '2028-1-1': '2028-01-26',
  '2028-5-5': '2028-05-28',
  '2028-8-15': '2028-10-03',
};
const lunar: LunarCalendar = {
  solarOf: (y, m, d) => LUNAR[`${y}-${m}-${d}`] ?? '1900-01-01',
  qingming: (y) => (y === 2028 ? '2028-04-04' : `${y}-04-05`),
};
/** The package holds 2026 only: 2026-10-01 off, Saturday 2026-10-10 worked. */
const pkg: PackageCalendar = {
  firstYear: 2026,
  lastYear: 2026,
  isWorkday: (d) => d === '2026-10-10' || (d !== '2026-10-01' && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())),
};
const computed = layeredCalendar({ package: pkg, lunar });

/** The 2027 notice as an admin might enter it (the make-up Saturday 2027-02-20 is made up for the test). */
const notice2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13' },
  ],
  workdays: ['2027-02-20'],
};

describe('statutory holidays of 全国年节及纪念日放假办法 (2024)', () => {
  it('are the 13 days, 春节 from 除夕', () => {
    expect(statutoryHolidays(2027, lunar).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });
});

describe('layered working-day calendar', () => {
  const entered = layeredCalendar({ package: pkg, lunar, entered: [notice2027] });
  it.each([
    // [date, computed only, with the 2027 notice entered, why]
    ['2026-10-01', false, false, 'the package: 国庆'],
    ['2026-10-10', true, true, 'the package: a make-up Saturday'],
    ['2027-01-01', false, false, '元旦, a Friday: a statutory holiday before any notice'],
    ['2027-01-04', true, true, 'an ordinary Monday'],
    ['2027-02-04', true, true, 'the day before 除夕'],
    ['2027-02-05', false, false, '除夕: 春节 starts here'],
    ['2027-02-08', false, false, '正月初三, the 4th day'],
    ['2027-02-09', true, false, '初四: a working day until the notice extends the break'],
    ['2027-02-20', false, true, 'a Saturday an admin entered as a make-up workday'],
    ['2027-02-21', false, false, 'the Sunday after it'],
    ['2027-10-01', false, true, 'the notice leaves 国庆 out here: entered data wins over computed'],
    ['2028-01-26', false, false, '2028 春节 (初一): computed for any year'],
    ['2028-01-25', false, false, '2028 除夕'],
  ] as const)('%s: computed %s, entered %s (%s)', (date, before, after, _why) => {
    expect(computed.isWorkday(date)).toBe(before);
    expect(entered.isWorkday(date)).toBe(after);
  });

  it('knows which years are official, and the warning names the first that is not', () => {
    expect(computed.lastOfficialYear).toBe(2026);
    expect(entered.lastOfficialYear).toBe(2027);
    expect(entered.sourceOf(2026)).toBe('package');
    expect(entered.sourceOf(2027)).toBe('entered');
    expect(entered.sourceOf(2028)).toBe('computed');
    expect(deadlineCalendarWarning(computed)).toContain('2027 年的调休安排还没有录入');
    expect(deadlineCalendarWarning(entered)).toContain('2028 年');
  });

  it('entered data wins over the package for a year both hold', () => {
    const over = layeredCalendar({
      package: pkg,
      lunar,
      entered: [{ year: 2026, holidays: [{ name: '国庆节', from: '2026-10-02', to: '2026-10-02' }], workdays: [] }],
    });
    expect(over.isWorkday('2026-10-01')).toBe(true);
    expect(over.isWorkday('2026-10-02')).toBe(false);
    expect(over.isWorkday('2026-10-10')).toBe(false);
  });

  it('counts deadlines across 2027 as the law does: 元旦 skipped before the notice, the make-up Saturday after it', () => {
    // accepted Mon 2026-12-28: 12-29, 12-30, 12-31, (01-01 元旦), 01-04, 01-05, 01-06, 01-07
    expect(addWorkdays(shanghaiInstant('2026-12-28', '10:00'), 7, computed)).toEqual({
      at: shanghaiInstant('2027-01-08'),
      estimated: true,
    });
    // accepted Thu 2027-02-18: 02-19, Sat 02-20 (entered), 02-22 → 3 days end on Monday 02-22
    expect(addWorkdays(shanghaiInstant('2027-02-18', '10:00'), 3, entered).at).toEqual(shanghaiInstant('2027-02-23'));
    expect(addWorkdays(shanghaiInstant('2027-02-18', '10:00'), 3, computed).at).toEqual(shanghaiInstant('2027-02-24'));
  });

  it('local closures count only inside their area', () => {
    const cal = layeredCalendar({ package: pkg, lunar, closures: [{ placeId: 's-street', date: '2027-03-03' }] });
    expect(cal.isWorkday('2027-03-03')).toBe(true);
    expect(calendarWithin(cal, ['d-district', 's-street', 'c-community']).isWorkday('2027-03-03')).toBe(false);
    expect(calendarWithin(cal, ['d-district', 's-other']).isWorkday('2027-03-03')).toBe(true);
    expect(calendarWithin(cal, ['d-district', 's-street']).isWorkday('2027-03-04')).toBe(true);
  });
});

describe('a year schedule as entered', () => {
  const ok = { noticeTitle: '国务院办公厅关于2027年部分节假日安排的通知', noticeDate: '2026-11-10', ...notice2027 };
  it('accepts the notice', () => expect(yearScheduleInputSchema.safeParse(ok).success).toBe(true));
  it.each([
    ['a run ending before it starts', { holidays: [{ name: '春节', from: '2027-02-13', to: '2027-02-05' }] }, '结束日不能早于开始日'],
    ['a run in another year', { holidays: [{ name: '春节', from: '2028-01-25', to: '2028-01-31' }] }, '不在 2027 年'],
    ['a make-up day that is also a holiday', { workdays: ['2027-02-06'] }, '不能同时是调休上班日'],
    ['no holidays', { holidays: [] }, '至少录入一段'],
    ['a missing title', { noticeTitle: '' }, '通知的标题'],
    ['a date that does not exist', { workdays: ['2027-02-30'] }, '没有这一天'],
  ])('refuses %s', (_label, patch, message) => {
    const parsed = yearScheduleInputSchema.safeParse({ ...ok, ...patch });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain(message);
  });
});
