import { describe, expect, it } from 'vitest';
import { code, createTestApp, data, WHO } from './harness';

const HOUSEHOLD = 'p-zhongjie-b3-u2-601';

describe('residents bind to a household', () => {
  it('a newcomer requests, staff of the community approve, and the person becomes a resident', async () => {
    const { call } = await createTestApp();
    const me0 = data(await call('identity', 'me', {}, WHO.newcomer));
    expect(me0).toMatchObject({ grants: [], binding: null, household: null });
    const req = { householdId: HOUSEHOLD, name: '马小红', phone: '13700001111' };
    const { binding } = data(await call('identity', 'requestBinding', req, WHO.newcomer));
    expect(binding).toMatchObject({ status: 'pending', householdName: '中捷木材小区3号楼2单元601', compoundId: 'p-zhongjie' });
    // a double tap or a retry is the same request, a different one waits for review
    expect(data(await call('identity', 'requestBinding', req, WHO.newcomer)).binding._id).toBe(binding._id);
    expect(code(await call('identity', 'requestBinding', { ...req, householdId: 'p-hemu-b1-u1-101' }, WHO.newcomer))).toBe(
      'IDENTITY.BINDING_PENDING',
    );

    const pending = data(await call('identity', 'listBindings', { communityId: 'c-zhongfang' }, WHO.staffInScope));
    expect(pending.bindings.map((b: { name: string }) => b.name)).toContain('马小红');
    expect(code(await call('identity', 'reviewBinding', { bindingId: binding._id, approve: true }, WHO.staffOutOfScope))).toBe(
      'COMMON.FORBIDDEN',
    );
    data(await call('identity', 'reviewBinding', { bindingId: binding._id, approve: true }, WHO.staffInScope));
    expect(code(await call('identity', 'reviewBinding', { bindingId: binding._id, approve: false }, WHO.staffInScope))).toBe(
      'IDENTITY.BINDING_ALREADY_REVIEWED',
    );
    const me = data(await call('identity', 'me', {}, WHO.newcomer));
    expect(me.household).toMatchObject({ _id: HOUSEHOLD, compoundId: 'p-zhongjie', communityId: 'c-zhongfang' });
    expect(me.grants).toEqual([expect.objectContaining({ role: 'resident', placeId: HOUSEHOLD })]);
    expect(code(await call('identity', 'requestBinding', req, WHO.newcomer))).toBe('IDENTITY.ALREADY_BOUND');
  });

  it('a rejected request keeps its reason and may be made again', async () => {
    const { call } = await createTestApp();
    data(await call('identity', 'reviewBinding', { bindingId: 'dev-pending', approve: false, reason: '房号与登记不符' }, WHO.staffInScope));
    const me = data(await call('identity', 'me', {}, 'dev-pending'));
    expect(me.binding).toMatchObject({ status: 'rejected', reason: '房号与登记不符' });
    expect(me.grants).toEqual([]);
    const again = data(
      await call('identity', 'requestBinding', { householdId: HOUSEHOLD, name: '吴海燕', phone: '13804002003' }, 'dev-pending'),
    );
    expect(again.binding.status).toBe('pending');
  });

  it('refuses a place that is not a household', async () => {
    const { call } = await createTestApp();
    expect(
      code(await call('identity', 'requestBinding', { householdId: 'p-zhongjie-b1', name: '甲', phone: '13700001111' }, WHO.newcomer)),
    ).toBe('PLACE.NOT_A_HOUSEHOLD');
  });
});

describe('roles come from one-time invitation codes', () => {
  it('community staff invite a 小区点长; the code works once and only until it expires', async () => {
    const { call, ports } = await createTestApp();
    const invite = data(await call('identity', 'createInvite', { role: 'pointLeader', placeId: 'p-hemu' }, WHO.staffInScope));
    expect(invite.code).toMatch(/^[23456789A-HJ-NP-Z]{8}$/);
    const { grant } = data(await call('identity', 'redeemInvite', { code: invite.code.toLowerCase(), name: '钱多多' }, WHO.newcomer));
    expect(grant).toMatchObject({ role: 'pointLeader', placeId: 'p-hemu' });
    expect(code(await call('identity', 'redeemInvite', { code: invite.code, name: '钱多多' }, WHO.resident))).toBe('IDENTITY.INVITE_USED');

    const late = data(await call('identity', 'createInvite', { role: 'honoraryLeader', placeId: 'p-hemu' }, WHO.staffInScope));
    ports.clock.advance(8 * 86_400_000);
    expect(code(await call('identity', 'redeemInvite', { code: late.code, name: '钱多多' }, WHO.resident))).toBe('IDENTITY.INVITE_EXPIRED');
  });

  it('two people redeeming one code at once: exactly one gets the role', async () => {
    const { call } = await createTestApp();
    const invite = data(await call('identity', 'createInvite', { role: 'honoraryLeader', placeId: 'p-zhongjie' }, WHO.staffInScope));
    const results = await Promise.all(
      [WHO.newcomer, WHO.resident, 'dev-resident-2', 'dev-pending'].map((who) =>
        call('identity', 'redeemInvite', { code: invite.code, name: '某人' }, who),
      ),
    );
    expect(results.map(code).sort()).toEqual(['IDENTITY.INVITE_USED', 'IDENTITY.INVITE_USED', 'IDENTITY.INVITE_USED', 'OK']);
  });

  it.each([
    ['community staff', WHO.staffInScope, 'communityStaff', 'c-zhongfang', 'IDENTITY.CANNOT_GRANT'],
    ['community staff, another community', WHO.staffInScope, 'pointLeader', 'p-xinguang', 'IDENTITY.CANNOT_GRANT'],
    ['street staff', WHO.street, 'communityStaff', 'c-xinguang', 'OK'],
    ['street staff', WHO.street, 'streetStaff', 's-dongta', 'IDENTITY.CANNOT_GRANT'],
    ['admin', WHO.admin, 'streetStaff', 's-dongta', 'OK'],
    ['a point leader', WHO.pointLeader, 'honoraryLeader', 'p-zhongjie', 'IDENTITY.CANNOT_GRANT'],
    ['anyone', WHO.admin, 'pointLeader', 'c-zhongfang', 'IDENTITY.CANNOT_GRANT'], // a compound role on a community
    ['anyone', WHO.admin, 'resident', 'p-zhongjie-b1-u1-101', 'IDENTITY.CANNOT_GRANT'],
  ])('%s granting %s on %s → %s', async (_who, openid, role, placeId, expected) => {
    const { call } = await createTestApp();
    expect(code(await call('identity', 'createInvite', { role, placeId }, openid))).toBe(expected);
  });

  it('a malformed code is refused before anything is read', async () => {
    const { call } = await createTestApp();
    const result = await call('identity', 'redeemInvite', { code: '12', name: '甲' }, WHO.newcomer);
    expect(code(result)).toBe('COMMON.INVALID_INPUT');
    expect(JSON.stringify(result)).toContain('邀请码是 8 位');
  });
});

describe('who holds which role: the roster, revoking, the invitations', () => {
  it('lists the holders with since when, by whom and through which invitation; a revoke takes effect on the next call', async () => {
    const { call, ports } = await createTestApp();
    const invite = data(await call('identity', 'createInvite', { role: 'honoraryLeader', placeId: 'p-zhongjie' }, WHO.staffInScope));
    data(await call('identity', 'redeemInvite', { code: invite.code, name: '钱多多' }, WHO.newcomer));
    const expired = data(await call('identity', 'createInvite', { role: 'propertyManager', placeId: 'p-hemu' }, WHO.staffInScope));
    ports.clock.advance(8 * 86_400_000);
    const open = data(await call('identity', 'createInvite', { role: 'checkpointGuard', placeId: 'p-zhongjie' }, WHO.staffInScope));

    const roster = data(await call('identity', 'listRoles', { placeId: 'c-zhongfang' }, WHO.staffInScope));
    expect(roster.place).toMatchObject({ _id: 'c-zhongfang', kind: 'community' });
    const qian = roster.holders.find((h: { openid: string }) => h.openid === WHO.newcomer);
    expect(qian).toMatchObject({
      name: '钱多多',
      role: 'honoraryLeader',
      placeId: 'p-zhongjie',
      grantedBy: { openid: WHO.staffInScope, name: '王丽' },
      inviteCode: invite.code,
      canRevoke: true,
    });
    // the community's own staff are listed too; community staff may not take a community role away
    expect(roster.holders.find((h: { openid: string }) => h.openid === WHO.staffInScope)).toMatchObject({
      role: 'communityStaff',
      canRevoke: false,
    });
    const states = Object.fromEntries(roster.invites.map((i: { code: string; state: string }) => [i.code, i.state]));
    expect(states).toEqual({ [invite.code]: 'used', [expired.code]: 'expired', [open.code]: 'open' });
    expect(roster.invites.find((i: { code: string }) => i.code === invite.code).usedBy).toEqual({ openid: WHO.newcomer, name: '钱多多' });

    // the point leader works on the compound's requests until the role is taken away
    expect(code(await call('requests', 'list', { placeId: 'p-zhongjie' }, WHO.pointLeader))).toBe('OK');
    const leadersOnCard = async () =>
      data(await call('team', 'getCard', { compoundId: 'p-zhongjie' }, WHO.resident))
        .groups.find((g: { role: string }) => g.role === 'pointLeader')
        ?.members.map((m: { name: string }) => m.name) ?? [];
    expect(await leadersOnCard()).toContain('李斌');
    const revoke = { key: 'revoke-leader-0001', placeId: 'p-zhongjie', role: 'pointLeader', openid: WHO.pointLeader, reason: '已调离' };
    expect(code(await call('identity', 'revokeRole', revoke, WHO.staffOutOfScope))).toBe('IDENTITY.CANNOT_REVOKE');
    expect(code(await call('identity', 'revokeRole', { ...revoke, key: 'revoke-leader-0000' }, WHO.pointLeader))).toBe(
      'IDENTITY.CANNOT_REVOKE',
    );
    const { revocation } = data(await call('identity', 'revokeRole', revoke, WHO.staffInScope));
    expect(revocation).toMatchObject({
      name: '李斌',
      role: 'pointLeader',
      revokedBy: WHO.staffInScope,
      revokedByName: '王丽',
      reason: '已调离',
    });
    expect(code(await call('requests', 'list', { placeId: 'p-zhongjie' }, WHO.pointLeader))).toBe('COMMON.FORBIDDEN');
    const me = data(await call('identity', 'me', {}, WHO.pointLeader));
    expect(me.grants.some((g: { role: string }) => g.role === 'pointLeader')).toBe(false);

    // residents no longer see him on the 服务联系卡 (the same write), and the team's history says who took him off
    expect(await leadersOnCard()).not.toContain('李斌');
    const history = data(await call('team', 'history', { compoundId: 'p-zhongjie' }, WHO.staffInScope));
    expect(history.changes[0]).toMatchObject({ kind: 'remove', role: 'pointLeader', actor: { name: '王丽' }, before: { name: '李斌' } });

    // a retry answers the first record; revoking again with a new key: nothing left to revoke
    expect(data(await call('identity', 'revokeRole', revoke, WHO.staffInScope)).revocation).toEqual(revocation);
    expect(code(await call('identity', 'revokeRole', revoke, WHO.street))).toBe('COMMON.KEY_REUSED');
    expect(code(await call('identity', 'revokeRole', { ...revoke, key: 'revoke-leader-0002' }, WHO.staffInScope))).toBe(
      'IDENTITY.GRANT_NOT_FOUND',
    );

    const after = data(await call('identity', 'listRoles', { placeId: 'p-zhongjie' }, WHO.street));
    expect(after.holders.map((h: { openid: string; role: string }) => `${h.openid}:${h.role}`)).not.toContain(
      `${WHO.pointLeader}:pointLeader`,
    );
    expect(after.revocations).toEqual([expect.objectContaining({ openid: WHO.pointLeader, role: 'pointLeader', reason: '已调离' })]);
    // the roster no longer routes the compound's requests to them
    const staff = await ports.store.get('place_staff', 'p-zhongjie');
    expect(staff?.members.some((m) => m.openid === WHO.pointLeader && m.role === 'pointLeader')).toBe(false);
  });

  it('the resident is told of the answer to their binding, by message, with the reason', async () => {
    const { call, ports } = await createTestApp();
    data(await call('identity', 'reviewBinding', { bindingId: 'dev-pending', approve: false, reason: '房号与登记不符' }, WHO.staffInScope));
    const req = { householdId: HOUSEHOLD, name: '马小红', phone: '13700001111' };
    const { binding } = data(await call('identity', 'requestBinding', req, WHO.newcomer));
    data(await call('identity', 'reviewBinding', { bindingId: binding._id, approve: true }, WHO.staffInScope));
    const rows = await ports.store.find('message_outbox', { where: { template: 'requestUpdate' }, limit: 100 });
    const toPending = rows.filter((r) => r.toOpenid === 'dev-pending');
    const toNewcomer = rows.filter((r) => r.toOpenid === WHO.newcomer);
    expect(toPending).toEqual([
      expect.objectContaining({
        page: 'pages/me/index',
        data: expect.objectContaining({ thing1: '房屋绑定', phrase2: '未通过', thing3: '原因：房号与登记不符' }),
      }),
    ]);
    expect(toNewcomer).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ phrase2: '已通过', thing3: '中捷木材小区3号楼2单元601' }) }),
    ]);
  });
});
