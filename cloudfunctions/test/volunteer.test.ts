import { foldLedger, walletId, type Entry } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { seedCrowd } from '../dev/seed-booking';
import { COLLECTIONS } from '../src/ports/collections';
import { appendEntry } from '../src/use-cases/volunteer/ledger-writer';
import { code, createTestApp, data, type Call } from './harness';

const STAFF = 'dev-staff-zhongfang';
// residents of 中房社区 with no points in the demo street's seed
const R1 = 'seed-resident-p-zhongjie-3';
const R2 = 'seed-resident-p-hemu-2';
const R3 = 'seed-resident-p-hemu-3';
const at = (iso: string) => new Date(iso);

const canteen = (over: Record<string, unknown> = {}) => ({
  title: '社区食堂帮厨',
  description: '帮厨、送餐，每天两小时（东塔社区的做法）',
  location: '中房社区食堂',
  startAt: '2026-11-20T03:00:00.000Z',
  endAt: '2026-11-20T05:00:00.000Z',
  seats: 2,
  points: { kind: 'perHour', points: 1 },
  whoMayJoin: 'community',
  ...over,
});

async function posted(over: Record<string, unknown> = {}, key = 'post-canteen-1') {
  const app = await createTestApp();
  const { activity } = data(await app.call('volunteer', 'post', { communityId: 'c-zhongfang', key, activity: canteen(over) }, STAFF));
  return { ...app, id: activity.id as string };
}

async function scanned(call: Call, id: string, who: string, kind: 'in' | 'out') {
  const shown = data(await call('volunteer', 'attendanceCode', { activityId: id, kind }, STAFF));
  const [, , , window, c] = shown.token.split('.');
  return call('volunteer', 'attend', { activityId: id, kind, code: c, window: Number(window) }, who);
}

describe('volunteer activities: sign-up with a waitlist (booking’s seat rules)', () => {
  it('takes places up to the seats, then a line; a freed place goes to the first in line', async () => {
    const { call, id } = await posted();
    expect(data(await call('volunteer', 'signUp', { activityId: id }, R1)).activity).toMatchObject({
      taken: 1,
      mine: { status: 'signedUp' },
    });
    // pressing twice keeps one place
    expect(data(await call('volunteer', 'signUp', { activityId: id }, R1)).activity.taken).toBe(1);
    data(await call('volunteer', 'signUp', { activityId: id }, R2));
    const full = await call('volunteer', 'signUp', { activityId: id }, R3);
    expect(code(full)).toBe('VOLUNTEER.FULL');
    const waiting = data(await call('volunteer', 'signUp', { activityId: id, waitlist: true }, R3)).activity;
    expect(waiting).toMatchObject({ taken: 2, waiting: 1, mine: { status: 'waiting', position: 1 } });
    data(await call('volunteer', 'leave', { activityId: id }, R2));
    expect(data(await call('volunteer', 'activity', { activityId: id }, R3)).activity).toMatchObject({
      taken: 2,
      waiting: 0,
      mine: { status: 'signedUp' },
    });
    const mine = data(await call('volunteer', 'mine', {}, R1));
    expect(mine.upcoming.map((a: any) => a.id)).toEqual([id]);
  });

  it('refuses people of another community and posts from people who are not organisers', async () => {
    const { call, id } = await posted();
    expect(code(await call('volunteer', 'signUp', { activityId: id }, 'dev-resident-2'))).toBe('VOLUNTEER.NOT_ELIGIBLE');
    expect(code(await call('volunteer', 'post', { communityId: 'c-zhongfang', key: 'post-by-resident', activity: canteen() }, R1))).toBe(
      'COMMON.FORBIDDEN',
    );
  });

  it('a retried post is the same activity; its signing secret is in no answer', async () => {
    const { call, id, ports } = await posted();
    const again = data(await call('volunteer', 'post', { communityId: 'c-zhongfang', key: 'post-canteen-1', activity: canteen() }, STAFF));
    expect(again.activity.id).toBe(id);
    const secret = (await ports.store.get(COLLECTIONS.volActivities, id))!.secret;
    expect(secret.length).toBeGreaterThanOrEqual(32);
    for (const [action, input] of [
      ['activity', { activityId: id }],
      ['activities', { communityId: 'c-zhongfang' }],
      ['attendanceCode', { activityId: id, kind: 'in' }],
      ['roster', { activityId: id }],
    ] as const) {
      if (action === 'attendanceCode') ports.clock.set(at('2026-11-20T02:45:00.000Z'));
      expect(JSON.stringify(await call('volunteer', action, input, STAFF)), action).not.toContain(secret);
    }
  });
});

describe('QR attendance: the code changes every minute and an old code is refused', () => {
  it('checks in and out by scanning, then the organiser confirms and the points appear', async () => {
    const { call, id, ports } = await posted();
    data(await call('volunteer', 'signUp', { activityId: id }, R1));
    data(await call('volunteer', 'signUp', { activityId: id }, R2));
    // too early: attendance opens half an hour before the start
    expect(code(await call('volunteer', 'attendanceCode', { activityId: id, kind: 'in' }, STAFF))).toBe('VOLUNTEER.ATTENDANCE_CLOSED');
    ports.clock.set(at('2026-11-20T02:50:00.000Z'));
    const first = data(await call('volunteer', 'attendanceCode', { activityId: id, kind: 'in' }, STAFF));
    ports.clock.advance(61_000);
    expect(data(await call('volunteer', 'attendanceCode', { activityId: id, kind: 'in' }, STAFF)).code).not.toBe(first.code);
    // R1 scans the QR (window and code), R2 types the characters under it
    expect(code(await scanned(call, id, R1, 'in'))).toBe('OK');
    const typed = data(await call('volunteer', 'attendanceCode', { activityId: id, kind: 'in' }, STAFF)).code as string;
    expect(data(await call('volunteer', 'attend', { activityId: id, kind: 'in', code: typed.toLowerCase() }, R2)).kind).toBe('in');
    // a photo of the first code, three minutes on
    const [, , , oldWindow, oldCode] = first.token.split('.');
    ports.clock.advance(120_000);
    expect(code(await call('volunteer', 'attend', { activityId: id, kind: 'in', code: oldCode, window: Number(oldWindow) }, R2))).toBe(
      'VOLUNTEER.CODE_EXPIRED',
    );
    expect(code(await call('volunteer', 'attend', { activityId: id, kind: 'in', code: typed }, R2))).toBe('VOLUNTEER.CODE_EXPIRED');
    expect(code(await call('volunteer', 'attend', { activityId: id, kind: 'in', code: 'ABCDEFGH' }, R2))).toBe('VOLUNTEER.CODE_INVALID');
    // someone not signed up cannot check in with a good code
    expect(code(await scanned(call, id, R3, 'in'))).toBe('VOLUNTEER.NOT_SIGNED_UP');
    ports.clock.set(at('2026-11-20T05:05:00.000Z'));
    expect(code(await scanned(call, id, R1, 'out'))).toBe('OK');
    expect(code(await scanned(call, id, R2, 'out'))).toBe('OK');
    const rows = data(await call('volunteer', 'roster', { activityId: id }, STAFF)).rows;
    expect(rows.map((r: any) => [r.hours, r.points, r.method])).toEqual([
      [2, 2, 'qr'],
      [2, 2, 'qr'],
    ]);
    const name = (await ports.store.get(COLLECTIONS.users, R1))!.name;
    const confirmed = data(await call('volunteer', 'confirm', { activityId: id }, STAFF));
    expect(confirmed).toMatchObject({ granted: 2, points: 4, capped: 0, activity: { status: 'confirmed' } });
    const mine = data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, R1));
    expect(mine.totals).toMatchObject({ balance: 2, hours: 2 });
    expect(mine.entries[0]).toMatchObject({ kind: 'grant', points: 2, hours: 2, activityTitle: '社区食堂帮厨', recordedByName: '王丽' });
    // the certificate lists the service with who recorded it, and the board shows the month
    const cert = data(await call('volunteer', 'certificate', { communityId: 'c-zhongfang' }, R1));
    expect(cert).toMatchObject({ volunteerName: name, totalHours: 2, issuer: expect.stringContaining('中房社区') });
    expect(cert.activities).toEqual([expect.objectContaining({ title: '社区食堂帮厨', hours: 2, date: '2026-11-20', recordedBy: '王丽' })]);
    expect(data(await call('volunteer', 'certificate', { communityId: 'c-zhongfang' }, R1)).number).toBe(cert.number);
    // the seed's repair day (3 volunteers) and this shift (2) in November
    const board = data(await call('volunteer', 'board', { communityId: 'c-zhongfang', month: '2026-11' }, null));
    expect(board.rows).toHaveLength(5);
    expect(board.totalHours).toBe(10);
    expect(JSON.stringify(board)).not.toContain(name);
  });

  it('manual attendance is recorded as such; a double confirmation (even at once) grants once', async () => {
    const { call, id, ports } = await posted({ points: { kind: 'perTask', points: 3 } });
    data(await call('volunteer', 'signUp', { activityId: id }, R1));
    data(await call('volunteer', 'signUp', { activityId: id }, R2));
    ports.clock.set(at('2026-11-20T05:10:00.000Z'));
    data(await call('volunteer', 'mark', { activityId: id, openid: R1, present: true, hours: 1.5 }, STAFF));
    const [a, b] = await Promise.all([
      call('volunteer', 'confirm', { activityId: id }, STAFF),
      call('volunteer', 'confirm', { activityId: id }, STAFF),
    ]);
    expect(data(a).granted + data(b).granted).toBe(1);
    expect(data(await call('volunteer', 'confirm', { activityId: id }, STAFF)).granted).toBe(0);
    const entries = await ports.store.find(COLLECTIONS.volEntries, {
      where: { ledger: 'volunteer', communityId: 'c-zhongfang', openid: R1 },
      orderBy: [['seq', 'asc']],
      limit: 10,
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ points: 3, hours: 1.5, reason: expect.stringContaining('手工登记') });
    // R2 never came: nothing
    expect(data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, R2)).totals.balance).toBe(0);
    expect(code(await call('volunteer', 'mark', { activityId: id, openid: R2, present: true }, STAFF))).toBe('VOLUNTEER.ALREADY_CONFIRMED');
  });

  it('caps set by the community cut a grant; a reversal undoes it once', async () => {
    const { call, id, ports } = await posted({ points: { kind: 'perTask', points: 5 } });
    const s = data(await call('volunteer', 'settings', { communityId: 'c-zhongfang' }, STAFF));
    data(
      await call(
        'volunteer',
        'saveSettings',
        { communityId: 'c-zhongfang', version: s.version, settings: { ...s, capPerDay: 3 }, leads: [] },
        STAFF,
      ),
    );
    data(await call('volunteer', 'signUp', { activityId: id }, R1));
    ports.clock.set(at('2026-11-20T05:10:00.000Z'));
    data(await call('volunteer', 'mark', { activityId: id, openid: R1, present: true }, STAFF));
    expect(data(await call('volunteer', 'confirm', { activityId: id }, STAFF))).toMatchObject({ granted: 1, points: 3, capped: 1 });
    const { entries } = data(await call('volunteer', 'ledger', { communityId: 'c-zhongfang', openid: R1 }, STAFF));
    const undone = data(await call('volunteer', 'reverse', { entryId: entries[0]._id, reason: '重复登记' }, STAFF));
    expect(undone.totals).toMatchObject({ balance: 0, hours: 0 });
    expect(code(await call('volunteer', 'reverse', { entryId: entries[0]._id, reason: '重复登记' }, STAFF))).toBe(
      'VOLUNTEER.NOT_REVERSIBLE',
    );
    const after = data(await call('volunteer', 'ledger', { communityId: 'c-zhongfang', openid: R1 }, STAFF));
    expect(after.entries.map((e: any) => [e.kind, e.points])).toEqual([
      ['reversal', -3],
      ['grant', 3],
    ]);
    // a correction is a new entry with its reason, and a retry with the same key writes it once
    const key = 'correct-key-0001';
    data(await call('volunteer', 'correct', { communityId: 'c-zhongfang', openid: R1, points: 2, reason: '补记上周值班', key }, STAFF));
    expect(
      data(await call('volunteer', 'correct', { communityId: 'c-zhongfang', openid: R1, points: 2, reason: '补记上周值班', key }, STAFF))
        .totals.balance,
    ).toBe(2);
  });
});

/** Gives each person `points` by a correction entry written straight through the ledger writer. */
async function fund(app: Awaited<ReturnType<typeof createTestApp>>, communityId: string, openids: string[], points: number) {
  for (const openid of openids)
    await app.ports.store.transaction((tx) =>
      appendEntry(tx, {
        _id: `volunteer:correction:fund-${openid}`,
        ledger: 'volunteer',
        communityId,
        openid,
        name: openid,
        kind: 'correction',
        points,
        hours: 0,
        reason: '测试',
        recordedBy: { openid: 'test', name: '测试', role: 'test' },
        at: '2026-11-20T02:00:00.000Z',
        day: '2026-11-20',
        month: '2026-11',
      }),
    );
}

describe('积分超市: stock and balance in one transaction', () => {
  it('redeems with a code staff scan; a code is handed over once; cancelling returns points and stock', async () => {
    const app = await createTestApp();
    const { call } = app;
    await fund(app, 'c-zhongfang', [R1], 5);
    const { reward } = data(
      await call('volunteer', 'saveReward', { communityId: 'c-zhongfang', reward: { name: '食堂午餐一份', price: 2, stock: 3 } }, STAFF),
    );
    const first = data(await call('volunteer', 'redeem', { rewardId: reward.id, key: 'redeem-key-0001' }, R1));
    expect(first).toMatchObject({ balance: 3, redemption: { status: 'held', rewardName: '食堂午餐一份' } });
    // a retry is the same redemption
    expect(data(await call('volunteer', 'redeem', { rewardId: reward.id, key: 'redeem-key-0001' }, R1)).redemption.id).toBe(
      first.redemption.id,
    );
    expect(
      code(await call('volunteer', 'handOver', { communityId: 'c-xinguang', code: first.redemption.code }, 'dev-staff-xinguang')),
    ).toBe('VOLUNTEER.REDEMPTION_NOT_FOUND');
    expect(
      data(await call('volunteer', 'handOver', { communityId: 'c-zhongfang', code: first.redemption.code.toLowerCase() }, STAFF)).redemption
        .status,
    ).toBe('handedOver');
    expect(code(await call('volunteer', 'handOver', { communityId: 'c-zhongfang', code: first.redemption.code }, STAFF))).toBe(
      'VOLUNTEER.REDEMPTION_DONE',
    );
    const second = data(await call('volunteer', 'redeem', { rewardId: reward.id, key: 'redeem-key-0002' }, R1));
    data(await call('volunteer', 'cancelRedemption', { redemptionId: second.redemption.id }, R1));
    expect(data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, R1)).totals.balance).toBe(3);
    expect(
      data(await call('volunteer', 'rewards', { communityId: 'c-zhongfang' }, R1)).rewards.find((r: any) => r.id === reward.id).left,
    ).toBe(2);
    expect(code(await call('volunteer', 'redeem', { rewardId: reward.id, key: 'redeem-key-0003' }, R2))).toBe(
      'VOLUNTEER.INSUFFICIENT_POINTS',
    );
  });

  it('100 residents redeeming the last 3 items at once: exactly 3 redemptions, no balance below zero', async () => {
    const app = await createTestApp();
    const { call, ports } = app;
    const crowd = await seedCrowd(ports.store, ports.clock, 100);
    await fund(app, 'c-xinguang', crowd, 2);
    const { reward } = data(
      await call(
        'volunteer',
        'saveReward',
        { communityId: 'c-xinguang', reward: { name: '理发一次', price: 2, stock: 3 } },
        'dev-staff-xinguang',
      ),
    );
    const results = await Promise.all(
      crowd.map((openid, i) => call('volunteer', 'redeem', { rewardId: reward.id, key: `crowd-redeem-${i}` }, openid)),
    );
    const counts = results.map(code).reduce<Record<string, number>>((m, c) => ({ ...m, [c]: (m[c] ?? 0) + 1 }), {});
    expect(counts).toEqual({ OK: 3, 'VOLUNTEER.OUT_OF_STOCK': 97 });
    expect((await ports.store.get(COLLECTIONS.volRewards, reward.id))?.redeemed).toBe(3);
    expect(await ports.store.count(COLLECTIONS.volRedemptions, { rewardId: reward.id })).toBe(3);
    // every wallet agrees with its entries, and none is below zero
    for (const openid of crowd) {
      const entries = await ports.store.find(COLLECTIONS.volEntries, {
        where: { ledger: 'volunteer', communityId: 'c-xinguang', openid },
        orderBy: [['seq', 'asc']],
        limit: 100,
      });
      const wallet = await ports.store.get(COLLECTIONS.volWallets, walletId('volunteer', 'c-xinguang', openid));
      expect(foldLedger(entries as Entry[]).balance).toBe(wallet?.balance);
      expect(wallet!.balance).toBeGreaterThanOrEqual(0);
    }
  });

  it('one resident pressing on two rewards at once with points for one: one goes through', async () => {
    const app = await createTestApp();
    const { call } = app;
    await fund(app, 'c-zhongfang', [R1], 2);
    const a = data(
      await call('volunteer', 'saveReward', { communityId: 'c-zhongfang', reward: { name: '午餐', price: 2, stock: 5 } }, STAFF),
    ).reward;
    const b = data(
      await call('volunteer', 'saveReward', { communityId: 'c-zhongfang', reward: { name: '理发', price: 2, stock: 5 } }, STAFF),
    ).reward;
    const results = await Promise.all([
      call('volunteer', 'redeem', { rewardId: a.id, key: 'two-at-once-1' }, R1),
      call('volunteer', 'redeem', { rewardId: b.id, key: 'two-at-once-2' }, R1),
    ]);
    expect(results.map(code).sort()).toEqual(['OK', 'VOLUNTEER.INSUFFICIENT_POINTS']);
    expect(data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, R1)).totals.balance).toBe(0);
  });
});

describe('points expiry: the hourly timer, bounded and idempotent', () => {
  it('expires what is left of credits older than the community’s life, oldest first, once', async () => {
    const { call, ports, id } = await posted();
    const { dispatch } = await import('../src/platform/dispatch');
    const { FUNCTIONS } = await import('../src/functions/registry');
    const { fromTimer } = await import('../src/platform/origin');
    const hourly = async () =>
      data<any>(await dispatch(FUNCTIONS.volunteer, { Type: 'Timer', TriggerName: 'volunteer-timer', Time: '' }, fromTimer, ports, 't'));
    const balance = async (openid: string) =>
      data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, openid)).totals.balance;

    // no life set: nothing expires
    expect((await hourly()).expiry).toMatchObject({ communities: 0, people: 0 });
    const s = data(await call('volunteer', 'settings', { communityId: 'c-zhongfang' }, STAFF));
    expect(s.pointsLifeMonths).toBeNull();
    data(
      await call(
        'volunteer',
        'saveSettings',
        { communityId: 'c-zhongfang', version: s.version, settings: { ...s, pointsLifeMonths: 1 }, leads: s.leads },
        STAFF,
      ),
    );
    // R1 earns today (2026-11-20); dev-resident-1 earned on the seeded repair day ten days ago
    data(await call('volunteer', 'signUp', { activityId: id }, R1));
    ports.clock.set(at('2026-11-20T05:10:00.000Z'));
    data(await call('volunteer', 'mark', { activityId: id, openid: R1, present: true }, STAFF));
    data(await call('volunteer', 'confirm', { activityId: id }, STAFF));
    const earned = { r1: await balance(R1), old: await balance('dev-resident-1') };
    expect(earned.r1).toBeGreaterThan(0);
    expect(earned.old).toBeGreaterThan(0);

    // a month and a few days later: the repair day's credits are past their life, today's are not
    ports.clock.set(at('2026-12-15T02:00:00.000Z'));
    const first = await hourly();
    expect(first.expiry.communities).toBe(1);
    expect(first.expiry.people).toBe(3); // the three volunteers of the seeded repair day
    expect(await balance('dev-resident-1')).toBe(0);
    expect(await balance(R1)).toBe(earned.r1);
    const { entries } = data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, 'dev-resident-1'));
    expect(entries[0]).toMatchObject({ kind: 'expiry', points: -earned.old, recordedByName: '系统' });

    // the timer runs again (a retry, the next hour, the next day): nothing more expires
    expect((await hourly()).expiry.people).toBe(0);
    ports.clock.set(at('2026-12-16T02:00:00.000Z'));
    expect((await hourly()).expiry.people).toBe(0);
    expect(await balance('dev-resident-1')).toBe(0);
    // the balance is still the fold of the entries
    const wallet = await ports.store.get(COLLECTIONS.volWallets, walletId('volunteer', 'c-zhongfang', 'dev-resident-1'));
    const all = await ports.store.find(COLLECTIONS.volEntries, {
      where: { ledger: 'volunteer', communityId: 'c-zhongfang', openid: 'dev-resident-1' },
      orderBy: [
        ['ledger', 'asc'],
        ['communityId', 'asc'],
        ['openid', 'asc'],
        ['seq', 'asc'],
      ],
      limit: 100,
    });
    expect(wallet?.balance).toBe(foldLedger(all as Entry[]).balance);
    // only the platform's timer may run it
    expect(code(await call('volunteer', 'expire', {}, STAFF))).toBe('COMMON.FORBIDDEN');
  });

  it('takes one page of wallets per run and goes on from where it stopped', async () => {
    const app = await createTestApp();
    const { ports } = app;
    const { dispatch } = await import('../src/platform/dispatch');
    const { FUNCTIONS } = await import('../src/functions/registry');
    const { fromTimer } = await import('../src/platform/origin');
    const { EXPIRY_WALLETS_PER_RUN } = await import('../src/use-cases/volunteer/expire-points');
    const expire = async () =>
      data<any>(await dispatch(FUNCTIONS.volunteer, { Type: 'Timer', TriggerName: 'volunteer-timer', Time: '' }, fromTimer, ports, 't'))
        .expiry;
    const crowd = Array.from({ length: EXPIRY_WALLETS_PER_RUN + 50 }, (_, i) => `crowd-${String(i).padStart(4, '0')}`);
    await fund(app, 'c-xinguang', crowd, 3);
    const s = (await ports.store.get(COLLECTIONS.volSettings, 'c-xinguang')) ?? null;
    await ports.store.put(COLLECTIONS.volSettings, {
      _id: 'c-xinguang',
      capPerDay: null,
      capPerMonth: null,
      householdsPerMember: 10,
      visitEveryDays: 30,
      leads: [],
      partyItems: s?.partyItems ?? [],
      version: (s?.version ?? 0) + 1,
      updatedAt: '2026-11-20T02:00:00.000Z',
      pointsLifeMonths: 6,
      expiryDueAt: '2026-11-20T02:00:00.000Z',
    });
    ports.clock.set(at('2027-06-01T02:00:00.000Z'));
    const first = await expire();
    expect(first).toMatchObject({
      communities: 1,
      checked: EXPIRY_WALLETS_PER_RUN,
      people: EXPIRY_WALLETS_PER_RUN,
      points: 3 * EXPIRY_WALLETS_PER_RUN,
    });
    const second = await expire();
    expect(second).toMatchObject({ checked: 50, people: 50 });
    // a full pass is done: the community is due again tomorrow, and that pass finds nothing left
    expect(await expire()).toMatchObject({ communities: 0, checked: 0 });
    ports.clock.set(at('2027-06-02T02:00:00.000Z'));
    expect(await expire()).toMatchObject({ communities: 1, checked: EXPIRY_WALLETS_PER_RUN, people: 0 });
    for (const openid of [crowd[0]!, crowd.at(-1)!])
      expect((await ports.store.get(COLLECTIONS.volWallets, walletId('volunteer', 'c-xinguang', openid)))?.balance).toBe(0);
  });
});
