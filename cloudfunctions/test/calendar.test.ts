import { DEFAULT_RULE_SETTINGS, shanghaiInstant } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { runTimer } from '../dev/timers';
import { COLLECTIONS } from '../src/ports/collections';
import { readCommunityNumbers } from '../src/use-cases/settings/read-settings';
import { code, createTestApp, data, WHO } from './harness';

/** 新光社区 (in 东塔街道): 法律咨询 has one seat per slot, 社保医保代办 opens weekdays (dev/seed-booking.ts). */
const LEGAL = 'c-xinguang-svc-5';
const SOCIAL = 'c-xinguang-svc-3';
const [B1, B2] = ['dev-booker-1', 'dev-booker-2'] as const;
const booker = { name: '钱玉兰', phone: '13804003001', note: '' };

const endOf = (date: string) => new Date(shanghaiInstant(date).getTime() + 86_400_000).toISOString();

const NOTICE_2027 = {
  year: 2027,
  noticeTitle: '国务院办公厅关于2027年部分节假日安排的通知',
  noticeDate: '2026-11-10',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-13' },
  ],
  // a make-up Saturday (made up for the test: the real notice is not out yet)
  workdays: ['2027-01-09'],
};

async function acceptedRequest(app: Awaited<ReturnType<typeof createTestApp>>, key: string) {
  const id = data(
    await app.call(
      'requests',
      'submit',
      { key, compoundId: 'p-zhongjie', category: 'repairs', description: '楼道窗户玻璃碎了', location: { kind: 'home' } },
      WHO.resident,
    ),
  ).request.id;
  return data(await app.call('requests', 'accept', { requestId: id }, WHO.pointLeader));
}

describe('the working-day calendar an admin keeps', () => {
  it('shows 2027 as computed with a warning, then as entered without one, logged', async () => {
    const app = await createTestApp();
    const before = data(await app.call('calendar', 'year', { year: 2027 }, WHO.admin));
    expect(before).toMatchObject({ source: 'computed', lastOfficialYear: 2026, schedule: null });
    expect(before.warning).toContain('2027 年的调休安排还没有录入');
    expect(before.statutory.map((h: { date: string }) => h.date)).toEqual(
      expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-08']),
    );

    const after = data(await app.call('calendar', 'enterSchedule', { ...NOTICE_2027, key: 'enter-2027-a', expectedVersion: 0 }, WHO.admin));
    expect(after).toMatchObject({
      source: 'entered',
      lastOfficialYear: 2027,
      warning: null,
      schedule: { version: 1, enteredBy: { name: '张主任' } },
    });
    expect(after.changes[0]).toMatchObject({ kind: 'schedule', subject: '2027', by: { openid: 'dev-admin' } });
    expect(after.changes[0].changedDates).toEqual(expect.arrayContaining(['2027-01-09', '2027-02-09', '2027-02-12']));

    // a retry of the same form answers the first result and writes nothing more
    const again = data(await app.call('calendar', 'enterSchedule', { ...NOTICE_2027, key: 'enter-2027-a', expectedVersion: 0 }, WHO.admin));
    expect(again.changes.filter((c: { kind: string }) => c.kind === 'schedule')).toHaveLength(1);
    // a second admin with the old version is told to reload, not allowed to overwrite
    expect(code(await app.call('calendar', 'enterSchedule', { ...NOTICE_2027, key: 'enter-2027-b', expectedVersion: 0 }, WHO.street))).toBe(
      'CALENDAR.SCHEDULE_STALE',
    );
    // bad input: nothing written
    expect(
      code(
        await app.call(
          'calendar',
          'enterSchedule',
          { ...NOTICE_2027, workdays: ['2027-02-06'], key: 'enter-2027-c', expectedVersion: 1 },
          WHO.admin,
        ),
      ),
    ).toBe('COMMON.INVALID_INPUT');
    expect(data(await app.call('calendar', 'year', { year: 2027 }, WHO.admin)).schedule.version).toBe(1);
    // residents and community staff may not
    expect(
      code(await app.call('calendar', 'enterSchedule', { ...NOTICE_2027, key: 'enter-2027-d', expectedVersion: 1 }, WHO.staffInScope)),
    ).toBe('COMMON.FORBIDDEN');

    // the booking calendar of the staff no longer warns about 2027 either
    app.ports.clock.set(shanghaiInstant('2026-12-24', '09:00'));
    const days = data(await app.call('booking', 'days', { serviceId: 'c-xinguang-svc-3' }, WHO.resident));
    expect(days.calendarWarning).toBeNull();
  });

  it('moves open deadlines when 2027 is entered, with a line on their timeline', async () => {
    const app = await createTestApp();
    app.ports.clock.set(shanghaiInstant('2026-12-28', '10:00'));
    const r = await acceptedRequest(app, 'calendar-move-1');
    // computed: 12-29, 12-30, 12-31, (元旦), 01-04 … 01-07
    expect(r).toMatchObject({ deadlineAt: endOf('2027-01-07'), deadlineEstimated: true });

    data(await app.call('calendar', 'enterSchedule', { ...NOTICE_2027, key: 'enter-2027-move', expectedVersion: 0 }, WHO.street));
    const moved = data(await app.call('requests', 'get', { requestId: r.id }, WHO.pointLeader));
    // entered: the same days (元旦 off in both, the make-up Saturday 01-09 comes after), no longer an estimate
    expect(moved.deadlineAt).toBe(endOf('2027-01-07'));
    expect(moved.deadlineEstimated).toBeFalsy();
    expect(JSON.stringify(moved)).toContain('节假日安排有调整');
  });

  it('counts an entered make-up Saturday: a deadline across it comes a day earlier', async () => {
    const app = await createTestApp();
    app.ports.clock.set(shanghaiInstant('2027-01-05', '10:00'));
    const r = await acceptedRequest(app, 'calendar-saturday-1');
    // computed: 01-06, 01-07, 01-08, 01-11 … 01-14
    expect(r.deadlineAt).toBe(endOf('2027-01-14'));
    const view = data(
      await app.call('calendar', 'enterSchedule', { ...NOTICE_2027, key: 'enter-2027-sat', expectedVersion: 0 }, WHO.admin),
    );
    expect(view.changes[0].applied).toMatchObject({ requests: expect.any(Number) });
    // entered: 01-06, 01-07, 01-08, Sat 01-09, 01-11, 01-12, 01-13
    const moved = data(await app.call('requests', 'get', { requestId: r.id }, WHO.pointLeader));
    expect(moved.deadlineAt).toBe(endOf('2027-01-13'));
    expect(JSON.stringify(moved)).toContain('调整为 1月13日 24:00');
    // the timer's run after it changes nothing more
    const rerun = await app.call('calendar', 'applyChanges', {}, null);
    expect(code(rerun)).not.toBe('COMMON.INTERNAL');
    expect(data(await app.call('requests', 'get', { requestId: r.id }, WHO.pointLeader)).version).toBe(moved.version);
  });

  it('a local typhoon closure moves the street’s deadlines and only theirs', async () => {
    const app = await createTestApp();
    app.ports.clock.set(shanghaiInstant('2026-11-23', '10:00'));
    const r = await acceptedRequest(app, 'calendar-typhoon-1');
    // Mon 11-23 + 7: 11-24 … 12-02
    expect(r.deadlineAt).toBe(endOf('2026-12-02'));
    const view = data(
      await app.call(
        'calendar',
        'addClosure',
        { key: 'typhoon-1', placeId: 's-dongta', date: '2026-11-25', reason: '台风停工', year: 2026 },
        WHO.street,
      ),
    );
    expect(view.closures).toEqual([expect.objectContaining({ placeId: 's-dongta', date: '2026-11-25', reason: '台风停工' })]);
    expect(view.changes[0]).toMatchObject({ kind: 'closureAdded', by: { name: '刘晓燕' }, applied: { requests: expect.any(Number) } });
    const moved = data(await app.call('requests', 'get', { requestId: r.id }, WHO.pointLeader));
    expect(moved.deadlineAt).toBe(endOf('2026-12-03'));
    // community staff cannot close a street's days
    expect(
      code(
        await app.call(
          'calendar',
          'addClosure',
          { key: 'typhoon-2', placeId: 's-dongta', date: '2026-11-26', reason: '台风', year: 2026 },
          WHO.staffInScope,
        ),
      ),
    ).toBe('COMMON.FORBIDDEN');
    // taken back: the day counts again
    data(
      await app.call('calendar', 'removeClosure', { key: 'untyphoon-1', placeId: 's-dongta', date: '2026-11-25', year: 2026 }, WHO.street),
    );
    expect(data(await app.call('requests', 'get', { requestId: r.id }, WHO.pointLeader)).deadlineAt).toBe(endOf('2026-12-02'));
    expect(
      code(
        await app.call(
          'calendar',
          'removeClosure',
          { key: 'untyphoon-2', placeId: 's-dongta', date: '2026-11-25', year: 2026 },
          WHO.street,
        ),
      ),
    ).toBe('CALENDAR.CLOSURE_NOT_FOUND');
  });

  it('cancels the bookings of a day that became closed, clears its waitlist and tells the residents', async () => {
    const app = await createTestApp(); // Friday 2026-11-20
    const startAt = shanghaiInstant('2026-11-23', '14:00').toISOString(); // Monday: 法律咨询, one seat
    const booking = data(
      await app.call('booking', 'book', { serviceId: LEGAL, startAt, booker, requestKey: 'calendar-book-1' }, B1),
    ).booking;
    const entry = data(
      await app.call('booking', 'joinWaitlist', { serviceId: LEGAL, startAt, booker: { name: '冯志刚', phone: '13804003002' } }, B2),
    ).entry;
    data(await app.call('notices', 'recordSubscriptions', { accepted: ['bookingReminder'] }, B1));

    const view = data(
      await app.call(
        'calendar',
        'addClosure',
        { key: 'typhoon-book', placeId: 's-dongta', date: '2026-11-23', reason: '台风停工', year: 2026 },
        WHO.street,
      ),
    );
    expect(view.changes[0].applied).toMatchObject({ bookings: 1 });
    const cancelled = await app.ports.store.get(COLLECTIONS.bookings, booking._id);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: expect.stringContaining('台风停工') });
    expect(await app.ports.store.get(COLLECTIONS.bookingWaitlist, entry._id)).toMatchObject({ status: 'expired' });
    data(await runTimer('messages', app.ports));
    const inbox = await app.ports.store.find(COLLECTIONS.devInbox, {
      where: { toOpenid: B1 },
      orderBy: [['createdAt', 'desc']],
      limit: 10,
    });
    expect(JSON.stringify(inbox)).toContain('这天停办，预约已取消');
    // the day shows closed, and nobody can book it
    const days = data(await app.call('booking', 'days', { serviceId: LEGAL }, B2)).days;
    expect(days.find((d: { date: string }) => d.date === '2026-11-23')).toMatchObject({ free: 0 });
    expect(code(await app.call('booking', 'book', { serviceId: LEGAL, startAt, booker, requestKey: 'calendar-book-2' }, B2))).toBe(
      'BOOKING.DAY_CLOSED',
    );
    // the timer's next run cancels nothing twice
    const rerun = data(await runTimer('calendar', app.ports));
    expect(rerun).toMatchObject({ bookings: 0 });
  });

  it('opens the slots of an entered make-up Saturday', async () => {
    const app = await createTestApp();
    app.ports.clock.set(shanghaiInstant('2027-01-04', '09:00'));
    const before = data(await app.call('booking', 'slots', { serviceId: SOCIAL, date: '2027-01-09' }, B1));
    expect(before.slots).toHaveLength(0);
    data(await app.call('calendar', 'enterSchedule', { ...NOTICE_2027, key: 'enter-2027-slots', expectedVersion: 0 }, WHO.admin));
    const after = data(await app.call('booking', 'slots', { serviceId: SOCIAL, date: '2027-01-09' }, B1));
    expect(after.slots.length).toBeGreaterThan(0);
    const startAt = after.slots[0].startAt;
    expect(code(await app.call('booking', 'book', { serviceId: SOCIAL, startAt, booker, requestKey: 'calendar-sat-book' }, B1))).toBe('OK');
  });
});

describe('rules the district sets', () => {
  const repairs7 = (app: Awaited<ReturnType<typeof createTestApp>>, key: string) => acceptedRequest(app, key);

  it('a new 报修 deadline applies to requests filed after its date, not to those filed before', async () => {
    const app = await createTestApp(); // Friday 2026-11-20 10:00
    const seed = data(await app.call('settings', 'get', { districtId: 'd-dadong' }, WHO.admin));
    expect(seed.inForce).toMatchObject({ effectiveFrom: null, settings: DEFAULT_RULE_SETTINGS });
    expect(seed.inForce.settings.categories.repairs).toEqual({ tier: 'general', track: 'minor' });

    const before = await repairs7(app, 'rules-before');
    expect(before.deadlineAt).toBe(endOf('2026-12-01')); // 7 working days from 11-20

    const settings = structuredClone(DEFAULT_RULE_SETTINGS);
    settings.tiers.general.resolve = { workdays: 5 };
    settings.community.yishitingSupportThreshold = 15;
    settings.communities['c-xinguang'] = { yishitingSupportThreshold: 30 };
    settings.categories.repairs.track = 'major';
    expect(code(await app.call('settings', 'save', { districtId: 'd-dadong', effectiveFrom: '2026-11-19', settings }, WHO.admin))).toBe(
      'SETTINGS.EFFECTIVE_IN_PAST',
    );
    expect(code(await app.call('settings', 'save', { districtId: 'd-dadong', effectiveFrom: '2026-11-23', settings }, WHO.street))).toBe(
      'COMMON.FORBIDDEN',
    );
    const saved = data(await app.call('settings', 'save', { districtId: 'd-dadong', effectiveFrom: '2026-11-23', settings }, WHO.admin));
    expect(saved.upcoming).toMatchObject({ effectiveFrom: '2026-11-23', savedBy: { name: '张主任' } });
    expect(saved.inForce.effectiveFrom).toBeNull();

    // still 11-20: filed under the seed
    expect((await repairs7(app, 'rules-same-day')).deadlineAt).toBe(endOf('2026-12-01'));
    // Monday 11-23: filed under the new rules, 5 working days
    app.ports.clock.set(shanghaiInstant('2026-11-23', '10:00'));
    const after = await repairs7(app, 'rules-after');
    expect(after.deadlineAt).toBe(endOf('2026-11-30'));
    // 三事分流: the triage form starts from the category's track
    expect(data(await app.call('requests', 'get', { requestId: after.id }, WHO.pointLeader)).suggestedTrack).toBe('major');
    expect(data(await app.call('requests', 'get', { requestId: before.id }, WHO.pointLeader)).suggestedTrack).toBe('minor');
    // the one filed before keeps its rules when counted again
    const old = data(await app.call('requests', 'get', { requestId: before.id }, WHO.pointLeader));
    expect(old.deadlineAt).toBe(endOf('2026-12-01'));

    // per-community numbers, one typed reader
    const zhongfang = (await app.ports.store.get(COLLECTIONS.places, 'c-zhongfang'))!;
    const xinguang = (await app.ports.store.get(COLLECTIONS.places, 'c-xinguang'))!;
    expect(await readCommunityNumbers(app.ports.store, zhongfang, '2026-11-23')).toEqual({
      yishitingSupportThreshold: 15,
      communityKind: 'urban',
    });
    expect(await readCommunityNumbers(app.ports.store, xinguang, '2026-11-23')).toEqual({
      yishitingSupportThreshold: 30,
      communityKind: 'urban',
    });
    expect(await readCommunityNumbers(app.ports.store, xinguang, '2026-11-20')).toEqual({
      yishitingSupportThreshold: 10,
      communityKind: 'urban',
    });
  });

  it('督办 intervals apply to requests filed after their date; the version saved before them reads with the seed', async () => {
    const app = await createTestApp(); // Friday 2026-11-20 10:00
    const settings = structuredClone(DEFAULT_RULE_SETTINGS);
    settings.escalateEvery.accept = { hours: 1 };
    data(await app.call('settings', 'save', { districtId: 'd-dadong', effectiveFrom: '2026-11-23', settings }, WHO.admin));
    const submit = async (key: string) =>
      data(
        await app.call(
          'requests',
          'submit',
          { key, compoundId: 'p-zhongjie', category: 'repairs', description: '楼道窗户玻璃碎了', location: { kind: 'home' } },
          WHO.resident,
        ),
      ).request.id as string;
    const before = await submit('escalate-before');
    app.ports.clock.set(shanghaiInstant('2026-11-23', '10:00'));
    const after = await submit('escalate-after');
    expect((await app.ports.store.get(COLLECTIONS.requests, after))!.escalateEvery?.accept).toEqual({ hours: 1 });
    expect((await app.ports.store.get(COLLECTIONS.requests, before))!.escalateEvery?.accept).toEqual({ hours: 2 }); // the seed's
    // a stored version without the field (saved before it existed) reads with the seed's intervals
    const stored = (await app.ports.store.get(COLLECTIONS.ruleSettings, 'rs-d-dadong-2026-11-23'))!;
    const { escalateEvery: _dropped, ...old } = stored.settings;
    await app.ports.store.put(COLLECTIONS.ruleSettings, { ...stored, settings: old as typeof stored.settings });
    expect(data(await app.call('settings', 'get', { districtId: 'd-dadong' }, WHO.admin)).inForce.settings.escalateEvery).toEqual(
      DEFAULT_RULE_SETTINGS.escalateEvery,
    );
  });

  it('refuses settings that make no sense, writing nothing', async () => {
    const app = await createTestApp();
    const bad = structuredClone(DEFAULT_RULE_SETTINGS) as any;
    bad.tiers.general.resolve = { workdays: 0 };
    expect(
      code(await app.call('settings', 'save', { districtId: 'd-dadong', effectiveFrom: '2026-11-23', settings: bad }, WHO.admin)),
    ).toBe('COMMON.INVALID_INPUT');
    expect(data(await app.call('settings', 'get', { districtId: 'd-dadong' }, WHO.admin)).versions).toEqual([]);
  });
});
