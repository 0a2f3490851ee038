import { describe, expect, it } from 'vitest';
import { SEEDED_NOTICES } from '../dev/seed-notices';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, WHO } from './harness';
import {
  approvedIn,
  grantAll,
  LEADER,
  newKey,
  publish,
  publishOk,
  RESIDENT,
  rowsOf,
  runSender,
  SPOUSE,
  STAFF,
  STREET,
} from './notices-helpers';

const MIN = 60_000;

describe('publishing: who reaches whom', () => {
  it('a point leader reaches every household of their compound: one outbox row per approved resident, nothing sent yet', async () => {
    const { call, ports } = await createTestApp();
    const { notice, counts } = await publishOk(call, LEADER, { needsAck: true, category: 'urgent', title: '燃气泄漏排查，请在家等候' });
    const expected = await approvedIn(ports, ['p-xinguang']);
    expect(expected.length).toBeGreaterThan(15);
    expect(counts).toMatchObject({ households: 72, recipients: expected.length, delivered: 0, read: 0 });
    // households nobody registered in are counted too: only a knock on the door reaches them
    expect(counts.householdsUnregistered).toBe(72 - new Set(expected.map((b) => b.householdId)).size);
    const rows = await rowsOf(ports, notice._id);
    expect(rows.map((r) => r._id).sort()).toEqual(expected.map((b) => `${notice._id}:${b.openid}`).sort());
    expect(rows.every((r) => r.status === 'pending' && r.round === 0)).toBe(true);
    expect(await ports.store.count(COLLECTIONS.devInbox)).toBe(0);
    expect(notice).toMatchObject({ state: 'live', publisherLabel: '新光花园 小区点长 孙丽华' });
  });

  it('community staff reach chosen buildings only, across compounds', async () => {
    const { call, ports } = await createTestApp();
    const targets = ['p-xinguang-b2', 'p-dongta-b1'];
    const { notice, counts } = await publishOk(call, STAFF, { targetIds: targets });
    const inside = (h: string) => targets.some((t) => h.startsWith(`${t}-`));
    const expected = await approvedIn(ports, ['p-xinguang', 'p-dongta'], inside);
    expect(expected.map((b) => b.openid)).toContain(RESIDENT);
    expect(counts).toMatchObject({ households: 48, recipients: expected.length });
    expect((await rowsOf(ports, notice._id)).map((r) => r.openid).sort()).toEqual(expected.map((b) => b.openid).sort());
  });

  it('street staff reach the whole street; overlapping targets count each household once', async () => {
    const { call, ports } = await createTestApp();
    const { counts } = await publishOk(call, STREET, { targetIds: ['s-dongta', 'c-xinguang', 'p-xinguang-b1'] });
    const all = await approvedIn(ports, ['p-zhongjie', 'p-hemu', 'p-xinguang', 'p-dongta']);
    expect(counts).toMatchObject({ households: 4 * 72, recipients: all.length });
  });

  it.each([
    ['a point leader, the compound next door', LEADER, ['p-dongta'], 'COMMON.FORBIDDEN'],
    ['a point leader, their whole community', LEADER, ['c-xinguang'], 'COMMON.FORBIDDEN'],
    ['a point leader, own compound plus one beyond', LEADER, ['p-xinguang', 'p-dongta'], 'COMMON.FORBIDDEN'],
    ['community staff, another community’s compound', STAFF, ['p-zhongjie'], 'COMMON.FORBIDDEN'],
    ['community staff, the street', STAFF, ['s-dongta'], 'COMMON.FORBIDDEN'],
    ['community staff, a single unit (not a target)', STAFF, ['p-xinguang-b1-u1'], 'COMMON.FORBIDDEN'],
    ['a resident, own compound', RESIDENT, ['p-xinguang'], 'COMMON.FORBIDDEN'],
    ['anyone, a place that does not exist', STAFF, ['p-nowhere'], 'PLACE.NOT_FOUND'],
    ['nobody signed in', null, ['p-xinguang'], 'COMMON.UNAUTHENTICATED'],
  ])('refuses %s (%s → %s) and stores nothing', async (_label, who, targetIds, expected) => {
    const { call, ports } = await createTestApp();
    const before = await ports.store.count(COLLECTIONS.notices);
    expect(code(await publish(call, who as string, { targetIds }))).toBe(expected);
    expect(await ports.store.count(COLLECTIONS.notices)).toBe(before);
  });

  it('answers how many residents a WeChat message will reach and how many allowed none, from their grants', async () => {
    const { call, ports } = await createTestApp();
    const audience = (await approvedIn(ports, ['p-xinguang'])).map((b) => b.openid);
    const grants = await ports.store.getMany(
      COLLECTIONS.subscriptions,
      audience.map((o) => `${o}:notice`),
    );
    const allowedBefore = grants.filter((g) => g.remaining > 0 && !g.off).length;
    const first = data(await publish(call, LEADER));
    expect(first.messages).toEqual({ recipients: audience.length, willReceive: allowedBefore, noGrant: audience.length - allowedBefore });

    // three more allow it; one of them then switches it off again; one spends their last grant
    const newcomers = audience.filter((o) => !grants.some((g) => g.openid === o && g.remaining > 0)).slice(0, 3);
    await grantAll(ports, newcomers, 1);
    data(await call('notices', 'setSubscription', { template: 'notice', off: true }, newcomers[2]!));
    const second = data(await publish(call, LEADER));
    expect(second.messages).toEqual({
      recipients: audience.length,
      willReceive: allowedBefore + 2,
      noGrant: audience.length - allowedBefore - 2,
    });
    // a retry of the same publish answers the same figures
    expect(data(await publish(call, LEADER, { requestKey: second.notice._id })).messages).toEqual(second.messages);
  });

  it('阳光三务 is for staff: a point leader is refused, community staff publish it with its type', async () => {
    const { call, ports } = await createTestApp();
    const sunshine = { category: 'sunshine', sunshineType: 'finance', title: '十一月经费公开' };
    expect(code(await publish(call, LEADER, sunshine))).toBe('NOTICE.CATEGORY_NOT_ALLOWED');
    expect(code(await publish(call, STAFF, { category: 'sunshine' }))).toBe('COMMON.INVALID_INPUT');
    const { notice } = await publishOk(call, STAFF, sunshine);
    expect(notice).toMatchObject({ category: 'sunshine', sunshineType: 'finance' });
    expect(await ports.store.get(COLLECTIONS.sunshineArchive, `${notice._id}:c-xinguang`)).toMatchObject({ month: '2026-11' });
  });

  it('text that fails the content check is refused before anything is stored', async () => {
    const { call, ports } = await createTestApp();
    const counts = async () => [await ports.store.count(COLLECTIONS.notices), await ports.store.count(COLLECTIONS.noticeDeliveries)];
    const before = await counts();
    const result = await publish(call, LEADER, { body: '有人在群里发违禁词，请大家注意' });
    expect(code(result)).toBe('NOTICE.CONTENT_REJECTED');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['publishing an hour ago', { publishAt: '2026-11-20T01:00:00.000Z' }, 'publishInPast'],
    ['expiry before publishing', { publishAt: '2026-11-20T05:00:00.000Z', expiresAt: '2026-11-20T04:00:00.000Z' }, 'expiryNotAfterPublish'],
  ])('refuses %s', async (_label, extra, reason) => {
    const { call } = await createTestApp();
    const result = await publish(call, LEADER, extra);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOTICE.SCHEDULE_INVALID', details: { reason } } });
  });

  it('a retried publish (same request key) answers the same notice and writes nothing twice; another person cannot reuse the key', async () => {
    const { call, ports } = await createTestApp();
    const requestKey = newKey();
    const first = await publishOk(call, LEADER, { requestKey });
    const rows = (await rowsOf(ports, first.notice._id)).length;
    const again = await publishOk(call, LEADER, { requestKey, title: '改了标题也不会再发一次' });
    expect(again.notice).toEqual(first.notice);
    expect((await rowsOf(ports, first.notice._id)).length).toBe(rows);
    expect(code(await publish(call, STAFF, { requestKey }))).toBe('COMMON.KEY_REUSED');
  });

  it('a publish that crashed mid-outbox is invisible, and its retry completes it exactly once', async () => {
    const { call, ports } = await createTestApp();
    const realInsertMany = ports.store.insertMany.bind(ports.store);
    let failNext = true;
    ports.store.insertMany = async (collection, docs) => {
      if (collection === COLLECTIONS.noticeDeliveries && failNext) {
        failNext = false;
        await realInsertMany(collection, docs.slice(0, 5)); // part written, then the crash
        throw new Error('function timed out');
      }
      return realInsertMany(collection, docs);
    };
    const requestKey = newKey();
    expect(code(await publish(call, LEADER, { requestKey }))).toBe('COMMON.INTERNAL');
    expect(await ports.store.get(COLLECTIONS.notices, requestKey)).toMatchObject({ status: 'preparing' });
    expect(data(await call('notices', 'feed', {}, RESIDENT)).items.map((i: { _id: string }) => i._id)).not.toContain(requestKey);
    const { notice, counts } = await publishOk(call, LEADER, { requestKey });
    expect(notice.state).toBe('live');
    const rows = await rowsOf(ports, requestKey);
    expect(rows).toHaveLength(counts.recipients);
    expect(new Set(rows.map((r) => r.openid)).size).toBe(rows.length);
  });
});

describe('attachments', () => {
  const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const upload = (ports: Awaited<ReturnType<typeof createTestApp>>['ports'], owner: string, name = '停水范围.png') => {
    const uploaded = ports.files.uploadImage(PNG, name, owner);
    if (!uploaded.ok) throw new Error(uploaded.error.code);
    return uploaded.data.fileId;
  };

  it('carries the publisher’s uploaded images, and residents get a link to open each', async () => {
    const { call, ports } = await createTestApp();
    const fileId = upload(ports, LEADER);
    const { notice } = await publishOk(call, LEADER, { attachments: [{ fileId, name: '停水范围.png', kind: 'image' }] });
    const opened = data(await call('notices', 'open', { noticeId: notice._id }, RESIDENT));
    expect(opened.links).toEqual([{ fileId, name: '停水范围.png', kind: 'image', url: `/dev/files/${fileId}` }]);
  });

  it('refuses an attachment whose name fails the text check, storing nothing', async () => {
    const { call, ports } = await createTestApp();
    const before = await ports.store.count(COLLECTIONS.notices);
    const fileId = upload(ports, LEADER);
    expect(code(await publish(call, LEADER, { attachments: [{ fileId, name: '违禁词.png', kind: 'image' }] }))).toBe(
      'NOTICE.CONTENT_REJECTED',
    );
    expect(await ports.store.count(COLLECTIONS.notices)).toBe(before);
  });

  it.each([
    ['a file nobody uploaded', () => 'up-nope', 'image', 'NOTICE.ATTACHMENT_INVALID'],
    ['someone else’s upload', (p: Parameters<typeof upload>[0]) => upload(p, RESIDENT), 'image', 'NOTICE.ATTACHMENT_INVALID'],
    ['an image claimed to be a PDF', (p: Parameters<typeof upload>[0]) => upload(p, LEADER), 'pdf', 'NOTICE.ATTACHMENT_INVALID'],
  ])('refuses %s, storing nothing', async (_label, make, kind, expected) => {
    const { call, ports } = await createTestApp();
    const before = await ports.store.count(COLLECTIONS.notices);
    const result = await publish(call, LEADER, { attachments: [{ fileId: make(ports), name: '附件', kind }] });
    expect(code(result)).toBe(expected);
    expect(await ports.store.count(COLLECTIONS.notices)).toBe(before);
  });
});

describe('residents: feed, badge, reading and acknowledging', () => {
  it('shows the household’s notices urgent and pinned first, unread marked, and a badge count that falls as they are opened', async () => {
    const { call, ports } = await createTestApp();
    const plain = await publishOk(call, LEADER, { category: 'notice', title: '小区停车位重新划线' });
    ports.clock.advance(MIN);
    const pinned = await publishOk(call, STAFF, {
      category: 'activity',
      title: '重阳节包饺子活动',
      pinned: true,
      targetIds: ['c-xinguang'],
    });
    ports.clock.advance(MIN);
    const newest = await publishOk(call, LEADER, { category: 'notice', title: '快递柜搬迁' });
    const seeded = { _id: SEEDED_NOTICES.xinguangAffairs }; // 阳光三务, a day old, community-wide
    const feed = data(await call('notices', 'feed', {}, RESIDENT));
    expect(feed.household).toMatchObject({ _id: 'p-xinguang-b2-u1-302', communityId: 'c-xinguang' });
    expect(feed.items.map((i: { _id: string }) => i._id)).toEqual([pinned.notice._id, newest.notice._id, plain.notice._id, seeded._id]);
    expect(feed.items.every((i: { read: boolean }) => !i.read)).toBe(true);
    expect(feed.unread).toBe(4);
    expect(data(await call('notices', 'unreadCount', {}, RESIDENT)).unread).toBe(4);

    const opened = data(await call('notices', 'open', { noticeId: newest.notice._id }, RESIDENT));
    expect(opened).toMatchObject({ read: true, acked: false, notice: { title: '快递柜搬迁' } });
    expect(data(await call('notices', 'unreadCount', {}, RESIDENT)).unread).toBe(3);
    const after = data(await call('notices', 'feed', {}, RESIDENT));
    expect(after.items.find((i: { _id: string }) => i._id === newest.notice._id).read).toBe(true);
    // the same household's other member has their own unread state
    expect(data(await call('notices', 'unreadCount', {}, SPOUSE)).unread).toBe(4);
  });

  it('puts an urgent notice above a newer ordinary one', async () => {
    const { call, ports } = await createTestApp();
    const urgent = await publishOk(call, LEADER, { category: 'urgent', title: '电梯故障请走楼梯' });
    ports.clock.advance(MIN);
    const later = await publishOk(call, LEADER, { category: 'notice', title: '垃圾分类宣传' });
    const ids = data(await call('notices', 'feed', {}, RESIDENT)).items.map((i: { _id: string }) => i._id);
    expect(ids.indexOf(urgent.notice._id)).toBeLessThan(ids.indexOf(later.notice._id));
  });

  it('nobody outside the target sees or opens it', async () => {
    const { call } = await createTestApp();
    const { notice } = await publishOk(call, LEADER);
    const elsewhere = WHO.resident; // 中捷木材小区
    expect(data(await call('notices', 'feed', {}, elsewhere)).items.map((i: { _id: string }) => i._id)).not.toContain(notice._id);
    expect(code(await call('notices', 'open', { noticeId: notice._id }, elsewhere))).toBe('NOTICE.NOT_FOUND');
    expect(code(await call('notices', 'open', { noticeId: notice._id }, WHO.newcomer))).toBe('NOTICE.NOT_FOUND');
    expect(data(await call('notices', 'feed', {}, WHO.newcomer))).toEqual({ household: null, items: [], unread: 0 });
  });

  it('counts each person and each household once however often they open, and acknowledges when asked', async () => {
    const { call } = await createTestApp();
    const { notice } = await publishOk(call, LEADER, { needsAck: true });
    const reach = async () => data(await call('notices', 'reach', { noticeId: notice._id }, LEADER));
    await call('notices', 'open', { noticeId: notice._id }, RESIDENT);
    await call('notices', 'open', { noticeId: notice._id }, RESIDENT);
    let r = await reach();
    expect(r.counts).toMatchObject({ read: 1, householdsRead: 1, acked: 0 });
    await call('notices', 'open', { noticeId: notice._id }, SPOUSE); // same household
    r = await reach();
    expect(r.counts).toMatchObject({ read: 2, householdsRead: 1 });

    const acked = data(await call('notices', 'acknowledge', { noticeId: notice._id }, RESIDENT));
    expect(acked).toMatchObject({ read: true, acked: true, ackedAt: '2026-11-20T02:00:00.000Z' });
    await call('notices', 'acknowledge', { noticeId: notice._id }, RESIDENT);
    r = await reach();
    expect(r.counts).toMatchObject({ acked: 1, householdsAcked: 1 });
    // by building and unit: 2号楼 1单元 holds that household
    const b2 = r.buildings.find((b: { buildingName: string }) => b.buildingName === '2号楼');
    expect(b2).toMatchObject({ read: 2, householdsRead: 1, acked: 1, households: 24 });
    expect(b2.units.find((u: { unitName: string }) => u.unitName === '1单元')).toMatchObject({
      read: 2,
      householdsRead: 1,
      households: 12,
    });
    expect(r.buildings.map((b: { buildingName: string }) => b.buildingName)).toEqual(['1号楼', '2号楼', '3号楼']);
    expect(r.buildings.reduce((n: number, b: { recipients: number }) => n + b.recipients, 0)).toBe(r.counts.recipients);

    // acknowledging straight away (without opening first) also counts as read
    const other = await publishOk(call, LEADER, { needsAck: true });
    data(await call('notices', 'acknowledge', { noticeId: other.notice._id }, RESIDENT));
    expect((await data(await call('notices', 'reach', { noticeId: other.notice._id }, LEADER))).counts).toMatchObject({
      read: 1,
      acked: 1,
    });
  });

  it('refuses to acknowledge a notice that does not ask for it', async () => {
    const { call } = await createTestApp();
    const { notice } = await publishOk(call, LEADER, { needsAck: false });
    expect(code(await call('notices', 'acknowledge', { noticeId: notice._id }, RESIDENT))).toBe('NOTICE.ACK_NOT_REQUIRED');
  });

  it('a resident approved after publishing joins the audience when they open it', async () => {
    const { call, ports } = await createTestApp();
    const { notice, counts } = await publishOk(call, LEADER);
    data(
      await call('identity', 'requestBinding', { householdId: 'p-xinguang-b3-u2-601', name: '新住户', phone: '13812345670' }, WHO.newcomer),
    );
    const binding = (await ports.store.get(COLLECTIONS.bindings, WHO.newcomer))!;
    data(await call('identity', 'reviewBinding', { bindingId: binding._id, approve: true }, STAFF));
    expect(data(await call('notices', 'feed', {}, WHO.newcomer)).items.map((i: { _id: string }) => i._id)).toContain(notice._id);
    data(await call('notices', 'open', { noticeId: notice._id }, WHO.newcomer));
    const r = data(await call('notices', 'reach', { noticeId: notice._id }, LEADER));
    expect(r.counts).toMatchObject({ recipients: counts.recipients + 1, read: 1, householdsRead: 1 });
  });

  it('shows a scheduled notice only from its time, and an expired one no more', async () => {
    const { call, ports } = await createTestApp();
    const { notice } = await publishOk(call, LEADER, { publishAt: '2026-11-20T04:00:00.000Z', expiresAt: '2026-11-21T04:00:00.000Z' });
    expect(notice.state).toBe('scheduled');
    const ids = async () => data(await call('notices', 'feed', {}, RESIDENT)).items.map((i: { _id: string }) => i._id);
    expect(await ids()).not.toContain(notice._id);
    expect(code(await call('notices', 'open', { noticeId: notice._id }, RESIDENT))).toBe('NOTICE.NOT_FOUND');
    expect(code(await call('notices', 'remind', { noticeId: notice._id }, LEADER))).toBe('NOTICE.NOT_LIVE');
    ports.clock.set(new Date('2026-11-20T04:00:00.000Z'));
    expect(await ids()).toContain(notice._id);
    ports.clock.set(new Date('2026-11-21T04:00:00.000Z'));
    expect(await ids()).not.toContain(notice._id);
    expect(data(await call('notices', 'reach', { noticeId: notice._id }, LEADER)).notice.state).toBe('expired');
  });
});

describe('reach: reminders and the door-knocking list', () => {
  it('reminds only those who have not read, at most every 5 minutes, one winner when two press at once', async () => {
    const { call, ports } = await createTestApp();
    const { notice } = await publishOk(call, LEADER);
    expect(code(await call('notices', 'remind', { noticeId: notice._id }, LEADER))).toBe('NOTICE.REMIND_TOO_SOON');
    data(await runSender(ports)); // first messages go out
    await call('notices', 'open', { noticeId: notice._id }, RESIDENT);
    ports.clock.advance(5 * MIN);
    const [a, b] = await Promise.all([
      call('notices', 'remind', { noticeId: notice._id }, LEADER),
      call('notices', 'remind', { noticeId: notice._id }, STAFF),
    ]);
    expect([code(a), code(b)].sort()).toEqual(['NOTICE.REMIND_TOO_SOON', 'OK']);
    const queued = data<{ queued: number; messages: { recipients: number; willReceive: number; noGrant: number } }>(a.ok ? a : b);
    const rows = await rowsOf(ports, notice._id);
    const unread = rows.filter((r) => r.round === 0 && r._id !== `${notice._id}:${RESIDENT}`);
    expect(queued.queued).toBe(unread.length);
    // and the truth about WeChat: only those with a 社区通知 grant left will get the reminder
    const left = await ports.store.getMany(
      COLLECTIONS.subscriptions,
      unread.map((r) => `${r.openid}:notice`),
    );
    const willReceive = left.filter((g) => g.remaining > 0 && !g.off).length;
    expect(queued.messages).toEqual({ recipients: unread.length, willReceive, noGrant: unread.length - willReceive });
    expect(
      rows
        .filter((r) => r.round === 1)
        .map((r) => r.openid)
        .sort(),
    ).toEqual(unread.map((r) => r.openid).sort());
    expect(rows.some((r) => r.round === 1 && r.openid === RESIDENT)).toBe(false);

    ports.clock.advance(4 * MIN);
    const tooSoon = await call('notices', 'remind', { noticeId: notice._id }, LEADER);
    expect(tooSoon).toMatchObject({
      ok: false,
      error: { code: 'NOTICE.REMIND_TOO_SOON', details: { remindableAt: expect.stringMatching(/T02:10:00\.000Z$/) } },
    });
    ports.clock.advance(MIN);
    expect(code(await call('notices', 'remind', { noticeId: notice._id }, LEADER))).toBe('OK');
  });

  it('lists the households nobody has read in, by building and unit, with the building head; it shrinks as they read', async () => {
    const { call } = await createTestApp();
    const { notice } = await publishOk(call, LEADER);
    const list = async () => data(await call('notices', 'doorList', { noticeId: notice._id }, LEADER));
    const before = await list();
    expect(before.total).toBe(72);
    expect(before.groups.map((g: { buildingName: string; head: { title: string } | null }) => [g.buildingName, g.head?.title])).toEqual([
      ['1号楼', '1号楼楼栋长'],
      ['2号楼', '2号楼楼栋长'],
      ['3号楼', '3号楼楼栋长'],
    ]);
    const b1u2 = before.groups[0].units[1];
    expect(b1u2).toMatchObject({ unitName: '2单元', head: { title: '1号楼2单元单元长' } });
    expect(b1u2.households.map((h: { name: string }) => h.name).slice(0, 3)).toEqual(['101', '102', '201']);
    const has302 = (l: typeof before) =>
      l.groups
        .flatMap((g: { units: { households: { householdId: string }[] }[] }) =>
          g.units.flatMap((u) => u.households.map((h) => h.householdId)),
        )
        .includes('p-xinguang-b2-u1-302');
    expect(has302(before)).toBe(true);

    await call('notices', 'open', { noticeId: notice._id }, SPOUSE);
    const after = await list();
    expect(after.total).toBe(71);
    expect(has302(after)).toBe(false);
    expect(after.groups[1].count).toBe(before.groups[1].count - 1);
  });

  it('lists the notices a publisher may manage, with counters, and not those beyond their scope', async () => {
    const { call } = await createTestApp();
    const own = await publishOk(call, LEADER);
    const wide = await publishOk(call, STAFF, { targetIds: ['c-xinguang'] });
    const mine = data(await call('notices', 'listMine', {}, LEADER)).notices.map((n: { _id: string }) => n._id);
    expect(mine).toContain(own.notice._id);
    expect(mine).not.toContain(wide.notice._id); // sent to the whole community: not the point leader's to manage
    expect(mine).not.toContain(SEEDED_NOTICES.zhongjieHeating);
    const staff = data(await call('notices', 'listMine', {}, STAFF)).notices;
    expect(staff.map((n: { _id: string }) => n._id)).toEqual(expect.arrayContaining([own.notice._id, wide.notice._id]));
    expect(staff[0].counts.households).toBeGreaterThan(0);
    expect(code(await call('notices', 'reach', { noticeId: wide.notice._id }, LEADER))).toBe('COMMON.FORBIDDEN');
  });

  it('offers each publisher the places they may address', async () => {
    const { call } = await createTestApp();
    const leader = data(await call('notices', 'scopes', {}, LEADER));
    expect(leader.places.map((p: { _id: string }) => p._id)).toEqual(['p-xinguang', 'p-xinguang-b1', 'p-xinguang-b2', 'p-xinguang-b3']);
    expect(leader.canSunshine).toBe(false);
    const staff = data(await call('notices', 'scopes', {}, STAFF));
    expect(staff.places.map((p: { kind: string }) => p.kind)).toEqual([
      'community',
      'compound',
      'building',
      'building',
      'building',
      'compound',
      'building',
      'building',
      'building',
    ]);
    expect(staff.canSunshine).toBe(true);
    const street = data(await call('notices', 'scopes', {}, STREET));
    expect(street.places.filter((p: { kind: string }) => p.kind === 'building')).toEqual([]);
    expect(street.places).toHaveLength(1 + 2 + 4);
  });

  it('withdrawing takes it out of feeds and the archive and cancels what was not sent', async () => {
    const { call, ports } = await createTestApp();
    const { notice } = await publishOk(call, STAFF, { category: 'sunshine', sunshineType: 'affairs', targetIds: ['c-xinguang'] });
    const result = data(await call('notices', 'withdraw', { noticeId: notice._id }, STAFF));
    expect(result.notice.state).toBe('withdrawn');
    expect(result.cancelled).toBe((await rowsOf(ports, notice._id)).length);
    expect(data(await call('notices', 'feed', {}, RESIDENT)).items.map((i: { _id: string }) => i._id)).not.toContain(notice._id);
    const archive = data(await call('notices', 'archive', { communityId: 'c-xinguang', month: '2026-11' }, null));
    expect(archive.items.map((i: { noticeId: string }) => i.noticeId)).not.toContain(notice._id);
    data(await runSender(ports));
    expect((await rowsOf(ports, notice._id)).every((r) => r.status === 'cancelled')).toBe(true);
    const inbox = await ports.store.find(COLLECTIONS.devInbox, { limit: 1000 });
    expect(inbox.filter((m) => m.page.includes(notice._id))).toEqual([]);
    expect(inbox.length).toBeGreaterThan(0); // the sender did run: the seeded notices went out
  });
});

describe('阳光三务 archive', () => {
  it('is public, by month and type, and keeps disclosures after they leave the feed', async () => {
    const { call } = await createTestApp();
    const first = data(await call('notices', 'archive', { communityId: 'c-xinguang' }, null));
    expect(first.community).toEqual({ _id: 'c-xinguang', name: '新光社区' });
    expect(first.months).toEqual(['2026-11', '2026-10', '2026-09']);
    expect(first.month).toBe('2026-11');
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['新光社区冬季环境整治工作安排']);
    const october = data(await call('notices', 'archive', { communityId: 'c-xinguang', month: '2026-10' }, WHO.resident));
    expect(october.items).toEqual([
      expect.objectContaining({ sunshineType: 'finance', state: 'expired', publisherLabel: '东塔街道新光社区 社区工作人员 赵强' }),
    ]);
    expect(data(await call('notices', 'archive', { communityId: 'c-xinguang', month: '2026-10', type: 'party' }, null)).items).toEqual([]);
    const finance = data(await call('notices', 'archiveNotice', { noticeId: october.items[0].noticeId }, null));
    expect(finance.notice.body).toContain('结余 2,140 元');
    // another community has its own archive; ordinary notices are not served as disclosures
    expect(data(await call('notices', 'archive', { communityId: 'c-zhongfang' }, null))).toMatchObject({ months: [], items: [] });
    expect(code(await call('notices', 'archiveNotice', { noticeId: SEEDED_NOTICES.zhongjieHeating }, null))).toBe('NOTICE.NOT_FOUND');
    expect(code(await call('notices', 'archive', { communityId: 'p-xinguang' }, null))).toBe('PLACE.NOT_A_COMMUNITY');
  });

  it('a scheduled disclosure joins the archive at its time', async () => {
    const { call, ports } = await createTestApp();
    const { notice } = await publishOk(call, STAFF, {
      category: 'sunshine',
      sunshineType: 'party',
      targetIds: ['c-xinguang'],
      publishAt: '2026-12-01T01:00:00.000Z',
    });
    const months = async () => data(await call('notices', 'archive', { communityId: 'c-xinguang' }, null)).months;
    expect(await months()).not.toContain('2026-12');
    ports.clock.set(new Date('2026-12-01T01:00:00.000Z'));
    expect(await months()).toContain('2026-12');
    const december = data(await call('notices', 'archive', { communityId: 'c-xinguang', month: '2026-12' }, null));
    expect(december.items.map((i: { noticeId: string }) => i.noticeId)).toEqual([notice._id]);
  });
});

describe('subscription grants', () => {
  it('residents see, add and switch off their grants', async () => {
    const { call } = await createTestApp();
    const list = async () => data(await call('notices', 'subscriptions', {}, WHO.newcomer)).items;
    expect(
      (await list()).map((i: { template: string; remaining: number; audience: string }) => [i.template, i.remaining, i.audience]),
    ).toEqual([
      ['notice', 0, 'resident'],
      ['requestUpdate', 0, 'resident'],
      ['bookingReminder', 0, 'resident'],
      // staff allow theirs on the workbench
      ['staffTask', 0, 'staff'],
      ['staffOverdue', 0, 'staff'],
    ]);
    data(await call('notices', 'recordSubscriptions', { accepted: ['notice', 'requestUpdate'] }, WHO.newcomer));
    data(await call('notices', 'recordSubscriptions', { accepted: ['notice'] }, WHO.newcomer));
    expect((await list()).slice(0, 2).map((i: { remaining: number }) => i.remaining)).toEqual([2, 1]);
    const off = data(await call('notices', 'setSubscription', { template: 'notice', off: true }, WHO.newcomer)).items[0];
    expect(off).toMatchObject({ template: 'notice', remaining: 2, off: true, label: '社区通知' });
    // accepting again in WeChat's dialog switches it back on
    data(await call('notices', 'recordSubscriptions', { accepted: ['notice'] }, WHO.newcomer));
    expect((await list())[0]).toMatchObject({ remaining: 3, off: false });
    expect(code(await call('notices', 'recordSubscriptions', { accepted: ['nope'] }, WHO.newcomer))).toBe('COMMON.INVALID_INPUT');
  });

  it('ten taps at once add ten grants', async () => {
    const { call, ports } = await createTestApp();
    await Promise.all(Array.from({ length: 10 }, () => call('notices', 'recordSubscriptions', { accepted: ['notice'] }, WHO.newcomer)));
    expect(await ports.store.get(COLLECTIONS.subscriptions, `${WHO.newcomer}:notice`)).toMatchObject({ remaining: 10 });
  });
});
