import ExcelJS from 'exceljs';
import {
  categoryField,
  REQUEST_CATEGORIES,
  REQUEST_SOURCES,
  sourceField,
  STAT_FIELDS,
  type Envelope,
  type RequestEvent,
} from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_REQUESTS } from '../dev/seed-requests';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, WHO } from './harness';

type App = Awaited<ReturnType<typeof createTestApp>>;

const RESIDENT = WHO.resident; // 陈秀英, 中捷木材小区 1号楼1单元101
const LEADER = WHO.pointLeader; // 李斌, 小区点长 of 中捷木材小区
const STAFF = WHO.staffInScope; // 王丽, 中房社区
const STREET = WHO.street; // 刘晓燕, 东塔街道
const MIN = 60_000;
const HOUR = 60 * MIN;

let keys = 0;
const newKey = () => `test-key-${String(++keys).padStart(6, '0')}`;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

function submit(app: App, over: Record<string, unknown> = {}, openid: string = RESIDENT) {
  return app.call(
    'requests',
    'submit',
    {
      key: newKey(),
      compoundId: 'p-zhongjie',
      category: 'repairs',
      description: '3号楼2单元楼道灯坏了，晚上很黑',
      location: { kind: 'home' },
      ...over,
    },
    openid,
  );
}

async function submitted(app: App, over: Record<string, unknown> = {}): Promise<string> {
  return data(await submit(app, over)).request.id;
}

/** A request brought to `handling` with the 小区点长 as handler. */
async function handling(app: App, over: Record<string, unknown> = {}): Promise<string> {
  const id = await submitted(app, over);
  data(await app.call('requests', 'accept', { requestId: id }, LEADER));
  data(await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: LEADER }, LEADER));
  return id;
}

/** The messages timer, as CloudBase runs it: sends what the steps queued in the outbox. */
const deliver = (app: App): Promise<Envelope<any>> =>
  dispatch(FUNCTIONS.messages, { Type: 'Timer', TriggerName: 'messages-timer' }, fromTimer, app.ports, 'messages-timer', {
    error: () => undefined,
  });
/** What a person received, after the messages timer has run. */
const inbox = async (app: App, openid: string) => {
  data(await deliver(app));
  return app.ports.store.find(COLLECTIONS.devInbox, {
    where: { toOpenid: openid },
    orderBy: [['createdAt', 'desc']],
    limit: 100,
  });
};
/**
 * The people allowed 诉求进展 messages, and staff their own (新诉求待办, 超时督办, asked for on the
 * workbench), as if each had accepted WeChat's dialog `n` times.
 */
async function grantUpdates(app: App, openids: readonly string[], n = 20): Promise<void> {
  for (const openid of openids)
    for (const template of ['requestUpdate', 'staffTask', 'staffOverdue'] as const)
      await app.ports.store.put(COLLECTIONS.subscriptions, {
        _id: `${openid}:${template}`,
        openid,
        template,
        remaining: n,
        off: false,
        updatedAt: '',
      });
}
const doc = (app: App, id: string) => app.ports.store.get(COLLECTIONS.requests, id);
const figures = async (app: App, placeId = 'p-zhongjie', period = 'month') =>
  data(await app.call('requests', 'figures', { placeId, period }, null)).figures;
/** The platform's timer trigger, as CloudBase calls it: no openid, a Timer event. */
const runTimer = (app: App): Promise<Envelope<any>> =>
  dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, app.ports, 'timer', { error: () => undefined });
const sweep = runTimer;

describe('发现: residents report', () => {
  it('stores one request per submission key, even when the same submission arrives twice at once', async () => {
    const app = await createTestApp();
    const before = await app.ports.store.count(COLLECTIONS.requests);
    const input = {
      key: newKey(),
      compoundId: 'p-zhongjie',
      category: 'repairs',
      description: '1号楼楼道灯坏了',
      location: { kind: 'home' },
    };
    const [a, b] = await Promise.all([app.call('requests', 'submit', input, RESIDENT), app.call('requests', 'submit', input, RESIDENT)]);
    const again = await app.call('requests', 'submit', input, RESIDENT);
    expect([data(a).created, data(b).created].sort()).toEqual([false, true]);
    expect(data(again)).toMatchObject({ created: false, request: { id: input.key } });
    expect(await app.ports.store.count(COLLECTIONS.requests)).toBe(before + 1);
    expect(await app.ports.store.count(COLLECTIONS.requestEvents, { requestId: input.key })).toBe(1);
    // someone else reusing the key is not a retry of theirs
    expect(code(await app.call('requests', 'submit', input, 'seed-resident-p-zhongjie-1'))).toBe('COMMON.KEY_REUSED');
  });

  it('places the request at home, counts it, and tells the compound’s responders', async () => {
    const app = await createTestApp();
    await grantUpdates(app, [LEADER]);
    const before = await figures(app);
    const { request } = data(await submit(app, { emergency: true, category: 'safety', description: '楼道里堆满纸箱，堵住了消防通道' }));
    expect(request).toMatchObject({
      compoundName: '中捷木材小区',
      communityName: '中房社区',
      locationText: '1号楼1单元101',
      status: 'submitted',
      statusLabel: '待受理',
      step: 'accept',
      tier: 'emergency',
      deadlineAt: '2026-11-20T04:00:00.000Z',
      holder: '等待中捷木材小区三长五员受理',
      overdue: false,
    });
    const stored = (await doc(app, request.id))!;
    expect(stored).toMatchObject({ reporter: { openid: RESIDENT, name: '陈秀英' }, reporterPhone: '13804002001', streetId: 's-dongta' });
    expect((await figures(app)).submitted).toBe(before.submitted + 1);
    expect((await inbox(app, LEADER))[0]).toMatchObject({ page: `packages/workbench/detail/index?id=${request.id}` });
  });

  it.each([
    ['a forbidden word in the description', { description: '这里有人赌博，天天吵到半夜' }],
    ['a forbidden word in the spot', { location: { kind: 'spot', text: '违禁词广告牌' } }],
  ])('rejects %s and stores nothing', async (_label, over) => {
    const app = await createTestApp();
    const before = await app.ports.store.count(COLLECTIONS.requests);
    const result = await submit(app, over);
    expect(code(result)).toBe('REQUEST.CONTENT_REJECTED');
    expect(await app.ports.store.count(COLLECTIONS.requests)).toBe(before);
  });

  it('accepts up to 9 uploaded photos of the reporter and refuses unknown, foreign or rejected ones', async () => {
    const app = await createTestApp();
    const own = (name = 'photo.png') => {
      const up = app.ports.files.uploadImage(PNG, name, RESIDENT);
      if (!up.ok) throw new Error(up.error.code);
      return up.data.fileId;
    };
    const mine = own();
    const ok = data(await submit(app, { photos: [mine] }));
    expect(ok.request.photos).toEqual([mine]);
    const theirs = app.ports.files.uploadImage(PNG, 'x.png', 'seed-resident-p-zhongjie-1');
    if (!theirs.ok) throw new Error('upload failed');
    expect(code(await submit(app, { photos: ['up-does-not-exist'] }))).toBe('REQUEST.PHOTO_NOT_FOUND');
    expect(code(await submit(app, { photos: [theirs.data.fileId] }))).toBe('REQUEST.PHOTO_NOT_FOUND');
    expect(code(await submit(app, { photos: [own('违禁词.png')] }))).toBe('REQUEST.CONTENT_REJECTED');
    expect(code(await submit(app, { photos: Array.from({ length: 10 }, () => mine) }))).toBe('COMMON.INVALID_INPUT');
  });

  it('checks type and size of uploads by their bytes', async () => {
    const app = await createTestApp();
    const gif = new TextEncoder().encode('GIF89a....');
    expect(app.ports.files.uploadImage(gif, 'a.png', RESIDENT)).toMatchObject({ ok: false, error: { code: 'REQUEST.PHOTO_TYPE' } });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(app.ports.files.uploadImage(big, 'big.png', RESIDENT)).toMatchObject({ ok: false, error: { code: 'REQUEST.PHOTO_TOO_LARGE' } });
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    expect(app.ports.files.uploadImage(jpeg, 'a.jpg', RESIDENT).ok).toBe(true);
  });

  it('a notifier that fails does not fail the submission', async () => {
    const app = await createTestApp();
    app.ports.notifier = { send: async () => Promise.reject(new Error('WeChat is down')) };
    expect(code(await submit(app))).toBe('OK');
  });
});

describe('附议 before submitting, and merging duplicates', () => {
  it('shows open requests of the compound and category without the reporter’s home, and counts each neighbour once', async () => {
    const app = await createTestApp();
    const { requests } = data(await app.call('requests', 'similar', { compoundId: 'p-zhongjie', category: 'repairs' }, RESIDENT));
    const elevator = requests.find((r: { id: string }) => r.id === DEMO_REQUESTS.neighbours);
    expect(elevator).toMatchObject({ description: '1号楼电梯这周停了三次，老人上下楼很困难', followerCount: 0 });
    expect(requests.every((r: { category: string; status: string }) => r.category === 'repairs' && r.status !== 'closed')).toBe(true);
    const home = await submitted(app, { category: 'utilities', description: '家里停水两天了' });
    const utilities = data(
      await app.call('requests', 'similar', { compoundId: 'p-zhongjie', category: 'utilities' }, 'seed-resident-p-zhongjie-1'),
    );
    expect(utilities.requests.find((r: { id: string }) => r.id === home).locationText).toBe('居民家中');

    data(await app.call('requests', 'second', { requestId: DEMO_REQUESTS.neighbours }, RESIDENT));
    const twice = data(await app.call('requests', 'second', { requestId: DEMO_REQUESTS.neighbours }, RESIDENT));
    expect(twice.request.followerCount).toBe(1);
    const mine = data(await app.call('requests', 'mine', {}, RESIDENT)).requests;
    expect(mine.find((r: { id: string }) => r.id === DEMO_REQUESTS.neighbours)).toMatchObject({ following: true });
    expect(code(await app.call('requests', 'second', { requestId: DEMO_REQUESTS.submitted }, RESIDENT))).toBe('REQUEST.OWN_REQUEST');
    // a follower reads the request it follows
    expect(code(await app.call('requests', 'get', { requestId: DEMO_REQUESTS.neighbours }, RESIDENT))).toBe('OK');
  });

  it('merges a duplicate: it ends as merged and its reporter and followers follow the one that remains', async () => {
    const app = await createTestApp();
    const duplicate = await submitted(app, { description: '1号楼电梯又坏了' });
    data(await app.call('requests', 'second', { requestId: duplicate }, 'seed-resident-p-zhongjie-3'));
    const target = data(await app.call('requests', 'merge', { requestId: duplicate, intoId: DEMO_REQUESTS.neighbours }, LEADER));
    expect(target).toMatchObject({ id: DEMO_REQUESTS.neighbours, followerCount: 2 });
    expect((await doc(app, duplicate))!).toMatchObject({ status: 'merged', mergedInto: DEMO_REQUESTS.neighbours });
    for (const who of [RESIDENT, 'seed-resident-p-zhongjie-3']) {
      const ids = data(await app.call('requests', 'mine', {}, who)).requests.map((r: { id: string }) => r.id);
      expect(ids).toContain(DEMO_REQUESTS.neighbours);
      expect(ids).not.toContain(duplicate);
    }
    expect(
      code(await app.call('requests', 'merge', { requestId: DEMO_REQUESTS.xinguang, intoId: DEMO_REQUESTS.neighbours }, WHO.admin)),
    ).toBe('REQUEST.MERGE_INVALID');
  });
});

describe('受理, 分流, 处置, 反馈, 评价 through the real dispatch', () => {
  it('runs the whole loop, shows who holds it, keeps the phone for the handler and moves the figures', async () => {
    const app = await createTestApp();
    await grantUpdates(app, [RESIDENT]);
    const before = await figures(app);
    const id = await submitted(app);
    app.ports.clock.advance(30 * MIN);
    const accepted = data(await app.call('requests', 'accept', { requestId: id }, LEADER));
    expect(accepted).toMatchObject({
      status: 'accepted',
      holder: '小区点长 李斌 已受理，正在分流',
      deadlineAt: '2026-12-01T16:00:00.000Z',
    });
    // a second tap by the same person is not an error
    expect(code(await app.call('requests', 'accept', { requestId: id }, LEADER))).toBe('OK');

    const { candidates } = data(await app.call('requests', 'handlers', { requestId: id }, LEADER));
    expect(candidates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ openid: LEADER, roleLabel: '小区点长', tracks: ['minor'] }),
        expect.objectContaining({ openid: STAFF, roleLabel: '社区工作人员', tracks: ['minor'] }),
        expect.objectContaining({ openid: STREET, roleLabel: '街道工作人员', tracks: ['major'] }),
      ]),
    );
    expect(code(await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: STREET }, LEADER))).toBe(
      'REQUEST.HANDLER_OUT_OF_SCOPE',
    );
    expect(code(await app.call('requests', 'triage', { requestId: id, track: 'major', handlerOpenid: LEADER }, LEADER))).toBe(
      'REQUEST.HANDLER_OUT_OF_SCOPE',
    );
    expect(code(await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: 'dev-staff-xinguang' }, LEADER))).toBe(
      'REQUEST.HANDLER_OUT_OF_SCOPE',
    );
    const triaged = data(await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: LEADER }, LEADER));
    expect(triaged).toMatchObject({
      status: 'handling',
      track: 'minor',
      handlerName: '小区点长 李斌',
      reporterPhone: '13804002001',
      can: { callReporter: true },
    });

    const progress = { requestId: id, key: newKey(), text: '已通知物业，明天上午换灯泡', photos: [] };
    data(await app.call('requests', 'progress', progress, LEADER));
    const retried = data(await app.call('requests', 'progress', progress, LEADER));
    expect(retried.timeline.filter((e: RequestEvent) => e.kind === 'progress')).toHaveLength(1);

    const residentView = data(await app.call('requests', 'get', { requestId: id }, RESIDENT));
    expect(residentView.reporterPhone).toBeUndefined();
    expect(residentView).toMatchObject({ mine: true, reporterName: '我', holder: '小区点长 李斌 办理中', step: 'track' });
    expect(residentView.timeline.map((e: RequestEvent) => e.kind)).toEqual(['submitted', 'accepted', 'triaged', 'progress']);
    expect(data(await app.call('requests', 'get', { requestId: id }, STAFF)).reporterPhone).toBeUndefined();

    const resolved = data(await app.call('requests', 'resolve', { requestId: id, result: '灯泡已更换，楼道恢复照明', photos: [] }, LEADER));
    expect(resolved).toMatchObject({ status: 'resolved', holder: '已办理，等待居民评价' });
    expect(resolved.deadlineAt).toBeUndefined();
    app.ports.clock.advance(2 * HOUR);
    const rated = data(
      await app.call('requests', 'rate', { requestId: id, solved: true, satisfaction: 'satisfied', comment: '很快就修好了' }, RESIDENT),
    );
    expect(rated).toMatchObject({ status: 'closed', closureLabel: '已评价', rating: { satisfaction: 'satisfied', solved: true } });

    const after = await figures(app);
    expect(after.submitted - before.submitted).toBe(1);
    expect(after.accepted - before.accepted).toBe(1);
    expect(after.acceptedToday - before.acceptedToday).toBe(1);
    expect(after.closedToday - before.closedToday).toBe(1);
    expect(after.rated - before.rated).toBe(1);
    // the resident was told at every step
    const told = (await inbox(app, RESIDENT)).filter((m) => m.page === `packages/request/detail/index?id=${id}`);
    expect(told.length).toBeGreaterThanOrEqual(4);
  });

  it('不满意 takes it from the handler who failed: 督办 goes one level up and that level assigns it', async () => {
    const app = await createTestApp();
    const id = await handling(app);
    data(await app.call('requests', 'resolve', { requestId: id, result: '已处理', photos: [] }, LEADER));
    await grantUpdates(app, [STAFF]);
    const reopened = data(await app.call('requests', 'rate', { requestId: id, solved: false, satisfaction: 'unsatisfied' }, RESIDENT));
    expect(reopened).toMatchObject({
      status: 'accepted',
      escalationLevel: 1,
      escalationLabel: '社区',
      holder: '居民不满意，已督办至社区，等待社区安排办理',
    });
    expect(reopened.handlerName).toBeUndefined();
    expect(reopened.timeline.at(-1)).toMatchObject({ kind: 'reopened', text: '居民不满意，督办升级至社区，由社区重新安排办理' });
    expect((await doc(app, id))?.handler).toBeUndefined();
    // the community's staff are told it is theirs now
    expect(
      (await inbox(app, STAFF)).some(
        (m) => m.page === `packages/workbench/detail/index?id=${id}` && m.data.thing3?.startsWith('居民不满意'),
      ),
    ).toBe(true);
    // the point leader whose handling was rejected is not offered again, nor accepted
    const { candidates } = data(await app.call('requests', 'handlers', { requestId: id }, STAFF));
    expect(candidates.find((c: any) => c.openid === LEADER)?.tracks ?? []).toEqual([]);
    expect(candidates.find((c: any) => c.openid === STAFF)?.tracks).toContain('minor');
    const again = await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: LEADER }, STAFF);
    expect(again).toMatchObject({ ok: false, error: { code: 'REQUEST.HANDLER_OUT_OF_SCOPE', details: { level: 1 } } });
    // community staff take it themselves
    const taken = data(await app.call('requests', 'triage', { requestId: id, track: 'minor', handlerOpenid: STAFF }, STAFF));
    expect(taken).toMatchObject({ status: 'handling', handlerName: '社区工作人员 王丽' });
    expect(taken.can.resolve).toBe(true);
  });

  it('私事 closes with guidance the resident reads and confirms', async () => {
    const app = await createTestApp();
    const id = await submitted(app, { category: 'neighbour', description: '楼上邻居家的狗晚上一直叫' });
    data(await app.call('requests', 'accept', { requestId: id }, LEADER));
    expect(code(await app.call('requests', 'triage', { requestId: id, track: 'private', guidance: '' }, LEADER))).toBe(
      'COMMON.INVALID_INPUT',
    );
    const guided = data(
      await app.call(
        'requests',
        'triage',
        { requestId: id, track: 'private', guidance: '建议先与邻居友好沟通，也可请楼栋长帮忙协调。' },
        LEADER,
      ),
    );
    expect(guided).toMatchObject({ status: 'guidance', guidance: '建议先与邻居友好沟通，也可请楼栋长帮忙协调。', can: { confirm: false } });
    const seen = data(await app.call('requests', 'get', { requestId: id }, RESIDENT));
    expect(seen.can).toMatchObject({ confirm: true, rate: false });
    expect(data(await app.call('requests', 'confirm', { requestId: id }, RESIDENT))).toMatchObject({
      status: 'closed',
      closureLabel: '私事已答复',
    });
    // and these never show up as neighbours' duplicates
    const similar = data(await app.call('requests', 'similar', { compoundId: 'p-zhongjie', category: 'neighbour' }, RESIDENT)).requests;
    expect(similar.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('answers a clear state error for a step that no longer fits', async () => {
    const app = await createTestApp();
    expect(
      await app.call('requests', 'rate', { requestId: DEMO_REQUESTS.closed, solved: true, satisfaction: 'satisfied' }, RESIDENT),
    ).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.WRONG_STATE', details: { status: 'closed' } },
    });
  });
});

describe('督办: the timer warns, escalates and closes', () => {
  it('warns the holder before the deadline, escalates to 社区 past it, tells the new level and the resident, and shows it overdue', async () => {
    const app = await createTestApp();
    await grantUpdates(app, [RESIDENT, LEADER, STAFF, STREET]);
    const id = await submitted(app);
    app.ports.clock.advance(90 * MIN);
    await sweep(app);
    expect((await inbox(app, LEADER)).some((m) => m.data.thing3?.startsWith('即将到期'))).toBe(true);
    expect((await doc(app, id))!.escalationLevel).toBe(0);

    const overdueBefore = (await figures(app)).overdueNow;
    app.ports.clock.advance(31 * MIN);
    const run = await runTimer(app);
    expect(run).toMatchObject({ ok: true });
    const r = data(await app.call('requests', 'get', { requestId: id }, RESIDENT));
    expect(r).toMatchObject({ escalationLevel: 1, escalationLabel: '社区', overdue: true, holder: '已督办至社区，等待受理' });
    expect(r.timeline.at(-1)).toMatchObject({ kind: 'escalated', step: 'supervise', text: '超过期限未受理，督办升级至社区' });
    // the warning is for staff, not on the resident's timeline
    expect(r.timeline.map((e: RequestEvent) => e.kind)).not.toContain('warned');
    expect((await inbox(app, STAFF)).some((m) => m.page === `packages/workbench/detail/index?id=${id}`)).toBe(true);
    expect((await inbox(app, RESIDENT)).some((m) => m.data.thing3?.includes('督办'))).toBe(true);
    expect((await figures(app)).overdueNow).toBeGreaterThan(overdueBefore);
    const overdueList = data(await app.call('requests', 'list', { placeId: 'c-zhongfang', view: 'overdue' }, STAFF)).requests;
    expect(overdueList.map((x: { id: string }) => x.id)).toContain(id);

    // two hours later it goes to 街道; the same run again changes nothing
    app.ports.clock.advance(2 * HOUR);
    await sweep(app);
    await sweep(app);
    const events = await app.ports.store.find(COLLECTIONS.requestEvents, {
      where: { requestId: id },
      orderBy: [['at', 'asc']],
      limit: 50,
    });
    expect(events.filter((e) => e.kind === 'escalated').map((e) => e.text)).toEqual([
      '超过期限未受理，督办升级至社区',
      '超过期限未受理，督办升级至街道',
    ]);
    expect((await inbox(app, STREET)).some((m) => m.page === `packages/workbench/detail/index?id=${id}`)).toBe(true);
  });

  it('督办 a request whose resident heard nothing within the feedback time, once; a progress line in time prevents it', async () => {
    const app = await createTestApp(); // Friday 2026-11-20 10:00: general feedback within 3 working days, by 11-25 24:00
    await grantUpdates(app, [RESIDENT, LEADER, STAFF]);
    const silent = await handling(app);
    const answered = await handling(app, { description: '2号楼单元门关不上，请尽快修理' });
    data(await app.call('requests', 'progress', { requestId: answered, key: newKey(), text: '已通知物业维修', photos: [] }, LEADER));
    expect((await doc(app, silent))!.feedbackDueAt).toBe('2026-11-25T16:00:00.000Z');
    expect((await doc(app, answered))!.feedbackDueAt).toBeUndefined();

    app.ports.clock.set(new Date('2026-11-25T16:01:00.000Z'));
    await sweep(app);
    await sweep(app);
    const r = data(await app.call('requests', 'get', { requestId: silent }, RESIDENT));
    expect(r).toMatchObject({ escalationLevel: 1, escalationLabel: '社区', overdue: false });
    const lines = r.timeline.filter((e: RequestEvent) => e.kind === 'escalated').map((e: RequestEvent) => e.text);
    expect(lines).toEqual(['超过期限未反馈，督办升级至社区']);
    expect((await inbox(app, STAFF)).some((m) => m.page === `packages/workbench/detail/index?id=${silent}`)).toBe(true);
    const warnings = await app.ports.store.count(COLLECTIONS.requestEvents, { requestId: silent, kind: 'warned' });
    expect(warnings).toBe(0); // the timer ran only after the due time: no warning first
    expect((await doc(app, answered))!.escalationLevel).toBe(0);
  });

  it('two sweeps running at once escalate each overdue request exactly once', async () => {
    const app = await createTestApp();
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => submitted(app, { description: `第 ${i + 1} 件：楼道灯不亮` })));
    app.ports.clock.advance(2 * HOUR + MIN);
    const due = await app.ports.store.count(COLLECTIONS.requests, { escalateAt: { lte: app.ports.clock.now().toISOString() } });
    const [a, b] = await Promise.all([runTimer(app), runTimer(app)]);
    const escalated = data<{ escalated: number }>(a).escalated + data<{ escalated: number }>(b).escalated;
    expect(escalated).toBe(due);
    for (const id of ids) {
      expect((await doc(app, id))!.escalationLevel).toBe(1);
      expect(await app.ports.store.count(COLLECTIONS.requestEvents, { requestId: id, kind: 'escalated' })).toBe(1);
    }
  });

  it('closes a resolved request as unrated after 7 days, not as satisfied', async () => {
    const app = await createTestApp();
    const id = await handling(app);
    data(await app.call('requests', 'resolve', { requestId: id, result: '已处理', photos: [] }, LEADER));
    const before = await figures(app);
    app.ports.clock.advance(7 * 24 * HOUR + MIN);
    await runTimer(app);
    expect((await doc(app, id))!).toMatchObject({ status: 'closed', closure: 'unrated' });
    const after = await figures(app, 'p-zhongjie', 'year');
    expect(after.rated).toBe((await figures(app, 'p-zhongjie', 'year')).rated);
    expect(after.closed).toBeGreaterThan(0);
    expect((await doc(app, id))!.rating).toBeUndefined();
    expect(before.satisfactionRate).toBe((await figures(app)).satisfactionRate);
  });

  it('is refused when a phone calls it', async () => {
    const app = await createTestApp();
    expect(code(await app.call('requests', 'sweep', {}, WHO.admin))).toBe('COMMON.FORBIDDEN');
  });
});

describe('the workbench', () => {
  it('lists what staff hold by nearest deadline, what is mine, and all by status', async () => {
    const app = await createTestApp();
    const urgent = await submitted(app, { category: 'utilities', description: '3号楼停水了', emergency: true });
    const open = data(await app.call('requests', 'list', { placeId: 'p-zhongjie', view: 'open' }, LEADER)).requests;
    const deadlines = open.map((r: { deadlineAt: string }) => r.deadlineAt);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(open.every((r: { status: string }) => ['submitted', 'accepted', 'handling'].includes(r.status))).toBe(true);
    expect(open.map((r: { id: string }) => r.id)).toContain(urgent);
    expect(open[0].deadlineText).toMatch(/前（还剩 /);

    const mine = data(await app.call('requests', 'list', { placeId: 'p-zhongjie', view: 'mine' }, LEADER)).requests;
    expect(mine.map((r: { id: string }) => r.id)).toEqual([DEMO_REQUESTS.handling]);
    const closed = data(await app.call('requests', 'list', { placeId: 'c-zhongfang', view: 'all', status: 'closed' }, STAFF)).requests;
    expect(closed.map((r: { id: string }) => r.id)).toEqual([DEMO_REQUESTS.closed]);
    // the street sees the communities below it
    const street = data(await app.call('requests', 'list', { placeId: 's-dongta', view: 'all' }, STREET)).requests;
    expect(street.map((r: { compoundId: string }) => r.compoundId)).toEqual(expect.arrayContaining(['p-zhongjie', 'p-xinguang']));
  });

  it('exports the ledger as an .xlsx with one row per request of the period and the figures', async () => {
    const app = await createTestApp();
    const out = data(await app.call('requests', 'exportLedger', { placeId: 'c-zhongfang', period: 'month' }, STAFF));
    const rows = await app.ports.store.count(COLLECTIONS.requests, { communityId: 'c-zhongfang' });
    expect(out).toMatchObject({ rows, url: `/dev/files/${out.fileId}` });
    const file = app.ports.files.read(out.fileId)!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('诉求台账')!;
    expect(sheet.rowCount).toBe(rows + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    const values = sheet.getColumn(1).values as unknown[];
    expect(values).toContain(DEMO_REQUESTS.closed);
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain('13804002001');
    expect(book.getWorksheet('统计')!.getRow(4).getCell(2).value).toBe(rows);
  });
});

describe('figures', () => {
  it('a step writes its counters as one row in its transaction; folds that run at once add each row exactly once', async () => {
    const app = await createTestApp();
    const [compound, district] = await Promise.all([figures(app, 'p-zhongjie', 'year'), figures(app, 'd-dadong', 'year')]);
    const ids = await Promise.all([submitted(app), submitted(app), submitted(app)]);
    data(await app.call('requests', 'accept', { requestId: ids[0] }, LEADER));
    // nothing added yet: the rows wait (submitted ×3 and one accepted)
    expect(await app.ports.store.count(COLLECTIONS.requestStatRows)).toBe(4);
    // two timer runs and two figures reads fold at the same time
    const [, , a, b] = await Promise.all([
      runTimer(app),
      runTimer(app),
      figures(app, 'p-zhongjie', 'year'),
      figures(app, 'd-dadong', 'year'),
    ]);
    expect(await app.ports.store.count(COLLECTIONS.requestStatRows)).toBe(0);
    const after = { compound: await figures(app, 'p-zhongjie', 'year'), district: await figures(app, 'd-dadong', 'year') };
    expect([after.compound.submitted - compound.submitted, after.compound.accepted - compound.accepted]).toEqual([3, 1]);
    expect([after.district.submitted - district.submitted, after.district.accepted - district.accepted]).toEqual([3, 1]);
    // a read that folded (or found the rows already folded) shows them all
    expect([a.submitted, b.submitted]).toEqual([after.compound.submitted, after.district.submitted]);
  });

  it('counters agree with a recount from the requests themselves', async () => {
    const app = await createTestApp();
    // a mix of flows on top of the seeded ones
    const a = await handling(app);
    data(await app.call('requests', 'resolve', { requestId: a, result: '已修好', photos: [] }, LEADER));
    data(await app.call('requests', 'rate', { requestId: a, solved: false, satisfaction: 'basic' }, RESIDENT));
    const b = await submitted(app);
    app.ports.clock.advance(3 * HOUR);
    data(await app.call('requests', 'accept', { requestId: b }, LEADER)); // late
    const c = await submitted(app);
    data(await app.call('requests', 'accept', { requestId: c }, LEADER));
    data(await app.call('requests', 'merge', { requestId: c, intoId: b }, STAFF));

    const all = await app.ports.store.find(COLLECTIONS.requests, {
      where: { communityId: 'c-zhongfang' },
      orderBy: [['createdAt', 'asc']],
      limit: 1000,
    });
    const live = all.filter((r) => r.status !== 'merged');
    const recount = {
      submitted: all.length,
      accepted: live.filter((r) => r.acceptedAt).length,
      acceptedOnTime: live.filter((r) => r.acceptedOnTime).length,
      closed: live.filter((r) => r.status === 'closed').length,
    };
    const f = await figures(app, 'c-zhongfang', 'year');
    expect({ submitted: f.submitted, accepted: f.accepted, closed: f.closed }).toEqual({
      submitted: recount.submitted,
      accepted: recount.accepted,
      closed: recount.closed,
    });
    expect(f.responseRate).toBe(Math.round((recount.acceptedOnTime / recount.accepted) * 1000) / 10);
    expect(f.completionRate).toBe(Math.round((recount.closed / recount.accepted) * 1000) / 10);
    // the street and district hold the same numbers for the requests below them
    const street = await figures(app, 's-dongta', 'year');
    expect(street.submitted).toBe(await app.ports.store.count(COLLECTIONS.requests, { streetId: 's-dongta' }));
    // every counter document has only known fields (the counts, and the reports by source and category)
    const known = ['_id', 'placeId', 'day', ...STAT_FIELDS, ...REQUEST_SOURCES.map(sourceField), ...REQUEST_CATEGORIES.map(categoryField)];
    const stats = await app.ports.store.find(COLLECTIONS.requestStats, { limit: 1000 });
    for (const s of stats) for (const k of Object.keys(s)) expect(known).toContain(k);
  });

  it('shows a community’s compounds for drill-down, and anyone may read them', async () => {
    const app = await createTestApp();
    const out = data(await app.call('requests', 'figures', { placeId: 'c-zhongfang', period: 'year' }, null));
    expect(out.place).toEqual({ id: 'c-zhongfang', name: '中房社区', kind: 'community' });
    expect(out.children.map((c: { place: { name: string } }) => c.place.name)).toEqual(['中捷木材小区', '和睦家园']);
    expect(out.children[0].figures.submitted + out.children[1].figures.submitted).toBe(out.figures.submitted);
  });
});
