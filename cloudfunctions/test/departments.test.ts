import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, WHO } from './harness';

/**
 * 网格吹哨、部门报到 through the real dispatch against SQLite: a patrol report skips 受理, the street
 * dispatches it to 城管执法 (主办) with 住建 (协办), 城管 报到s with a photo, 住建 returns its part
 * once, the lead resolves, the resident rates, and the ranking counts it. Time: 2026-11-20 10:00 Shanghai (Fri).
 */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);
const CG = 'dev-dept-chengguan';
const ZJ = 'dev-dept-zhujian';
const GD = 'dev-dept-gongdian';
const HOUR = 3_600_000;

async function setup() {
  const app = await createTestApp();
  const photo = (owner: string) => app.ports.files.save({ name: 'spot.png', contentType: 'image/png', bytes: PNG, ownerOpenid: owner });
  const patrol = async (key = 'patrol-manhole-1') =>
    data(
      await app.call(
        'departments',
        'patrol',
        {
          key,
          compoundId: 'p-zhongjie',
          category: 'safety',
          description: '3号楼东侧井盖破损，边缘翘起，容易绊倒',
          spot: '3号楼东侧人行道',
          photos: [await photo(WHO.pointLeader)],
        },
        WHO.pointLeader,
      ),
    );
  const dispatch = (requestId: string, extra: Record<string, unknown> = {}, who: string = WHO.street) =>
    app.call(
      'departments',
      'dispatch',
      {
        key: `d-${requestId}-${Object.keys(extra).join('')}`,
        requestId,
        departmentIds: ['dept-chengguan', 'dept-zhujian'],
        leadId: 'dept-chengguan',
        ...extra,
      },
      who,
    );
  return { ...app, photo, patrol, dispatch };
}

describe('patrol reports (巡查发现)', () => {
  it('skip 受理, record their source and the reporter as the grid; a retry is the same request', async () => {
    const { call, patrol } = await setup();
    const first = await patrol();
    expect(first.created).toBe(true);
    expect((await patrol()).created).toBe(false);
    const detail = data(await call('requests', 'get', { requestId: first.requestId }, WHO.pointLeader));
    expect(detail.status).toBe('accepted');
    expect(detail.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'accepted']);
    expect(detail.timeline[0].actor).toContain('巡查发现');
  });

  it('need a photo and a compound the reporter answers for', async () => {
    const { call } = await setup();
    const input = {
      key: 'patrol-nophoto',
      compoundId: 'p-zhongjie',
      category: 'safety',
      description: '井盖破损了需要处理',
      spot: '3号楼东侧',
      photos: [],
    };
    expect(code(await call('departments', 'patrol', input, WHO.pointLeader))).toBe('COMMON.INVALID_INPUT');
    expect(code(await call('departments', 'patrol', { ...input, photos: ['x'], compoundId: 'p-xinguang' }, WHO.pointLeader))).toBe(
      'COMMON.FORBIDDEN',
    );
  });
});

describe('吹哨、报到、退单 — the whole story', () => {
  it('dispatch → 报到 with photo → 协办 returns once → lead resolves → rated → ranking', async () => {
    const { call, ports, photo, patrol, dispatch } = await setup();
    const { requestId } = await patrol();
    // a department of another area cannot be chosen; 供电 serves 中房社区 so it may
    const parts = data(await dispatch(requestId)).parts;
    expect(parts.map((p: any) => [p.departmentName, p.role, p.status])).toEqual([
      ['东塔街道城管执法队', 'lead', 'pending'],
      ['大东区住建局', 'co', 'pending'],
    ]);
    // double tap: the same key answers the same parts, nothing twice
    expect(data(await dispatch(requestId)).parts).toHaveLength(2);
    expect(
      code(await call('departments', 'dispatch', { key: 'other-key-1', requestId, departmentIds: ['dept-chengguan'] }, WHO.street)),
    ).toBe('DISPATCH.ALREADY_DISPATCHED');
    expect(data(await call('requests', 'get', { requestId }, WHO.pointLeader)).status).toBe('handling');

    // each department sees its inbox, by deadline; another department's inbox is refused
    const inbox = data(await call('departments', 'inbox', { departmentId: 'dept-chengguan' }, CG));
    expect(inbox.parts.map((p: any) => p.requestId)).toEqual([requestId]);
    expect(code(await call('departments', 'inbox', { departmentId: 'dept-chengguan' }, ZJ))).toBe('COMMON.FORBIDDEN');
    // the lead sees the reporter's phone; the co-handler does not
    expect(inbox.parts[0].request.reporterPhone).toBe('13904001001');
    const zjPart = `${requestId}:dept-zhujian`;
    const cgPart = `${requestId}:dept-chengguan`;
    expect(data(await call('departments', 'part', { dispatchId: zjPart }, ZJ)).part.request.reporterPhone).toBeUndefined();
    // a department without a part sees neither the part nor the request's parts
    expect(code(await call('departments', 'part', { dispatchId: cgPart }, GD))).toBe('COMMON.FORBIDDEN');
    expect(data(await call('departments', 'parts', { requestId }, GD)).parts).toEqual([]);

    // 报到 needs a photo; with one it is on time (30 minutes later)
    ports.clock.advance(0.5 * HOUR);
    expect(code(await call('departments', 'arrive', { dispatchId: cgPart, photos: [] }, CG))).toBe('COMMON.INVALID_INPUT');
    const arrived = data(await call('departments', 'arrive', { dispatchId: cgPart, photos: [await photo(CG)] }, CG)).part;
    expect(arrived).toMatchObject({ status: 'arrived', role: 'lead', arrivedOnTime: true });
    // after 报到 a return is refused
    expect(code(await call('departments', 'return', { dispatchId: cgPart, reason: '不是我们的职责范围' }, CG))).toBe(
      'DISPATCH.WRONG_STATE',
    );

    // 住建 returns its part once, with a reason; a second return is refused
    const returned = data(await call('departments', 'return', { dispatchId: zjPart, reason: '井盖产权属于城管，不属住建职责' }, ZJ)).part;
    expect(returned.status).toBe('returned');
    expect(code(await call('departments', 'return', { dispatchId: zjPart, reason: '井盖产权属于城管，不属住建职责2' }, ZJ))).toBe(
      'DISPATCH.WRONG_STATE',
    );
    // the street cannot send it back to 住建; the district can, and its decision is final
    expect(
      code(await call('departments', 'dispatch', { key: 'again-street', requestId, departmentIds: ['dept-zhujian'] }, WHO.street)),
    ).toBe('DISPATCH.RETURNED_BEFORE');

    // progress and the lead's result; the co-handler may not resolve
    data(
      await call(
        'departments',
        'progress',
        { dispatchId: cgPart, key: 'cg-progress-1', text: '已设置围挡，新井盖明天到货', photos: [] },
        CG,
      ),
    );
    data(
      await call(
        'departments',
        'progress',
        { dispatchId: cgPart, key: 'cg-progress-1', text: '已设置围挡，新井盖明天到货', photos: [] },
        CG,
      ),
    );
    data(await call('departments', 'resolve', { dispatchId: cgPart, result: '已更换新井盖并恢复路面', photos: [] }, CG));

    // the resident's timeline names each department's steps (the retried progress once)
    const detail = data(await call('requests', 'get', { requestId }, WHO.pointLeader));
    expect(detail.status).toBe('resolved');
    const lines = detail.timeline.map((e: any) => `${e.kind}|${e.actor}|${e.text}`);
    expect(lines.filter((l: string) => l.startsWith('progress'))).toHaveLength(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dispatched\|.*吹哨派单：主办 东塔街道城管执法队，协办 大东区住建局/),
        expect.stringMatching(/^arrived\|东塔街道城管执法队 马志刚\|已到现场报到（主办）/),
        expect.stringMatching(/^returned\|大东区住建局 高文静\|退单：井盖产权属于城管/),
        expect.stringMatching(/^resolved\|东塔街道城管执法队 马志刚\|已更换新井盖/),
      ]),
    );

    // the reporter (the grid worker) rates it; the ranking counts it
    data(await call('requests', 'rate', { requestId, solved: true, satisfaction: 'satisfied' }, WHO.pointLeader));
    const ranking = data(
      await call('departments', 'ranking', { districtId: 'd-dadong', month: '2026-11', departmentId: 'dept-chengguan' }, WHO.admin),
    );
    const cg = ranking.rows.find((r: any) => r.departmentId === 'dept-chengguan');
    const zj = ranking.rows.find((r: any) => r.departmentId === 'dept-zhujian');
    expect(cg).toMatchObject({
      rank: 1,
      received: 1,
      reportedOnTime: 1,
      responseRate: 100,
      resolutionRate: 100,
      satisfactionRate: 100,
      averageHoursToReport: 0.5,
    });
    expect(zj).toMatchObject({ received: 1, returned: 1, responseRate: null });
    expect(ranking.parts.map((p: any) => p.requestId)).toEqual([requestId]);
    expect(ranking.bySource.patrol).toBe(1);
    // the drilled-down department's trends, drawn by the figures page's charts: its part on its day, resolved, by category and source
    const series = ranking.series;
    expect(series.points.reduce((n: number, p: any) => n + p.submitted, 0)).toBe(1);
    expect(series.points.reduce((n: number, p: any) => n + p.closed, 0)).toBe(1);
    expect(series.byCategory).toEqual([expect.objectContaining({ key: 'safety', count: 1 })]);
    expect(series.bySource.find((b: any) => b.key === 'patrol').count).toBe(1);
    expect(series.months.at(-1)).toEqual({ month: '2026-11', responseRate: 100, resolutionRate: 100, satisfactionRate: 100 });
    // without drill-down the answer stays one read of the counters: no series
    expect(data(await call('departments', 'ranking', { districtId: 'd-dadong', month: '2026-11' }, WHO.admin)).series).toBeUndefined();

    // the district re-dispatches the returned part as final: it can no longer be returned
    const patrol2 = await patrol('patrol-manhole-2');
    await dispatch(patrol2.requestId);
    data(await call('departments', 'return', { dispatchId: `${patrol2.requestId}:dept-zhujian`, reason: '不属住建职责范围内' }, ZJ));
    const final = data(
      await call(
        'departments',
        'dispatch',
        { key: 'district-final', requestId: patrol2.requestId, departmentIds: ['dept-zhujian'] },
        WHO.admin,
      ),
    ).parts[0];
    expect(final).toMatchObject({ final: true, role: 'co', status: 'pending' });
    expect(code(await call('departments', 'return', { dispatchId: final._id, reason: '还是不属于住建职责' }, ZJ))).toBe('DISPATCH.FINAL');
  });

  it('a return after the allowed time is refused', async () => {
    const { call, ports, patrol, dispatch } = await setup();
    const { requestId } = await patrol();
    data(await dispatch(requestId));
    ports.clock.advance(25 * HOUR);
    expect(code(await call('departments', 'return', { dispatchId: `${requestId}:dept-zhujian`, reason: '不属住建职责范围内' }, ZJ))).toBe(
      'DISPATCH.RETURN_TOO_LATE',
    );
  });

  it('首接负责: two departments accepting an open offer at once — one leads, the other is 协办', async () => {
    const { call, photo, patrol } = await setup();
    const { requestId } = await patrol();
    const sent = data(
      await call(
        'departments',
        'dispatch',
        { key: 'open-offer-1', requestId, departmentIds: ['dept-chengguan', 'dept-zhujian'] },
        WHO.street,
      ),
    );
    expect(sent.parts.map((p: any) => p.role)).toEqual(['open', 'open']);
    const [a, b] = await Promise.all([
      call('departments', 'arrive', { dispatchId: `${requestId}:dept-chengguan`, photos: [await photo(CG)] }, CG),
      call('departments', 'arrive', { dispatchId: `${requestId}:dept-zhujian`, photos: [await photo(ZJ)] }, ZJ),
    ]);
    expect([data(a).part.role, data(b).part.role].sort()).toEqual(['co', 'lead']);
    const parts = data(await call('departments', 'parts', { requestId }, WHO.street)).parts;
    expect(parts.filter((p: any) => p.role === 'lead')).toHaveLength(1);
  });

  it('a department outside the area cannot be chosen, and 派单 waits for 受理', async () => {
    const { call } = await setup();
    // demo-xg-submitted lies in 新光社区, which 供电 does not serve; it is also not accepted yet
    expect(
      code(
        await call(
          'departments',
          'dispatch',
          { key: 'xg-1-key', requestId: 'demo-xg-submitted', departmentIds: ['dept-gongdian'] },
          WHO.street,
        ),
      ),
    ).toBe('DISPATCH.NOT_DISPATCHABLE');
    await call('requests', 'accept', { requestId: 'demo-xg-submitted' }, 'dev-leader-xinguang');
    expect(
      code(
        await call(
          'departments',
          'dispatch',
          { key: 'xg-2-key', requestId: 'demo-xg-submitted', departmentIds: ['dept-gongdian'] },
          WHO.street,
        ),
      ),
    ).toBe('DISPATCH.OUT_OF_AREA');
  });
});

describe('督办 of departments in the requests sweep', () => {
  it('escalates an overdue 报到 once, however often or concurrently the timer runs', async () => {
    const { ports, patrol, dispatch: send } = await setup();
    const { requestId } = await patrol();
    data(await send(requestId));
    // general tier: 报到 by the end of the next working day (Mon 11-23 24:00 Shanghai)
    ports.clock.set(new Date('2026-11-23T16:30:00.000Z'));
    const timer = () =>
      dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, ports, 'timer', { error: () => undefined });
    const runs = await Promise.all([timer(), timer(), timer()]);
    expect(runs.every((r) => r.ok)).toBe(true);
    expect(runs.reduce((n, r) => n + (r.ok ? (r.data as any).dispatches.escalated : 0), 0)).toBe(2);
    await timer();
    const parts = await ports.store.find(COLLECTIONS.dispatches, { where: { requestId }, orderBy: [['dispatchedAt', 'asc']], limit: 10 });
    expect(parts.map((p) => p.escalations)).toEqual([1, 1]);
    const lines = (await ports.store.find(COLLECTIONS.requestEvents, { where: { requestId }, orderBy: [['at', 'asc']], limit: 50 })).filter(
      (e) => e.kind === 'departmentEscalated',
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]!.text).toContain('超过报到时限');
  });
});

describe('the ledger (.xlsx)', () => {
  it('names each request’s source and departments: 主办, 协办, 报到, 退单', async () => {
    const { call, ports, photo, patrol, dispatch } = await setup();
    const { requestId } = await patrol();
    data(await dispatch(requestId));
    ports.clock.advance(0.5 * HOUR);
    data(await call('departments', 'arrive', { dispatchId: `${requestId}:dept-chengguan`, photos: [await photo(CG)] }, CG));
    data(await call('departments', 'return', { dispatchId: `${requestId}:dept-zhujian`, reason: '井盖产权属于城管，不属住建职责' }, ZJ));
    const out = data(await call('requests', 'exportLedger', { placeId: 'c-zhongfang', period: 'month' }, WHO.street));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(ports.files.read(out.fileId)!.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('诉求台账')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === requestId)!;
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(cell('来源')).toBe('网格巡查');
    expect(cell('主办部门')).toBe('东塔街道城管执法队');
    expect(cell('协办部门')).toBe('');
    expect(cell('报到时间')).toBe('2026-11-20 10:30');
    expect(cell('按时报到')).toBe('是');
    expect(cell('退单')).toBe('大东区住建局：井盖产权属于城管，不属住建职责');
    expect(cell('派单时间')).toBe('2026-11-20 10:00');
    // a request never dispatched has empty department columns and its resident source
    const other = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value !== requestId)!;
    expect(other.getCell(header.indexOf('主办部门') + 1).value).toBe('');
    expect(other.getCell(header.indexOf('来源') + 1).value).toBe('居民反映');
  });
});

describe('departments and their people', () => {
  it('a street registers a department for places in its street only; a retry is the same department', async () => {
    const { call } = await setup();
    const input = {
      key: 'dept-market-1',
      ownerPlaceId: 's-dongta',
      name: '东塔市场监管所',
      kind: 'market',
      areaIds: ['c-zhongfang', 'c-xinguang'],
    };
    const first = data(await call('departments', 'register', input, WHO.street));
    expect(first).toMatchObject({ created: true, department: { name: '东塔市场监管所', districtId: 'd-dadong' } });
    expect(data(await call('departments', 'register', input, WHO.street)).created).toBe(false);
    expect(code(await call('departments', 'register', input, WHO.admin))).toBe('COMMON.KEY_REUSED');
    expect(
      code(await call('departments', 'register', { ...input, key: 'dept-market-2', ownerPlaceId: 'c-zhongfang' }, WHO.staffInScope)),
    ).toBe('COMMON.FORBIDDEN');
    const listed = data(await call('departments', 'list', { placeId: 'p-xinguang' }, WHO.street));
    // 供电 serves only 中房社区: not offered for 新光花园
    expect(listed.serving.map((d: any) => d._id).sort()).toEqual(['dept-chengguan', 'dept-market-1', 'dept-zhujian']);
  });

  it('its people are invited with the existing codes, scoped to the department: its head invites staff, who then see its inbox only', async () => {
    const { call } = await setup();
    // the head invites a staff member; another department's head cannot
    const invite = data(await call('identity', 'createInvite', { role: 'departmentStaff', placeId: 'dept-chengguan' }, CG));
    expect(invite.placeName).toBe('东塔街道城管执法队');
    expect(code(await call('identity', 'createInvite', { role: 'departmentStaff', placeId: 'dept-chengguan' }, ZJ))).toBe(
      'IDENTITY.CANNOT_GRANT',
    );
    expect(code(await call('identity', 'createInvite', { role: 'departmentHead', placeId: 'dept-chengguan' }, CG))).toBe(
      'IDENTITY.CANNOT_GRANT',
    );
    // the street that registered it may invite its head; community staff may not
    expect(code(await call('identity', 'createInvite', { role: 'departmentHead', placeId: 'dept-chengguan' }, WHO.street))).toBe('OK');
    expect(code(await call('identity', 'createInvite', { role: 'departmentStaff', placeId: 'dept-chengguan' }, WHO.staffInScope))).toBe(
      'IDENTITY.CANNOT_GRANT',
    );
    const { grant } = data(await call('identity', 'redeemInvite', { code: invite.code, name: '城管队员' }, WHO.newcomer));
    expect(grant).toMatchObject({ role: 'departmentStaff', placeId: 'dept-chengguan', placeName: '东塔街道城管执法队' });
    expect(data(await call('departments', 'mine', {}, WHO.newcomer)).departments.map((d: any) => d._id)).toEqual(['dept-chengguan']);
    expect(code(await call('departments', 'inbox', { departmentId: 'dept-chengguan' }, WHO.newcomer))).toBe('OK');
    expect(code(await call('departments', 'inbox', { departmentId: 'dept-zhujian' }, WHO.newcomer))).toBe('COMMON.FORBIDDEN');
    // a department grant covers no place of the grid: no request of the compound, no workbench
    expect(code(await call('requests', 'get', { requestId: 'demo-zj-accepted' }, WHO.newcomer))).toBe('COMMON.FORBIDDEN');
  });
});
