import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '../calendar/work-calendar';
import type { Result } from '../common/result';
import {
  acceptRequest,
  addProgress,
  confirmGuidance,
  createRequest,
  currentStep,
  escalationLevelOf,
  escalationPosts,
  holderText,
  isOverdue,
  mergeRequests,
  rateRequest,
  recountDeadline,
  resolveRequest,
  sweepRequest,
  triageRequest,
  type Change,
  type RuleClock,
  type TriageInput,
} from './request.rules';
import type { Grant } from '../roles/role.schema';
import { partEvent } from '../departments/dispatch.rules';
import { DEFAULT_RULE_SETTINGS } from '../settings/rule-settings.schema';
import { REQUEST_STATUSES, type RequestDoc, type RequestStatus } from './request.schema';

const weekdays: WorkCalendar = {
  lastOfficialYear: 2026,
  isWorkday: (date) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay()),
};
const T0 = new Date('2026-06-08T02:00:00.000Z'); // Monday 10:00 in Shanghai
const H = 3_600_000;
const clockAt = (ms: number): RuleClock => ({ now: new Date(T0.getTime() + ms), calendar: weekdays });
const leader = { openid: 'o-leader', name: '李斌', label: '小区点长' };
const resident = { openid: 'o-res', name: '陈秀英', label: '居民' };
const handler = { openid: 'o-leader', name: '李斌', roleLabel: '小区点长', placeName: '中捷木材小区' };

function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.data;
}

function fresh(over: Partial<Parameters<typeof createRequest>[0]> = {}): RequestDoc {
  return unwrap(
    createRequest(
      {
        id: 'req-000000000001',
        compound: { _id: 'p-1', name: '中捷木材小区', path: ['d-1', 's-1', 'c-1'] },
        communityName: '中房社区',
        category: 'repairs',
        description: '1号楼楼道灯坏了',
        photos: [],
        location: { kind: 'spot', text: '1号楼楼道' },
        emergency: false,
        reporter: { openid: 'o-res', name: '陈秀英', phone: '13800000000' },
        ...over,
      },
      clockAt(0),
    ),
  ).next;
}

const minor: TriageInput = { track: 'minor', handler, handlerRole: 'pointLeader', complex: false };
const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();

/** A request brought to each status through the rules themselves. */
function inStatus(status: RequestStatus): RequestDoc {
  const submitted = fresh();
  if (status === 'submitted') return submitted;
  const accepted = unwrap(acceptRequest(submitted, leader, clockAt(H))).next;
  if (status === 'accepted') return accepted;
  if (status === 'guidance')
    return unwrap(triageRequest(accepted, { track: 'private', guidance: '请联系物业公司' }, leader, clockAt(H))).next;
  const handling = unwrap(triageRequest(accepted, minor, leader, clockAt(H))).next;
  if (status === 'handling') return handling;
  const resolved = unwrap(resolveRequest(handling, { result: '已修好', photos: [] }, leader, clockAt(2 * H))).next;
  if (status === 'resolved') return resolved;
  if (status === 'closed') return unwrap(rateRequest(resolved, { solved: true, satisfaction: 'satisfied' }, resident, clockAt(3 * H))).next;
  return unwrap(mergeRequests(submitted, { ...fresh(), _id: 'req-other' }, leader, clockAt(H))).source.next;
}

const ACTIONS: Record<string, (r: RequestDoc) => Result<Change>> = {
  accept: (r) => acceptRequest(r, leader, clockAt(H)),
  triage: (r) => triageRequest(r, minor, leader, clockAt(H)),
  progress: (r) => addProgress(r, { text: '已到现场', photos: [] }, leader, clockAt(H)),
  resolve: (r) => resolveRequest(r, { result: '已修好', photos: [] }, leader, clockAt(H)),
  rate: (r) => rateRequest(r, { solved: true, satisfaction: 'basic' }, resident, clockAt(H)),
  confirm: (r) => confirmGuidance(r, resident, clockAt(H)),
};

/** Which action each status allows; every other pair answers REQUEST.WRONG_STATE. */
const ALLOWED: Record<RequestStatus, string[]> = {
  submitted: ['accept'],
  accepted: ['triage'],
  handling: ['triage', 'progress', 'resolve'],
  guidance: ['confirm'],
  resolved: ['rate'],
  closed: [],
  merged: [],
};

describe('the eight steps as a state machine', () => {
  for (const status of REQUEST_STATUSES)
    for (const action of Object.keys(ACTIONS)) {
      const allowed = ALLOWED[status].includes(action);
      it(`${action} on a ${status} request is ${allowed ? 'allowed' : 'refused'}`, () => {
        const result = ACTIONS[action]!(inStatus(status));
        if (allowed) {
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.data.next.version).toBeGreaterThan(inStatus(status).version);
        } else expect(result).toMatchObject({ ok: false, error: { code: 'REQUEST.WRONG_STATE', details: { status } } });
      });
    }
});

describe('发现 and 受理', () => {
  it('a new request must be accepted within 2 hours, is warned at 90 minutes and counted as submitted', () => {
    const change = unwrap(
      createRequest(
        {
          id: 'k-000000000001',
          compound: { _id: 'p-1', name: '中捷木材小区', path: ['d-1', 's-1', 'c-1'] },
          communityName: '中房社区',
          category: 'repairs',
          description: '楼道灯坏了',
          photos: ['f1'],
          location: { kind: 'home', text: '1号楼1单元101', householdId: 'h1' },
          emergency: false,
          reporter: { openid: 'o-res', name: '陈秀英' },
        },
        clockAt(0),
      ),
    );
    expect(change.next).toMatchObject({
      status: 'submitted',
      communityId: 'c-1',
      streetId: 's-1',
      districtId: 'd-1',
      placePath: ['d-1', 's-1', 'c-1', 'p-1'],
      tier: 'general',
      deadlineAt: at(2 * H),
      warnAt: at(1.5 * H),
      escalateAt: at(2 * H),
      dueAt: at(1.5 * H),
      escalationLevel: 0,
    });
    expect(change.stats).toEqual([{ day: '2026-06-08', inc: { submitted: 1 } }]);
    expect(change.events[0]).toMatchObject({ kind: 'submitted', step: 'discover', photos: ['f1'] });
  });

  it.each([
    ['utilities', false, 'utility'],
    ['repairs', false, 'general'],
    ['construction', false, 'complex'],
    ['construction', true, 'emergency'],
  ] as const)('category %s (emergency %s) gets tier %s', (category, emergency, tier) => {
    expect(fresh({ category, emergency }).tier).toBe(tier);
  });

  it.each([
    ['within 2 hours counts as on time', H, true],
    ['exactly at the deadline is on time', 2 * H, true],
    ['after 2 hours is late', 3 * H, false],
  ])('acceptance %s (响应率)', (_label, after, onTime) => {
    const change = unwrap(acceptRequest(fresh(), leader, clockAt(after)));
    expect(change.next.acceptedOnTime).toBe(onTime);
    expect(change.stats).toEqual([{ day: '2026-06-08', inc: { accepted: 1, acceptedOnTime: onTime ? 1 : 0 } }]);
  });

  it.each([
    ['general: 7 working days', 'repairs', false, '2026-06-17T16:00:00.000Z'],
    ['utilities: 24 hours', 'utilities', false, at(25 * H)],
    ['emergency: 2 hours', 'safety', true, at(3 * H)],
    ['complex: 15 working days', 'construction', false, '2026-06-29T16:00:00.000Z'],
  ] as const)('after acceptance the handling deadline is by tier — %s', (_label, category, emergency, deadline) => {
    const accepted = unwrap(acceptRequest(fresh({ category, emergency }), leader, clockAt(H))).next;
    expect(accepted.deadlineAt).toBe(deadline);
    expect(accepted.escalateAt).toBe(deadline);
  });
});

describe('分流', () => {
  const accepted = () => unwrap(acceptRequest(fresh(), leader, clockAt(H))).next;

  it.each([
    ['小事 to the 小区点长', 'minor', 'pointLeader', true],
    ['小事 to community staff', 'minor', 'communityStaff', true],
    ['小事 to street staff', 'minor', 'streetStaff', false],
    ['大事 to street staff', 'major', 'streetStaff', true],
    ['大事 to the 小区点长', 'major', 'pointLeader', false],
    ['大事 to community staff', 'major', 'communityStaff', false],
  ] as const)('%s: allowed %s', (_label, track, role, allowed) => {
    const result = triageRequest(accepted(), { track, handler, handlerRole: role, complex: false }, leader, clockAt(H));
    expect(result.ok ? 'OK' : result.error.code).toBe(allowed ? 'OK' : 'REQUEST.HANDLER_OUT_OF_SCOPE');
  });

  it('私事 closes after the resident confirms, or by itself after 3 days, with no staff deadline', () => {
    const guided = unwrap(triageRequest(accepted(), { track: 'private', guidance: '请与楼上邻居协商' }, leader, clockAt(2 * H))).next;
    expect(guided).toMatchObject({ status: 'guidance', track: 'private', guidance: '请与楼上邻居协商', autoCloseAt: at(2 * H + 72 * H) });
    expect(guided.deadlineAt).toBeUndefined();
    expect(guided.dueAt).toBe(guided.autoCloseAt);
    expect(sweepRequest(guided, clockAt(2 * H + 71 * H))).toBeNull();
    const closed = sweepRequest(guided, clockAt(2 * H + 72 * H))!;
    expect(closed.next).toMatchObject({ status: 'closed', closure: 'private' });
    expect(closed.stats).toContainEqual({ day: '2026-06-08', inc: { closedOfAccepted: 1 } });
  });

  it('marking a general request complex re-counts 15 working days from acceptance', () => {
    const handling = unwrap(triageRequest(accepted(), { ...minor, complex: true }, leader, clockAt(5 * H))).next;
    expect(handling).toMatchObject({ tier: 'complex', deadlineAt: '2026-06-29T16:00:00.000Z' });
  });
});

describe('反馈 and 评价', () => {
  it.each([
    ['满意 closes it', 'satisfied', true, { rated: 1, solved: 1, satisfied: 1 }],
    ['基本满意 closes it and counts as satisfied', 'basic', false, { rated: 1, solved: 0, satisfied: 1 }],
  ] as const)('%s', (_label, satisfaction, solved, counted) => {
    const resolved = inStatus('resolved');
    const change = unwrap(rateRequest(resolved, { solved, satisfaction }, resident, clockAt(4 * H)));
    expect(change.next).toMatchObject({ status: 'closed', closure: 'rated', rating: { satisfaction, solved } });
    expect(change.next.dueAt).toBeUndefined();
    expect(change.stats).toEqual([
      { day: '2026-06-08', inc: counted },
      { day: '2026-06-08', inc: { closed: 1, handlingMs: 4 * H } },
      { day: '2026-06-08', inc: { closedOfAccepted: 1 } },
    ]);
  });

  it('不满意 takes it from the handler, raises 督办 one level and starts a fresh deadline for that level to act', () => {
    const resolved = inStatus('resolved');
    const change = unwrap(
      rateRequest(resolved, { solved: false, satisfaction: 'unsatisfied', comment: '灯还是不亮' }, resident, clockAt(4 * H)),
    );
    expect(change.next).toMatchObject({
      status: 'accepted',
      escalationLevel: 1,
      reopenCount: 1,
      deadlineAt: '2026-06-17T16:00:00.000Z',
    });
    expect(change.next.handler).toBeUndefined();
    expect(change.events.map((e) => e.kind)).toEqual(['rated', 'reopened']);
    expect(change.events[1]!.text).toBe('居民不满意，督办升级至社区，由社区重新安排办理');
    expect(change.stats).toEqual([{ day: '2026-06-08', inc: { rated: 1, solved: 0, satisfied: 0 } }]);
    expect(holderText(change.next)).toBe('居民不满意，已督办至社区，等待社区安排办理');
  });

  it('after 不满意 the level it reached assigns it: not to the compound team again, to its own staff or above', () => {
    const reopened = unwrap(
      rateRequest(inStatus('resolved'), { solved: false, satisfaction: 'unsatisfied' }, resident, clockAt(4 * H)),
    ).next;
    const staffOf = (role: 'communityStaff' | 'streetStaff') => ({
      openid: `o-${role}`,
      name: '王丽',
      roleLabel: '社区工作人员',
      placeName: '中房社区',
      role,
    });
    expect(triageRequest(reopened, minor, leader, clockAt(5 * H))).toEqual({
      ok: false,
      error: { code: 'REQUEST.HANDLER_OUT_OF_SCOPE', details: { track: 'minor', level: 1 } },
    });
    const { role, ...communityStaff } = staffOf('communityStaff');
    const assigned = unwrap(
      triageRequest(reopened, { track: 'minor', handler: communityStaff, handlerRole: role, complex: false }, leader, clockAt(5 * H)),
    );
    expect(assigned.next).toMatchObject({ status: 'handling', handler: communityStaff });
    // a second 不满意 goes to the street: community staff may no longer be given it
    const resolvedAgain = unwrap(resolveRequest(assigned.next, { result: '已更换灯泡', photos: [] }, leader, clockAt(6 * H))).next;
    const street = unwrap(rateRequest(resolvedAgain, { solved: false, satisfaction: 'unsatisfied' }, resident, clockAt(7 * H))).next;
    expect(street).toMatchObject({ status: 'accepted', escalationLevel: 2 });
    expect(
      triageRequest(
        street,
        { track: 'minor', handler: communityStaff, handlerRole: 'communityStaff', complex: false },
        leader,
        clockAt(8 * H),
      ).ok,
    ).toBe(false);
    expect(
      triageRequest(street, { track: 'major', handler: communityStaff, handlerRole: 'streetStaff', complex: false }, leader, clockAt(8 * H))
        .ok,
    ).toBe(true);
  });

  it('an unrated request closes as unrated after 7 days (not as satisfied)', () => {
    const resolved = inStatus('resolved');
    expect(sweepRequest(resolved, clockAt(2 * H + 7 * 24 * H - 1))).toBeNull();
    const change = sweepRequest(resolved, clockAt(2 * H + 7 * 24 * H))!;
    expect(change.next).toMatchObject({ status: 'closed', closure: 'unrated' });
    expect(change.next.rating).toBeUndefined();
    expect(change.stats.flatMap((s) => Object.keys(s.inc))).not.toContain('satisfied');
  });
});

describe('督办 by the timer', () => {
  it.each([
    ['before the warning nothing happens', 1.4 * H, null, 0],
    ['at the warning the holder is warned', 1.5 * H, 'warned', 0],
    ['past the deadline it escalates to 社区', 2 * H, 'escalated', 1],
    ['a timer that ran late escalates without warning first', 5 * H, 'escalated', 1],
  ])('%s', (_label, after, kind, level) => {
    const change = sweepRequest(fresh(), clockAt(after));
    expect(change?.events[0]?.kind ?? null).toBe(kind);
    if (change) expect(change.next.escalationLevel).toBe(level);
  });

  it('escalates one level per interval up to 区, never twice for one due time, and stays overdue', () => {
    let r = fresh();
    const levels: number[] = [];
    for (let hour = 2; hour <= 12; hour++) {
      const clock = clockAt(hour * H);
      const change = sweepRequest(r, clock);
      if (change) r = change.next;
      // a second run at the same moment finds nothing to do
      expect(sweepRequest(r, clock)).toBeNull();
      levels.push(r.escalationLevel);
    }
    expect(levels).toEqual([1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3]);
    expect(r.escalateAt).toBeUndefined();
    expect(r.dueAt).toBeUndefined();
    expect(r.deadlineAt).toBe(at(2 * H));
    expect(isOverdue(r, clockAt(12 * H).now)).toBe(true);
    expect(holderText(r)).toBe('已督办至区，等待受理');
  });

  it.each([
    ['the seed: again 2 hours after the first 督办 of a missed 受理', undefined, [1, 1, 2]],
    ['the district set 1 hour', { ...DEFAULT_RULE_SETTINGS.escalateEvery, accept: { hours: 1 } }, [1, 2, 3]],
    ['the district set 3 hours', { ...DEFAULT_RULE_SETTINGS.escalateEvery, accept: { hours: 3 } }, [1, 1, 1]],
  ] as const)('督办 intervals filed with the request — %s', (_label, escalateEvery, expected) => {
    const rules = { categories: DEFAULT_RULE_SETTINGS.categories, tiers: DEFAULT_RULE_SETTINGS.tiers, escalateEvery };
    let r = fresh({ rules });
    const levels: number[] = [];
    for (const hour of [2, 3, 4]) {
      const change = sweepRequest(r, clockAt(hour * H));
      if (change) r = change.next;
      levels.push(r.escalationLevel);
    }
    expect(levels).toEqual(expected);
  });

  it('accepting late keeps the escalation level but starts the handling deadline', () => {
    const escalated = sweepRequest(fresh(), clockAt(3 * H))!.next;
    const accepted = unwrap(acceptRequest(escalated, leader, clockAt(4 * H))).next;
    expect(accepted).toMatchObject({ escalationLevel: 1, acceptedOnTime: false, deadlineAt: '2026-06-17T16:00:00.000Z' });
    expect(isOverdue(accepted, clockAt(4 * H).now)).toBe(false);
  });
});

describe('首次反馈 by the timer', () => {
  // filed under the seed rules (general: 反馈 3 working days, 办结 7, warned 24 h before), accepted Monday 11:00
  const rules = { categories: DEFAULT_RULE_SETTINGS.categories, tiers: DEFAULT_RULE_SETTINGS.tiers };
  const accepted = (over: Partial<Parameters<typeof createRequest>[0]> = {}) =>
    unwrap(acceptRequest(fresh({ rules, ...over }), leader, clockAt(H))).next;
  const handlingOne = () => unwrap(triageRequest(accepted(), minor, leader, clockAt(2 * H))).next;
  const FEEDBACK_DUE = '2026-06-11T16:00:00.000Z'; // Thursday 24:00, 3 working days after Monday
  const DUE = 86 * H;

  it('acceptance starts the feedback clock: due after the tier’s feedback time, warned before it', () => {
    expect(accepted()).toMatchObject({
      feedbackDueAt: FEEDBACK_DUE,
      feedbackWarnAt: '2026-06-10T16:00:00.000Z',
      dueAt: '2026-06-10T16:00:00.000Z',
      deadlineAt: '2026-06-17T16:00:00.000Z',
    });
  });

  it.each([
    ['before its warning nothing happens', DUE - 24 * H - 1, null, 0, '', true],
    ['at its warning the holder is warned (staff only)', DUE - 24 * H, 'warned', 0, '即将超过反馈时限：请尽快向居民反馈处理进展', true],
    ['past it the request is 督办 to 社区', DUE, 'escalated', 1, '超过期限未反馈，督办升级至社区', false],
    ['a late timer escalates without warning first', DUE + 20 * H, 'escalated', 1, '超过期限未反馈，督办升级至社区', false],
  ] as const)('%s', (_label, after, kind, level, text, clockLeft) => {
    const r = handlingOne();
    const change = sweepRequest(r, clockAt(after));
    expect(change?.events[0]?.kind ?? null).toBe(kind);
    if (!change) return;
    expect(change.events[0]).toMatchObject({ text });
    expect(change.events[0]!.staffOnly === true).toBe(kind === 'warned');
    expect(change.next.escalationLevel).toBe(level);
    expect(!!change.next.feedbackDueAt).toBe(clockLeft);
    // the handling deadline keeps its own clock
    expect(change.next).toMatchObject({ deadlineAt: r.deadlineAt, escalateAt: r.deadlineAt });
  });

  it('is 督办 once: a second run finds nothing, and the handling deadline escalates again when it passes', () => {
    let r = handlingOne();
    const levels: number[] = [];
    for (const after of [DUE - 24 * H, DUE, DUE, DUE + H, 7 * 24 * H, 9 * 24 * H + 14 * H, 9 * 24 * H + 14 * H]) {
      const change = sweepRequest(r, clockAt(after));
      if (change) r = change.next;
      levels.push(r.escalationLevel);
    }
    // warned, 督办 to 社区 for the feedback, then at 06-17 24:00 (06-17T16:00Z) to 街道 for 办结
    expect(levels).toEqual([0, 1, 1, 1, 1, 2, 2]);
    expect(r.feedbackDueAt).toBeUndefined();
  });

  it('a timer that missed both deadlines escalates once, for 办结', () => {
    const change = sweepRequest(handlingOne(), clockAt(10 * 24 * H))!;
    expect(change.events.map((e) => e.text)).toEqual(['超过期限未办结，督办升级至社区']);
    expect(change.next).toMatchObject({ escalationLevel: 1 });
    expect(change.next.feedbackDueAt).toBeUndefined();
    expect(change.next.dueAt).toBe(change.next.escalateAt);
  });

  const DEPARTMENT_LINE = { kind: 'progress', step: 'handle', actor: '城管执法 张强', text: '已到现场' } as const;
  it.each<[string, (r: RequestDoc) => RequestDoc, boolean]>([
    ['a progress line stops it', (r) => unwrap(addProgress(r, { text: '已联系物业', photos: [] }, leader, clockAt(3 * H))).next, true],
    ['the result stops it', (r) => unwrap(resolveRequest(r, { result: '已修好', photos: [] }, leader, clockAt(3 * H))).next, true],
    ['a department’s progress line stops it', (r) => partEvent(r, DEPARTMENT_LINE, clockAt(3 * H).now).next, true],
    [
      'a department’s 报到 does not',
      (r) => partEvent(r, { ...DEPARTMENT_LINE, kind: 'arrived', text: '已报到' }, clockAt(3 * H).now).next,
      false,
    ],
    ['re-assigning it does not', (r) => unwrap(triageRequest(r, minor, leader, clockAt(3 * H))).next, false],
  ])('%s', (_label, act, stops) => {
    const r = act(handlingOne());
    expect(r.feedbackDueAt === undefined && r.feedbackWarnAt === undefined).toBe(stops);
    const change = sweepRequest(r, clockAt(DUE));
    expect(change?.events[0]?.text === '超过期限未反馈，督办升级至社区').toBe(!stops);
  });

  it('guidance for a 私事 is feedback: no clock is left', () => {
    const guided = unwrap(triageRequest(accepted(), { track: 'private', guidance: '请与楼上邻居协商' }, leader, clockAt(2 * H))).next;
    expect(guided.feedbackDueAt).toBeUndefined();
    expect(guided.dueAt).toBe(guided.autoCloseAt);
  });

  it.each([
    ['emergency: feedback and 办结 both in 2 hours, one clock', { category: 'safety', emergency: true }, undefined],
    ['utilities: feedback and 办结 both in 24 hours, one clock', { category: 'utilities' }, undefined],
    ['complex: feedback within 5 working days', { category: 'construction' }, '2026-06-15T16:00:00.000Z'],
  ] as const)('%s', (_label, over, due) => {
    expect(accepted(over).feedbackDueAt).toBe(due);
  });

  it('requests filed without settings use the code’s feedback table', () => {
    expect(unwrap(acceptRequest(fresh(), leader, clockAt(H))).next.feedbackDueAt).toBe(FEEDBACK_DUE);
  });

  it('marking it complex counts the feedback still owed by the complex tier, from acceptance', () => {
    const complex = unwrap(triageRequest(accepted(), { ...minor, complex: true }, leader, clockAt(5 * H))).next;
    expect(complex).toMatchObject({ tier: 'complex', feedbackDueAt: '2026-06-15T16:00:00.000Z' });
  });

  it('a reopened request (不满意) owes the resident a first feedback again', () => {
    const resolved = unwrap(resolveRequest(handlingOne(), { result: '已修好', photos: [] }, leader, clockAt(3 * H))).next;
    const reopened = unwrap(rateRequest(resolved, { solved: false, satisfaction: 'unsatisfied' }, resident, clockAt(4 * H))).next;
    expect(reopened).toMatchObject({ status: 'accepted', escalationLevel: 1, feedbackDueAt: FEEDBACK_DUE });
    expect(sweepRequest(reopened, clockAt(DUE))!.events[0]!.text).toBe('超过期限未反馈，督办升级至街道');
  });

  it('a calendar change counts the feedback still owed again, keeping a warning already sent', () => {
    const warned = sweepRequest(handlingOne(), clockAt(DUE - 24 * H))!.next;
    expect(warned.feedbackWarnAt).toBeUndefined();
    // Wednesday 06-10 becomes a closure (a typhoon day)
    const closed: WorkCalendar = { ...weekdays, isWorkday: (d) => d !== '2026-06-10' && weekdays.isWorkday(d) };
    const change = recountDeadline(warned, { now: clockAt(DUE - 20 * H).now, calendar: closed })!;
    expect(change.next).toMatchObject({ feedbackDueAt: '2026-06-12T16:00:00.000Z', deadlineAt: '2026-06-18T16:00:00.000Z' });
    expect(change.next.feedbackWarnAt).toBeUndefined();
    expect(change.events[0]!.text).toBe('节假日安排有调整，期限由 6月17日 24:00 调整为 6月18日 24:00，首次反馈期限调整为 6月12日 24:00');
    expect(recountDeadline(change.next, { now: clockAt(DUE - 20 * H).now, calendar: closed })).toBeNull();
  });
});

describe('合并', () => {
  it('ends the duplicate, moves its followers and un-counts its acceptance', () => {
    const source = { ...unwrap(acceptRequest(fresh(), leader, clockAt(H))).next, followerCount: 2 };
    const target = { ...fresh(), _id: 'req-target' };
    const { source: s, target: t } = unwrap(mergeRequests(source, target, leader, clockAt(2 * H)));
    expect(s.next).toMatchObject({ status: 'merged', mergedInto: 'req-target' });
    expect(s.next.deadlineAt).toBeUndefined();
    expect(t.next.followerCount).toBe(3);
    expect(s.stats).toEqual([
      { day: '2026-06-08', inc: { merged: 1 } },
      { day: '2026-06-08', inc: { accepted: -1, acceptedOnTime: -1 } },
    ]);
  });

  it.each([
    ['into itself', (r: RequestDoc) => r],
    ['into another compound', (r: RequestDoc) => ({ ...r, _id: 'x', compoundId: 'p-2' })],
    ['into a closed request', (r: RequestDoc) => ({ ...r, _id: 'x', status: 'closed' as const })],
  ])('refuses a merge %s', (_label, targetOf) => {
    const source = fresh();
    expect(mergeRequests(source, targetOf(source), leader, clockAt(H))).toMatchObject({
      ok: false,
      error: { code: 'REQUEST.MERGE_INVALID' },
    });
  });
});

describe('where a request stands', () => {
  it.each([
    ['submitted', 'accept'],
    ['accepted', 'triage'],
    ['handling', 'handle'],
    ['resolved', 'rate'],
    ['guidance', 'rate'],
    ['closed', 'done'],
  ] as const)('%s is at step %s', (status, step) => expect(currentStep(inStatus(status))).toBe(step));
});

describe('督办 levels of places and posts', () => {
  it.each([
    ['compound', null],
    ['community', 1],
    ['street', 2],
    ['district', 3],
    ['building', null],
    ['household', null],
  ] as const)('%s → %s', (kind, level) => expect(escalationLevelOf(kind)).toBe(level));

  const grant = (role: Grant['role'], placeId: string): Grant => ({
    role,
    placeId,
    placePath: [],
    placeName: placeId,
    grantedAt: '',
    grantedBy: '',
  });
  it.each<[string, Grant[], { placeId: string; level: number }[]]>([
    ['a resident', [grant('resident', 'h-1')], []],
    ['a 小区点长 (nothing is 督办 at the compound)', [grant('pointLeader', 'p-1')], []],
    ['community staff', [grant('communityStaff', 'c-1'), grant('resident', 'h-1')], [{ placeId: 'c-1', level: 1 }]],
    ['street staff of one street, twice', [grant('streetStaff', 's-1'), grant('streetStaff', 's-1')], [{ placeId: 's-1', level: 2 }]],
    ['a district admin', [grant('admin', 'd-1')], [{ placeId: 'd-1', level: 3 }]],
  ])('%s', (_name, grants, posts) => expect(escalationPosts(grants)).toEqual(posts));
});
