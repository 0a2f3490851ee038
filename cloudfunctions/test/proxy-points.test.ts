import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, WHO } from './harness';

/**
 * 代办 for volunteer points: staff of 中房社区 sign up 陈秀英 (on 中捷木材小区's ledger, no phone)
 * for an activity, mark her present, confirm, and redeem from her points in the 积分超市; when she
 * binds, the place, the wallet with its entries and the redemption are hers.
 */
const STAFF = 'dev-staff-zhongfang';
const CHEN = 'p-zhongjie-b1-u1-101:陈秀英';
const PROXIED = `proxy:${CHEN}`;
const LINE = '代 陈秀英 提交 · 社区工作人员 王丽';
const activity = {
  title: '社区食堂帮厨',
  description: '帮厨、送餐',
  location: '中房社区食堂',
  startAt: '2026-11-20T03:00:00.000Z',
  endAt: '2026-11-20T05:00:00.000Z',
  seats: 2,
  points: { kind: 'perTask', points: 5 },
  whoMayJoin: 'community',
};

describe('代办: volunteer points for a resident without a phone', () => {
  it('signs her up, grants her the points, redeems for her; all hers once she binds', async () => {
    const { call, ports } = await createTestApp();
    const a = data(await call('volunteer', 'post', { communityId: 'c-zhongfang', key: 'proxy-points-post-1', activity }, STAFF)).activity;
    // a resident cannot sign up someone else, nor staff of another community
    expect(code(await call('volunteer', 'signUp', { activityId: a.id, onBehalfOf: CHEN }, WHO.resident))).toBe('COMMON.FORBIDDEN');
    expect(code(await call('volunteer', 'signUp', { activityId: a.id, onBehalfOf: CHEN }, WHO.staffOutOfScope))).toBe('COMMON.FORBIDDEN');
    expect(code(await call('volunteer', 'signUp', { activityId: a.id, onBehalfOf: 'p-zhongjie-b9:nobody' }, STAFF))).toBe(
      'LEDGER.RESIDENT_NOT_FOUND',
    );
    const signed = data(await call('volunteer', 'signUp', { activityId: a.id, onBehalfOf: CHEN }, STAFF)).activity;
    expect(signed).toMatchObject({ taken: 1, mine: { status: 'signedUp' } });
    // pressing twice keeps one place
    expect(data(await call('volunteer', 'signUp', { activityId: a.id, onBehalfOf: CHEN }, STAFF)).activity.taken).toBe(1);
    // the staff member has no place of their own
    expect(data(await call('volunteer', 'activity', { activityId: a.id }, STAFF)).activity.mine).toBeNull();
    const { rows } = data(await call('volunteer', 'roster', { activityId: a.id }, STAFF));
    expect(rows).toEqual([expect.objectContaining({ openid: PROXIED, name: '陈秀英', phone: '13804002001', proxyLine: LINE })]);

    ports.clock.set(new Date('2026-11-20T05:10:00.000Z'));
    data(await call('volunteer', 'mark', { activityId: a.id, openid: PROXIED, present: true }, STAFF));
    expect(data(await call('volunteer', 'confirm', { activityId: a.id }, STAFF))).toMatchObject({ granted: 1, points: 5 });
    expect(data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang', onBehalfOf: CHEN }, STAFF)).totals.balance).toBe(5);
    expect(code(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang', onBehalfOf: CHEN }, WHO.resident))).toBe(
      'COMMON.FORBIDDEN',
    );

    const reward = data(
      await call('volunteer', 'saveReward', { communityId: 'c-zhongfang', reward: { name: '食堂午餐一份', price: 3, stock: 2 } }, STAFF),
    ).reward;
    const redeem = () => call('volunteer', 'redeem', { rewardId: reward.id, key: 'proxy-points-redeem-1', onBehalfOf: CHEN }, STAFF);
    const first = data(await redeem());
    expect(first).toMatchObject({ balance: 2, redemption: { name: '陈秀英', proxyLine: LINE, status: 'held' } });
    // a retry is the same redemption; more than her balance is refused
    expect(data(await redeem()).redemption.id).toBe(first.redemption.id);
    expect(code(await call('volunteer', 'redeem', { rewardId: reward.id, key: 'proxy-points-redeem-2', onBehalfOf: CHEN }, STAFF))).toBe(
      'VOLUNTEER.INSUFFICIENT_POINTS',
    );
    const ledger = data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang', onBehalfOf: CHEN }, STAFF));
    expect(ledger.totals).toMatchObject({ balance: 2, earned: 5, spent: 3 });
    expect(ledger.entries[0]).toMatchObject({ kind: 'spend', recordedByName: '王丽' });

    // she binds with the ledger's name and phone: approved at once, and it is all hers
    const her = 'proxy-points-chen';
    expect(
      data(await call('identity', 'requestBinding', { householdId: 'p-zhongjie-b1-u1-101', name: '陈秀英', phone: '13804002001' }, her))
        .binding.status,
    ).toBe('approved');
    const mine = data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, her));
    expect(mine.totals).toMatchObject({ balance: 2, earned: 5, spent: 3, entries: 2 });
    expect(mine.entries.map((e: { balanceAfter: number }) => e.balanceAfter)).toEqual([2, 5]);
    expect(data(await call('volunteer', 'myRedemptions', {}, her)).redemptions).toEqual([
      expect.objectContaining({ id: first.redemption.id, proxyLine: LINE }),
    ]);
    expect(data(await call('volunteer', 'activity', { activityId: a.id }, her)).activity.mine).toMatchObject({ status: 'signedUp' });
    expect(await ports.store.get(COLLECTIONS.volWallets, `volunteer:c-zhongfang:${PROXIED}`)).toBeNull();
    expect(await ports.store.get(COLLECTIONS.volWallets, `volunteer:c-zhongfang:${her}`)).toMatchObject({ balance: 2, seq: 2 });
    // a second confirmation after she bound meets the grant already written (its id now names her)
    expect(data(await call('volunteer', 'confirm', { activityId: a.id }, STAFF)).granted).toBe(0);
    expect(data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, her)).totals.balance).toBe(2);
    // she can cancel the redemption herself: the points come back
    data(await call('volunteer', 'cancelRedemption', { redemptionId: first.redemption.id }, her));
    expect(data(await call('volunteer', 'myPoints', { communityId: 'c-zhongfang' }, her)).totals.balance).toBe(5);
  });
});
