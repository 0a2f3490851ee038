import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../calendar/work-calendar';
import type { DeadlineTier, RequestStatus } from '../requests/request.schema';
import type { DepartmentDoc, DispatchDoc } from './department.schema';
import { arrive, checkReturn, claimLead, planDispatch, sweepDispatch, type DispatchPlan } from './dispatch.rules';

const calendar: WorkCalendar = {
  lastOfficialYear: 2026,
  isWorkday: (date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()),
};
// Thursday 2026-11-19 10:00 in Shanghai
const NOW = new Date('2026-11-19T02:00:00.000Z');
const h = (n: number) => new Date(NOW.getTime() + n * 3_600_000);

const dept = (id: string, areaIds: string[] = ['s-dongta']): DepartmentDoc => ({
  _id: id,
  name: { d1: '城管执法', d2: '住建', d3: '供电', d4: '外区燃气' }[id] ?? id,
  kind: 'enforcement',
  ownerPlaceId: 's-dongta',
  ownerPath: ['d-dadong'],
  districtId: 'd-dadong',
  areaIds,
  areaNames: [],
  createdAt: NOW.toISOString(),
  createdBy: 'admin',
});
const DEPTS = [dept('d1'), dept('d2'), dept('d3', ['c-zhongfang']), dept('d4', ['s-other'])];

const plan = (over: Partial<DispatchPlan> & { tier?: DeadlineTier; status?: RequestStatus } = {}): DispatchPlan => ({
  request: {
    _id: 'r1',
    status: over.status ?? 'accepted',
    tier: over.tier ?? 'general',
    placePath: ['d-dadong', 's-dongta', 'c-zhongfang', 'p-zhongjie'],
    districtId: 'd-dadong',
    deadlineAt: '2026-11-28T16:00:00.000Z',
  },
  departmentIds: ['d1', 'd2'],
  leadId: 'd1',
  departments: DEPTS,
  existing: [],
  dispatcher: { actor: { openid: 'street', name: '王', label: '街道工作人员' }, level: 'street', placeId: 's-dongta' },
  now: NOW,
  calendar,
  ...over,
});

const planned = (p: DispatchPlan) => {
  const d = planDispatch(p);
  if (!d.ok) throw new Error(d.refusal.code);
  return d.value;
};

describe('派单: one lead, co-handlers, deadlines by tier', () => {
  it.each([
    ['emergency: 报到 within 2 hours', 'emergency', h(2).toISOString()],
    ['utility: within 4 hours', 'utility', h(4).toISOString()],
    ['general: by the end of the next working day', 'general', '2026-11-20T16:00:00.000Z'],
    ['complex on a Thursday: two working days skip the weekend', 'complex', '2026-11-23T16:00:00.000Z'],
  ] as const)('%s', (_l, tier, reportBy) => {
    const [lead, co] = planned(plan({ tier }));
    expect(lead).toMatchObject({ role: 'lead', departmentId: 'd1', status: 'pending', reportBy, dueAt: reportBy, month: '2026-11' });
    expect(co).toMatchObject({ role: 'co', departmentId: 'd2', reportBy });
    // the request's own deadline to resolve; a return at most 24 hours and never after the 报到 deadline
    expect(lead!.resolveBy).toBe('2026-11-28T16:00:00.000Z');
    expect(lead!.returnBy).toBe(new Date(Math.min(Date.parse(reportBy), h(24).getTime())).toISOString());
  });

  it.each([
    ['nobody', { departmentIds: [] }, 'DISPATCH.NO_DEPARTMENT'],
    ['seven departments', { departmentIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, 'DISPATCH.TOO_MANY'],
    ['a lead not among them', { leadId: 'd3' }, 'DISPATCH.LEAD_NOT_LISTED'],
    ['an unknown department', { departmentIds: ['d1', 'zz'] }, 'DEPARTMENT.NOT_FOUND'],
    ['a department of another area', { departmentIds: ['d1', 'd4'] }, 'DISPATCH.OUT_OF_AREA'],
    ['a submitted request (受理 first)', { status: 'submitted' as const }, 'DISPATCH.NOT_DISPATCHABLE'],
    ['a resolved request', { status: 'resolved' as const }, 'DISPATCH.NOT_DISPATCHABLE'],
  ])('refuses %s', (_l, over, code) => {
    const d = planDispatch(plan(over));
    expect(d.ok ? null : d.refusal.code).toBe(code);
  });

  it('a department serving only the community still serves its compound', () => {
    expect(planned(plan({ departmentIds: ['d3'], leadId: 'd3' }))[0]).toMatchObject({ role: 'lead', departmentId: 'd3' });
  });

  const returned = (id: string, role: DispatchDoc['role'] = 'co'): DispatchDoc => ({
    ...planned(plan({ departmentIds: [id], leadId: role === 'lead' ? id : undefined }))[0]!,
    role,
    status: 'returned',
  });

  it.each([
    [
      're-dispatch to a department that holds a part',
      [{ ...returned('d1', 'lead'), status: 'arrived' as const }],
      { departmentIds: ['d1'], leadId: undefined },
      'DISPATCH.ALREADY_DISPATCHED',
    ],
    [
      'name a second lead while one is in play',
      [{ ...returned('d1', 'lead'), status: 'arrived' as const }],
      { departmentIds: ['d2'], leadId: 'd2' },
      'DISPATCH.LEAD_EXISTS',
    ],
    [
      'the street sends back a department that returned it',
      [returned('d2')],
      { departmentIds: ['d2'], leadId: undefined },
      'DISPATCH.RETURNED_BEFORE',
    ],
  ])('refuses to %s', (_l, existing, over, code) => {
    const d = planDispatch(plan({ existing, ...over }));
    expect(d.ok ? null : d.refusal.code).toBe(code);
  });

  it('the district may send a returned part back, and its decision is final', () => {
    const [again] = planned(
      plan({
        existing: [returned('d2')],
        departmentIds: ['d2'],
        leadId: 'd2',
        dispatcher: { actor: { openid: 'admin', name: '区', label: '区级管理员' }, level: 'district', placeId: 'd-dadong' },
      }),
    );
    expect(again).toMatchObject({ role: 'lead', final: true, version: 2 });
    expect(checkReturn(again!, NOW)).toEqual({ ok: false, refusal: { code: 'DISPATCH.FINAL' } });
  });

  it('new departments join as 协办 while a lead is in play; after the lead returned a new lead may be named', () => {
    const lead = { ...planned(plan({ departmentIds: ['d1'] }))[0]!, status: 'arrived' as const };
    expect(planned(plan({ existing: [lead], departmentIds: ['d2'], leadId: undefined }))[0]!.role).toBe('co');
    expect(planned(plan({ existing: [{ ...lead, status: 'returned' }], departmentIds: ['d2'], leadId: 'd2' }))[0]!.role).toBe('lead');
  });

  it('without a lead, several departments get an open offer and one alone leads', () => {
    expect(planned(plan({ leadId: undefined })).map((d) => d.role)).toEqual(['open', 'open']);
    expect(planned(plan({ leadId: undefined, departmentIds: ['d1'] })).map((d) => d.role)).toEqual(['lead']);
  });
});

describe('首接负责: the first department that accepts leads', () => {
  const open = (departmentId: string) => ({ role: 'open' as const, departmentId });
  it.each([
    ['no lead yet: the acceptor leads', '', open('d1'), { role: 'lead', lead: 'd1' }],
    ['another led first: the acceptor joins as 协办', 'd2', open('d1'), { role: 'co', lead: 'd2' }],
    ['the named lead stays lead', '', { role: 'lead' as const, departmentId: 'd1' }, { role: 'lead', lead: 'd1' }],
    ['a co-handler stays co', '', { role: 'co' as const, departmentId: 'd1' }, { role: 'co', lead: '' }],
  ])('%s', (_l, lead, part, expected) => {
    expect(claimLead(lead, part)).toEqual(expected);
  });

  it('two departments accepting at once: the conditional write on "no lead" lets one lead, the other is 协办', () => {
    // both read lead '' and decide to lead; the store applies the write `where lead == ''` once
    let stored = '';
    const write = (want: { lead: string }) => (stored === '' ? ((stored = want.lead), true) : false);
    const a = claimLead('', open('d1'));
    const b = claimLead('', open('d2'));
    const outcomes = [write(a) ? a : claimLead(stored, open('d1')), write(b) ? b : claimLead(stored, open('d2'))];
    expect(outcomes.map((o) => o.role).sort()).toEqual(['co', 'lead']);
    expect(stored).toBe('d1');
  });
});

describe('报到', () => {
  const part = planned(plan({ tier: 'emergency' }))[0]!;
  it.each([
    ['on time', h(1.5), true],
    ['at the deadline', h(2), true],
    ['late', h(2.1), false],
  ])('%s', (_l, now, onTime) => {
    const d = arrive(part, { photos: ['cloud://a.jpg'], now, role: 'lead' });
    expect(d.ok && d.value).toMatchObject({ status: 'arrived', arrivedOnTime: onTime, dueAt: part.resolveBy });
  });
  it('needs a photo from the spot, and only once', () => {
    expect(arrive(part, { photos: [], now: h(1), role: 'lead' })).toEqual({ ok: false, refusal: { code: 'DISPATCH.PHOTO_REQUIRED' } });
    const d = arrive({ ...part, status: 'arrived' }, { photos: ['x'], now: h(1), role: 'lead' });
    expect(d.ok ? null : d.refusal.code).toBe('DISPATCH.WRONG_STATE');
  });
  it('a co-handler that arrived has no timer left', () => {
    const d = arrive({ ...part, role: 'co' }, { photos: ['x'], now: h(1), role: 'co' });
    expect(d.ok && d.value.dueAt).toBeUndefined();
  });
});

describe('退单: once, in time, never after 报到', () => {
  const part = planned(plan({ tier: 'general' }))[1]!; // returnBy: 24 h (the 报到 deadline is later)
  it.each([
    ['within the window', h(23), null],
    ['at the last moment', h(24), null],
    ['after the allowed time', h(24.01), 'DISPATCH.RETURN_TOO_LATE'],
  ])('%s', (_l, now, code) => {
    const d = checkReturn(part, now);
    expect(d.ok ? null : d.refusal.code).toBe(code);
  });
  it.each([
    ['already returned (once only)', 'returned' as const],
    ['already 报到', 'arrived' as const],
  ])('refused when %s', (_l, status) => {
    const d = checkReturn({ ...part, status }, h(1));
    expect(d.ok ? null : d.refusal).toEqual({ code: 'DISPATCH.WRONG_STATE', details: { status } });
  });
  it('an emergency must be returned within its 2-hour 报到 window', () => {
    const e = planned(plan({ tier: 'emergency' }))[0]!;
    expect(e.returnBy).toBe(h(2).toISOString());
    expect(checkReturn(e, h(3)).ok).toBe(false);
  });
});

describe('督办 of overdue 报到 and resolutions', () => {
  const part = planned(plan({ tier: 'emergency' }))[0]!;
  const arrived = { ...part, status: 'arrived' as const, arrivedAt: h(1).toISOString(), dueAt: part.resolveBy };
  it.each([
    ['not due yet', part, 'accepted', h(1.9), null],
    ['报到 overdue', part, 'accepted', h(2), { kind: 'reportOverdue', escalations: 1, dueAt: h(4).toISOString() }],
    [
      '报到 overdue again',
      { ...part, escalations: 1, dueAt: h(4).toISOString() },
      'accepted',
      h(4),
      { kind: 'reportOverdue', escalations: 2, dueAt: h(6).toISOString() },
    ],
    ['lead arrived, resolution overdue', arrived, 'handling', new Date(part.resolveBy), { kind: 'resolveOverdue', escalations: 1 }],
    ['co-handler arrived: nothing to watch', { ...arrived, role: 'co' as const }, 'handling', new Date(part.resolveBy), { kind: 'settle' }],
    ['returned part', { ...part, status: 'returned' as const }, 'accepted', h(3), { kind: 'settle' }],
    ['request resolved meanwhile', part, 'resolved', h(3), { kind: 'settle' }],
    ['no dueAt', { ...part, dueAt: undefined }, 'accepted', h(30), null],
  ] as const)('%s', (_l, p, requestStatus, now, expected) => {
    const s = sweepDispatch(p as DispatchDoc, { requestStatus, now, calendar });
    if (expected === null) expect(s).toBeNull();
    else expect(s).toMatchObject(expected);
  });
  it('is the same answer for the same state (overlapping runs write it once, conditionally on the version)', () => {
    const a = sweepDispatch(part, { requestStatus: 'accepted', now: h(2.5), calendar });
    const b = sweepDispatch(part, { requestStatus: 'accepted', now: h(2.5), calendar });
    expect(a).toEqual(b);
  });
});
