import { acceptRequest, addSpan, createRequest, shanghaiInstant, type RequestCategory, type Result } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { chineseDaysCalendar } from '../src/adapters/chinese-days-calendar';
import { createTestApp, data, WHO } from './harness';

/**
 * Working-day deadlines against the official 2026 holiday schedule from the chinese-days package:
 * 中秋 2026-09-25, 国庆 10-01..10-07 with make-up workdays Sunday 09-20 and Saturday 10-10,
 * 春节 02-15..02-23 with make-up workdays Saturday 02-14 and Saturday 02-28. A deadline of N
 * working days ends at 24:00 of the N-th working day after the day of acceptance.
 */
const endOf = (date: string) => new Date(shanghaiInstant(date).getTime() + 86_400_000).toISOString();

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.code);
  return r.data;
}

function acceptedAt(date: string, time: string, category: RequestCategory = 'repairs') {
  const at = shanghaiInstant(date, time);
  const clock = { now: at, calendar: chineseDaysCalendar };
  const created = unwrap(
    createRequest(
      {
        id: 'deadline-test-1',
        compound: { _id: 'p', name: '小区', path: ['d', 's', 'c'] },
        communityName: '社区',
        category,
        description: '测试',
        photos: [],
        location: { kind: 'spot', text: '门口' },
        emergency: false,
        reporter: { openid: 'o', name: '居民' },
      },
      clock,
    ),
  ).next;
  return unwrap(acceptRequest(created, { openid: 'l', name: '李斌', label: '小区点长' }, clock)).next;
}

describe('deadlines across official holidays', () => {
  it.each([
    ['before 中秋: Fri 09-11 + 7 counts the make-up Sunday 09-20', '2026-09-21', '2026-09-11', '10:00', 'repairs'],
    ['across 中秋: Fri 09-18 + 7 skips 09-25', '2026-09-29', '2026-09-18', '10:00', 'repairs'],
    ['across 国庆: Mon 09-28 + 7 skips 10-01..07, counts Sat 10-10', '2026-10-13', '2026-09-28', '10:00', 'repairs'],
    ['the last day before 国庆: Wed 09-30 16:00 + 7', '2026-10-15', '2026-09-30', '16:00', 'repairs'],
    ['accepted during 国庆: Sat 10-03 + 7 starts on 10-08', '2026-10-15', '2026-10-03', '09:00', 'repairs'],
    ['before 春节: Fri 02-13 + 7 counts Sat 02-14 and Sat 02-28', '2026-03-02', '2026-02-13', '10:00', 'repairs'],
    ['across 春节, complex: Tue 02-10 + 15', '2026-03-09', '2026-02-10', '10:00', 'construction'],
    ['accepted during 春节: Tue 02-17 + 7 starts on 02-24', '2026-03-03', '2026-02-17', '11:00', 'repairs'],
  ] as const)('%s → ends %s 24:00', (_label, lastDay, date, time, category) => {
    const r = acceptedAt(date, time, category);
    expect(r.deadlineAt).toBe(endOf(lastDay));
    expect(r.deadlineEstimated).toBeUndefined();
  });

  it.each([
    ['utilities: 24 clock hours, holiday or not', 'utilities', '2026-10-01', '08:00', '2026-10-02T00:00:00.000Z'],
    ['accept within 2 clock hours on New Year’s Eve', 'accept', '2026-12-31', '23:00', '2026-12-31T17:00:00.000Z'],
  ])('%s', (_label, tier, date, time, expected) => {
    const span = tier === 'accept' ? { hours: 2 } : { hours: 24 };
    expect(addSpan(shanghaiInstant(date, time), span, chineseDaysCalendar).at.toISOString()).toBe(expected);
  });
});

describe('2027 has no official schedule yet', () => {
  it('skips the computed statutory holidays, marks the deadline estimated and tells staff and the resident', async () => {
    const r = acceptedAt('2026-12-28', '10:00');
    // 12-29, 12-30, 12-31, then 2027: 01-01 is 元旦 (computed, not a working day), 01-04, 01-05, 01-06, 01-07
    expect(r).toMatchObject({ deadlineAt: endOf('2027-01-07'), deadlineEstimated: true });

    const app = await createTestApp();
    app.ports.clock.set(shanghaiInstant('2026-12-28', '10:00'));
    const id = data(
      await app.call(
        'requests',
        'submit',
        {
          key: 'year-end-request-1',
          compoundId: 'p-zhongjie',
          category: 'repairs',
          description: '楼道窗户玻璃碎了',
          location: { kind: 'home' },
        },
        WHO.resident,
      ),
    ).request.id;
    const accepted = data(await app.call('requests', 'accept', { requestId: id }, WHO.pointLeader));
    expect(accepted).toMatchObject({ deadlineEstimated: true, calendarWarning: expect.stringContaining('2027 年的调休安排还没有录入') });
    const inbox = data(await app.call('requests', 'list', { placeId: 'p-zhongjie', view: 'open' }, WHO.pointLeader));
    expect(inbox.calendarWarning).toContain('调休（连休、补班）未知');
  });

  it('shows no warning while every deadline stays inside the official data', async () => {
    const app = await createTestApp(); // 2026-11-20: 15 working days end in December
    const inbox = data(await app.call('requests', 'list', { placeId: 'p-zhongjie', view: 'open' }, WHO.pointLeader));
    expect(inbox.calendarWarning).toBeUndefined();
  });
});
