import { calendarWithin, type WorkCalendar } from '../calendar/work-calendar';
import { err, ok, type Result } from '../common/result';
import { shanghaiDate } from '../common/time';
import type { PlaceKind } from '../places/place.schema';
import { ROLE_SCOPE_KIND, STAFF_ROLES, type Grant, type Role } from '../roles/role.schema';
import { TEAM_ROLES } from '../team/team.schema';
import { addSpan, deadlineText, warnAtFor } from './deadline.rules';
import {
  ACCEPT_WITHIN,
  CATEGORY_CONFIG,
  ESCALATE_EVERY,
  ESCALATION_LABELS,
  ESCALATION_LEVELS,
  FEEDBACK_WITHIN,
  GUIDANCE_CONFIRM_DAYS,
  MAX_ESCALATION_LEVEL,
  OPEN_STATUSES,
  RATE_WITHIN_DAYS,
  SATISFACTION_LABELS,
  STAFF_HELD_STATUSES,
  TIER_SPANS,
  TRIAGE_LABELS,
  type DeadlineTier,
  type RequestActor,
  type RequestCategory,
  type Span,
  type RequestDoc,
  type RequestEvent,
  type RequestHandler,
  type RequestStatus,
  type RequestStep,
  type Satisfaction,
  type TriageTrack,
} from './request.schema';

const DAY = 86_400_000;

/** Counters kept per place and day (see figures.rules.ts). */
export const STAT_FIELDS = [
  'submitted',
  'accepted',
  'acceptedOnTime',
  'closed',
  'closedOfAccepted',
  'handlingMs',
  'rated',
  'solved',
  'satisfied',
  'merged',
] as const;
export type StatField = (typeof STAT_FIELDS)[number];
export type StatDelta = { day: string; inc: Partial<Record<StatField, number>> };

export type EventDraft = Omit<RequestEvent, '_id' | 'requestId' | 'at'>;

/** What one step does to a request: the next document, the timeline lines, the counters. */
export interface Change {
  next: RequestDoc;
  events: EventDraft[];
  stats: StatDelta[];
}

export type RuleClock = { now: Date; calendar: WorkCalendar };

export const isStaffHeld = (status: RequestStatus) => (STAFF_HELD_STATUSES as readonly string[]).includes(status);
export const isOpen = (status: RequestStatus) => (OPEN_STATUSES as readonly string[]).includes(status);
export const isOverdue = (r: Pick<RequestDoc, 'status' | 'deadlineAt'>, now: Date) =>
  isStaffHeld(r.status) && !!r.deadlineAt && r.deadlineAt < now.toISOString();

export const actorText = (a: Pick<RequestActor, 'label' | 'name'>) => `${a.label} ${a.name}`.trim();
const wrongState = (r: RequestDoc) => err('REQUEST.WRONG_STATE', { status: r.status });

/** The tier a new request gets: emergencies first, then the category's configured tier. */
export const tierFor = (category: RequestCategory, emergency: boolean): DeadlineTier =>
  emergency ? 'emergency' : CATEGORY_CONFIG[category].tier;

/** The earliest moment the sweep has something to do, or none. */
function withDue(doc: RequestDoc): RequestDoc {
  const next = { ...doc };
  const times = [next.warnAt, next.escalateAt, next.feedbackWarnAt, next.feedbackDueAt, next.autoCloseAt]
    .filter((t): t is string => !!t)
    .sort();
  if (times[0]) next.dueAt = times[0];
  else delete next.dueAt;
  return next;
}

function without(doc: RequestDoc, ...keys: (keyof RequestDoc)[]): RequestDoc {
  const next = { ...doc };
  for (const k of keys) delete next[k];
  return next;
}

/** The 首次反馈 clock's fields: gone once the resident has heard from staff, or once it was missed. */
const FEEDBACK_CLOCK = ['feedbackDueAt', 'feedbackWarnAt'] as const satisfies (keyof RequestDoc)[];
/** Every clock staff work against; a request the resident holds, or that ended, has none. */
const STAFF_CLOCK = ['deadlineAt', 'deadlineEstimated', 'warnAt', 'escalateAt', ...FEEDBACK_CLOCK] as const satisfies (keyof RequestDoc)[];

/** A step's span: the rules the request was filed under, or the code's 12345 tables. */
function stepSpan(doc: Pick<RequestDoc, 'tier' | 'tierRules'>, tier: DeadlineTier | 'accept'): Span {
  const rules = doc.tierRules?.[tier === 'accept' ? doc.tier : tier];
  if (rules) return tier === 'accept' ? rules.accept : rules.resolve;
  return tier === 'accept' ? ACCEPT_WITHIN : TIER_SPANS[tier];
}

/**
 * When to warn the holder of a handling step: the hours before the deadline its tier sets; the
 * 受理 step and requests without rules warn by the code's rule (a quarter of the step).
 */
function warnAtOf(doc: Pick<RequestDoc, 'tier' | 'tierRules'>, step: DeadlineTier | 'accept', start: Date, deadline: Date): Date {
  const hours = step === 'accept' ? undefined : doc.tierRules?.[step]?.warnBeforeHours;
  if (hours === undefined) return warnAtFor(start, deadline);
  return new Date(Math.max(start.getTime(), deadline.getTime() - hours * 3_600_000));
}

/** 首次反馈's span: the rules the request was filed under, or the code's table (also for rules saved before it was enforced). */
const feedbackSpan = (doc: Pick<RequestDoc, 'tierRules'>, tier: DeadlineTier): Span =>
  doc.tierRules?.[tier]?.feedback ?? FEEDBACK_WITHIN[tier];

/**
 * Starts (or counts again) the 首次反馈 clock of a handling round that began at `from`: due at the
 * tier's feedback time, warned like the handling step. No clock when it would fall on or after the
 * handling deadline: that deadline escalates anyway, and one miss is 督办 once.
 */
function withFeedbackClock(doc: RequestDoc, { now, calendar }: RuleClock, from: Date): RequestDoc {
  const next = without(doc, ...FEEDBACK_CLOCK);
  const due = addSpan(from, feedbackSpan(doc, doc.tier), calendarWithin(calendar, doc.placePath)).at;
  if (!doc.deadlineAt || due.toISOString() >= doc.deadlineAt) return withDue(next);
  next.feedbackDueAt = due.toISOString();
  next.feedbackWarnAt = new Date(Math.max(now.getTime(), warnAtOf(doc, doc.tier, from, due).getTime())).toISOString();
  return withDue(next);
}

/** The resident heard from staff (a progress line, the result, guidance): the 首次反馈 clock stops. */
export const fedBack = (doc: RequestDoc): RequestDoc =>
  doc.feedbackDueAt || doc.feedbackWarnAt ? withDue(without(doc, ...FEEDBACK_CLOCK)) : doc;

/** Sets a staff step's clock: its deadline, the warning before it and the first escalation at it. */
function startStaffStep(doc: RequestDoc, tier: DeadlineTier | 'accept', { now, calendar }: RuleClock, from: Date = now): RequestDoc {
  // the street's local closures (a typhoon day …) do not count as working days for its requests
  const deadline = addSpan(from, stepSpan(doc, tier), calendarWithin(calendar, doc.placePath));
  const next: RequestDoc = {
    ...doc,
    stepStartedAt: from.toISOString(),
    deadlineAt: deadline.at.toISOString(),
    warnAt: warnAtOf(doc, tier, now, deadline.at).toISOString(),
    escalateAt: deadline.at.toISOString(),
  };
  if (deadline.estimated) next.deadlineEstimated = true;
  else delete next.deadlineEstimated;
  delete next.autoCloseAt;
  return withDue(next);
}

/** Hands a request to the resident (to confirm or rate): no staff deadline, an automatic close instead. */
function startResidentStep(doc: RequestDoc, days: number, now: Date): RequestDoc {
  const next = without(doc, ...STAFF_CLOCK);
  next.stepStartedAt = now.toISOString();
  next.autoCloseAt = new Date(now.getTime() + days * DAY).toISOString();
  return withDue(next);
}

function bump(doc: RequestDoc, now: Date): RequestDoc {
  return { ...doc, version: doc.version + 1, updatedAt: now.toISOString() };
}

export interface NewRequest {
  id: string;
  /** The district's rules in force at filing (category → tier, the tiers' spans); the code's tables without. */
  rules?: {
    categories: Record<RequestCategory, { tier: DeadlineTier; track?: TriageTrack }>;
    tiers: Record<DeadlineTier, { accept: Span; feedback: Span; resolve: Span; warnBeforeHours: number }>;
    /** Absent in versions saved before the intervals were settings. */
    escalateEvery?: Record<DeadlineTier | 'accept', Span> | undefined;
  };
  compound: { _id: string; name: string; path: string[] };
  communityName: string;
  category: RequestCategory;
  description: string;
  photos: string[];
  location: RequestDoc['location'];
  emergency: boolean;
  reporter: { openid: string; name: string; phone?: string | undefined };
}

/** 发现: a resident reports; the compound's responders have 2 hours to accept. */
export function createRequest(input: NewRequest, clock: RuleClock): Result<Change> {
  const { compound } = input;
  // path runs district → street → community; the compound is below them
  const [districtId, streetId, communityId] = compound.path.slice(-3);
  if (!districtId || !streetId || !communityId) return err('PLACE.NOT_A_COMPOUND');
  const now = clock.now.toISOString();
  const base: RequestDoc = {
    _id: input.id,
    version: 1,
    compoundId: compound._id,
    compoundName: compound.name,
    communityId,
    communityName: input.communityName,
    streetId,
    districtId,
    placePath: [...compound.path, compound._id],
    category: input.category,
    description: input.description,
    photos: input.photos,
    location: input.location,
    emergency: input.emergency,
    reporter: { openid: input.reporter.openid, name: input.reporter.name },
    ...(input.reporter.phone ? { reporterPhone: input.reporter.phone } : {}),
    status: 'submitted',
    tier: input.emergency ? 'emergency' : (input.rules?.categories[input.category].tier ?? tierFor(input.category, input.emergency)),
    ...(input.rules?.categories[input.category].track ? { suggestedTrack: input.rules.categories[input.category].track } : {}),
    ...(input.rules
      ? {
          tierRules: Object.fromEntries(
            Object.entries(input.rules.tiers).map(([t, r]) => [
              t,
              { accept: r.accept, feedback: r.feedback, resolve: r.resolve, warnBeforeHours: r.warnBeforeHours },
            ]),
          ),
        }
      : {}),
    ...(input.rules?.escalateEvery ? { escalateEvery: { ...input.rules.escalateEvery } } : {}),
    stepStartedAt: now,
    escalationLevel: 0,
    reopenCount: 0,
    progressCount: 0,
    followerCount: 0,
    createdAt: now,
    updatedAt: now,
  };
  return ok({
    next: startStaffStep(base, 'accept', clock),
    events: [
      {
        kind: 'submitted',
        step: 'discover',
        actor: `居民 ${input.reporter.name}`,
        text: input.emergency ? '【紧急】' + input.description : input.description,
        ...(input.photos.length ? { photos: input.photos } : {}),
      },
    ],
    stats: [{ day: shanghaiDate(clock.now), inc: { submitted: 1 } }],
  });
}

/** 受理: accepted within the 2 hours or not (响应率); the handling deadline of its tier starts now. */
export function acceptRequest(r: RequestDoc, actor: RequestActor, clock: RuleClock): Result<Change> {
  if (r.status !== 'submitted') return wrongState(r);
  const now = clock.now.toISOString();
  const onTime = !!r.deadlineAt && now <= r.deadlineAt;
  const next = withFeedbackClock(
    startStaffStep(
      bump({ ...r, status: 'accepted', acceptedAt: now, acceptedBy: actor, acceptedOnTime: onTime }, clock.now),
      r.tier,
      clock,
    ),
    clock,
    clock.now,
  );
  return ok({
    next,
    events: [{ kind: 'accepted', step: 'accept', actor: actorText(actor), text: onTime ? '已受理' : '已受理（超过受理时限）' }],
    stats: [{ day: shanghaiDate(clock.now), inc: { accepted: 1, acceptedOnTime: onTime ? 1 : 0 } }],
  });
}

/** Which roles may handle each track: 小事 stays in the compound and community, 大事 goes to the street and up. */
export const HANDLER_ROLES: Record<Exclude<TriageTrack, 'private'>, readonly Role[]> = {
  minor: [...TEAM_ROLES, 'communityStaff'],
  major: ['streetStaff', 'admin'],
};

/** The 督办 level (ESCALATION_LEVELS) a role acts at: the compound's team, then community, street, district staff. */
const STAFF_LEVELS: Partial<Record<Role, number>> = { communityStaff: 1, streetStaff: 2, admin: 3 };
export const roleLevel = (role: Role): number => STAFF_LEVELS[role] ?? ((TEAM_ROLES as readonly string[]).includes(role) ? 0 : -1);

/**
 * Whether a person in `role` may be given the request on `track`. After a resident's 不满意 the
 * request stands at a higher 督办 level, and that level acts: the handler comes from it or above,
 * never again from the level whose handling the resident rejected.
 */
export function mayHandle(
  r: Pick<RequestDoc, 'reopenCount' | 'escalationLevel'>,
  role: Role,
  track: Exclude<TriageTrack, 'private'>,
): boolean {
  if (!(HANDLER_ROLES[track] as readonly string[]).includes(role)) return false;
  return r.reopenCount === 0 || roleLevel(role) >= r.escalationLevel;
}

/** The refusal for a handler who may not be given the request: after a 不满意 it names the level that must act. */
export const handlerOutOfScope = (r: Pick<RequestDoc, 'reopenCount' | 'escalationLevel'>, track: Exclude<TriageTrack, 'private'>) =>
  err('REQUEST.HANDLER_OUT_OF_SCOPE', { track, ...(r.reopenCount > 0 ? { level: r.escalationLevel } : {}) });

export type TriageInput =
  { track: 'minor' | 'major'; handler: RequestHandler; handlerRole: Role; complex: boolean } | { track: 'private'; guidance: string };

/**
 * 分流 (三事分流). 小事 and 大事 go to a handler in scope; the deadline keeps counting from
 * acceptance (marking it complex re-counts 15 working days from then). 私事 is answered with
 * guidance and waits for the resident to confirm. Re-triage while handling reassigns it.
 */
export function triageRequest(r: RequestDoc, input: TriageInput, actor: RequestActor, clock: RuleClock): Result<Change> {
  if (r.status !== 'accepted' && r.status !== 'handling') return wrongState(r);
  if (input.track === 'private') {
    const next = startResidentStep(
      bump({ ...r, status: 'guidance', track: 'private', guidance: input.guidance }, clock.now),
      GUIDANCE_CONFIRM_DAYS,
      clock.now,
    );
    delete next.handler;
    return ok({
      next,
      events: [
        { kind: 'triaged', step: 'triage', actor: actorText(actor), text: `分流为私事：${TRIAGE_LABELS.private.hint}` },
        { kind: 'guidance', step: 'feedback', actor: actorText(actor), text: input.guidance },
      ],
      stats: [],
    });
  }
  if (!mayHandle(r, input.handlerRole, input.track)) return handlerOutOfScope(r, input.track);
  let next = bump({ ...r, status: 'handling', track: input.track, handler: input.handler }, clock.now);
  if (input.complex && next.tier !== 'complex' && next.tier !== 'emergency') {
    // the 15 working days count from acceptance, like the tier they replace
    const from = new Date(r.acceptedAt ?? clock.now.toISOString());
    next = startStaffStep({ ...next, tier: 'complex' }, 'complex', clock, from);
    // a first feedback still owed is owed by the complex tier's time
    if (r.feedbackDueAt) next = withFeedbackClock(next, clock, from);
  }
  const who = `${input.handler.roleLabel} ${input.handler.name}`;
  return ok({
    next,
    events: [
      {
        kind: 'triaged',
        step: 'triage',
        actor: actorText(actor),
        text: `${r.status === 'handling' ? '改派' : '分流为'}${TRIAGE_LABELS[input.track].label}，由${who}办理${next.tier === 'complex' && r.tier !== 'complex' ? '（复杂事项，期限 15 个工作日）' : ''}`,
      },
    ],
    stats: [],
  });
}

/** 处置 / 跟踪: the handler tells the resident what is being done. */
export function addProgress(
  r: RequestDoc,
  input: { text: string; photos: string[] },
  actor: RequestActor,
  clock: RuleClock,
): Result<Change> {
  if (r.status !== 'handling') return wrongState(r);
  return ok({
    next: fedBack(bump({ ...r, progressCount: r.progressCount + 1 }, clock.now)),
    events: [
      {
        kind: 'progress',
        step: r.progressCount === 0 ? 'handle' : 'track',
        actor: actorText(actor),
        text: input.text,
        ...(input.photos.length ? { photos: input.photos } : {}),
      },
    ],
    stats: [],
  });
}

/** 反馈: the handler marks it resolved; the resident has 7 days to rate. */
export function resolveRequest(
  r: RequestDoc,
  input: { result: string; photos: string[] },
  actor: RequestActor,
  clock: RuleClock,
): Result<Change> {
  if (r.status !== 'handling') return wrongState(r);
  const next = startResidentStep(
    bump({ ...r, status: 'resolved', result: input.result, resultPhotos: input.photos, resolvedAt: clock.now.toISOString() }, clock.now),
    RATE_WITHIN_DAYS,
    clock.now,
  );
  return ok({
    next,
    events: [
      {
        kind: 'resolved',
        step: 'feedback',
        actor: actorText(actor),
        text: input.result,
        ...(input.photos.length ? { photos: input.photos } : {}),
      },
    ],
    stats: [],
  });
}

/** Closing counts once per request: the close day's 办结 and handling time, the accept day's cohort. */
function closeStats(r: RequestDoc, now: Date): StatDelta[] {
  const stats: StatDelta[] = [{ day: shanghaiDate(now), inc: { closed: 1, handlingMs: now.getTime() - new Date(r.createdAt).getTime() } }];
  if (r.acceptedAt) stats.push({ day: shanghaiDate(r.acceptedAt), inc: { closedOfAccepted: 1 } });
  return stats;
}

function close(r: RequestDoc, closure: RequestDoc['closure'] & string, now: Date): RequestDoc {
  const next = without(bump(r, now), ...STAFF_CLOCK, 'autoCloseAt', 'dueAt');
  return { ...next, status: 'closed', closure, closedAt: now.toISOString() };
}

/**
 * 评价. 满意 / 基本满意 close it; 不满意 reopens it (重办) with the 督办 level raised one step and a
 * fresh deadline of its tier. The handler whose work the resident rejected no longer holds it: the
 * request waits, accepted, for the level above to assign a handler of its own (or take it itself).
 */
export function rateRequest(
  r: RequestDoc,
  input: { solved: boolean; satisfaction: Satisfaction; comment?: string | undefined },
  actor: RequestActor,
  clock: RuleClock,
): Result<Change> {
  if (r.status !== 'resolved') return wrongState(r);
  const at = clock.now.toISOString();
  const rating = { solved: input.solved, satisfaction: input.satisfaction, ...(input.comment ? { comment: input.comment } : {}), at };
  const ratedStat: StatDelta = {
    day: shanghaiDate(clock.now),
    inc: { rated: 1, solved: input.solved ? 1 : 0, satisfied: input.satisfaction === 'unsatisfied' ? 0 : 1 },
  };
  const ratedEvent: EventDraft = {
    kind: 'rated',
    step: 'rate',
    actor: actorText(actor),
    text: `${SATISFACTION_LABELS[input.satisfaction]}，${input.solved ? '问题已解决' : '问题未解决'}${input.comment ? `：${input.comment}` : ''}`,
  };
  if (input.satisfaction === 'unsatisfied') {
    const level = Math.min(r.escalationLevel + 1, MAX_ESCALATION_LEVEL);
    const reopened = bump({ ...r, status: 'accepted', rating, reopenCount: r.reopenCount + 1, escalationLevel: level }, clock.now);
    delete reopened.resolvedAt;
    delete reopened.handler;
    return ok({
      // a new handling round: the resident hears from its handler within the feedback time again
      next: withFeedbackClock(startStaffStep(reopened, r.tier, clock), clock, clock.now),
      events: [
        ratedEvent,
        {
          kind: 'reopened',
          step: 'supervise',
          actor: '系统',
          text: `居民不满意，督办升级至${ESCALATION_LABELS[level]}，由${ESCALATION_LABELS[level]}重新安排办理`,
        },
      ],
      stats: [ratedStat],
    });
  }
  return ok({
    next: { ...close(r, 'rated', clock.now), rating },
    events: [ratedEvent],
    stats: [ratedStat, ...closeStats(r, clock.now)],
  });
}

/** The resident confirms the guidance for a 私事: it closes. */
export function confirmGuidance(r: RequestDoc, actor: RequestActor, clock: RuleClock): Result<Change> {
  if (r.status !== 'guidance') return wrongState(r);
  return ok({
    next: close(r, 'private', clock.now),
    events: [{ kind: 'confirmed', step: 'rate', actor: actorText(actor), text: '已确认收到指引' }],
    stats: closeStats(r, clock.now),
  });
}

const stepTier = (r: RequestDoc): DeadlineTier | 'accept' => (r.status === 'submitted' ? 'accept' : r.tier);
const missedWhat = (r: RequestDoc) => (r.status === 'submitted' ? '受理' : '办结');

/**
 * What the timer does to one request whose dueAt has come: close it when the resident's time is
 * up, escalate it when its staff deadline (or the previous escalation's interval) has passed, or
 * warn its holder before the deadline. Null when nothing is due (another run got there first):
 * that is what makes repeated and overlapping runs safe.
 */
export function sweepRequest(r: RequestDoc, clock: RuleClock): Change | null {
  const now = clock.now.toISOString();
  if (r.autoCloseAt && r.autoCloseAt <= now && (r.status === 'resolved' || r.status === 'guidance')) {
    const closure = r.status === 'resolved' ? 'unrated' : 'private';
    return {
      next: close(r, closure, clock.now),
      events: [
        {
          kind: 'closed',
          step: 'rate',
          actor: '系统',
          text:
            closure === 'unrated'
              ? `${RATE_WITHIN_DAYS} 天内未评价，自动办结（不计为满意）`
              : `${GUIDANCE_CONFIRM_DAYS} 天内未回复，私事指引自动办结`,
        },
      ],
      stats: closeStats(r, clock.now),
    };
  }
  if (!isStaffHeld(r.status)) return null;
  if (r.escalateAt && r.escalateAt <= now) {
    // a first feedback still owed is part of this miss: one 督办, not two
    if (r.escalationLevel >= MAX_ESCALATION_LEVEL) {
      // at the top of the grid there is no one left to escalate to: it stays overdue and visible
      return { next: withDue(without(bump(r, clock.now), 'escalateAt', 'warnAt', ...FEEDBACK_CLOCK)), events: [], stats: [] };
    }
    const level = r.escalationLevel + 1;
    const again = addSpan(
      clock.now,
      r.escalateEvery?.[stepTier(r)] ?? ESCALATE_EVERY[stepTier(r)],
      calendarWithin(clock.calendar, r.placePath),
    );
    const next = withDue({
      ...without(bump(r, clock.now), 'warnAt', ...FEEDBACK_CLOCK),
      escalationLevel: level,
      escalateAt: again.at.toISOString(),
    });
    return {
      next,
      events: [
        { kind: 'escalated', step: 'supervise', actor: '系统', text: `超过期限未${missedWhat(r)}，督办升级至${ESCALATION_LABELS[level]}` },
      ],
      stats: [],
    };
  }
  if (r.feedbackDueAt && r.feedbackDueAt <= now) {
    // 首次反馈 missed: 督办 once, one level up; the handling deadline still escalates when it passes
    const rest = without(bump(r, clock.now), ...FEEDBACK_CLOCK);
    if (r.escalationLevel >= MAX_ESCALATION_LEVEL) return { next: withDue(rest), events: [], stats: [] };
    const level = r.escalationLevel + 1;
    return {
      next: withDue({ ...rest, escalationLevel: level }),
      events: [{ kind: 'escalated', step: 'supervise', actor: '系统', text: `超过期限未反馈，督办升级至${ESCALATION_LABELS[level]}` }],
      stats: [],
    };
  }
  if (r.feedbackWarnAt && r.feedbackWarnAt <= now) {
    return {
      next: withDue(without(bump(r, clock.now), 'feedbackWarnAt')),
      events: [{ kind: 'warned', step: 'supervise', actor: '系统', text: '即将超过反馈时限：请尽快向居民反馈处理进展', staffOnly: true }],
      stats: [],
    };
  }
  if (r.warnAt && r.warnAt <= now) {
    return {
      next: withDue(without(bump(r, clock.now), 'warnAt')),
      events: [{ kind: 'warned', step: 'supervise', actor: '系统', text: `即将到期：请在期限内${missedWhat(r)}`, staffOnly: true }],
      stats: [],
    };
  }
  return null;
}

/**
 * After the working-day calendar changed (a year's schedule entered, a local closure): the open
 * step's deadline counted again from when the step started, and a timeline line saying so. Null
 * when the step runs on clock hours or the deadline stays where it was.
 */
export function recountDeadline(r: RequestDoc, clock: RuleClock): Change | null {
  if (!isStaffHeld(r.status) || !r.deadlineAt || !r.stepStartedAt) return null;
  const tier = stepTier(r);
  const span = stepSpan(r, tier);
  const from = new Date(r.stepStartedAt);
  let next: RequestDoc = { ...r };
  let changed = false;
  let moved = '';
  const deadline = 'hours' in span ? null : addSpan(from, span, calendarWithin(clock.calendar, r.placePath));
  if (deadline && (deadline.at.toISOString() !== r.deadlineAt || !!deadline.estimated !== !!r.deadlineEstimated)) {
    const at = deadline.at.toISOString();
    changed = true;
    next.deadlineAt = at;
    if (deadline.estimated) next.deadlineEstimated = true;
    else delete next.deadlineEstimated;
    if (r.warnAt) next.warnAt = new Date(Math.max(clock.now.getTime(), warnAtOf(r, tier, from, deadline.at).getTime())).toISOString();
    // the first escalation stands at the deadline; a later one at its interval
    if (r.escalateAt === r.deadlineAt) next.escalateAt = at;
    if (at !== r.deadlineAt) moved = `，期限由 ${deadlineText(r.deadlineAt)} 调整为 ${deadlineText(at)}`;
  }
  // a first feedback still owed, on working days, is counted again too (a warning already sent stays sent)
  if (r.feedbackDueAt && !('hours' in feedbackSpan(r, r.tier))) {
    const recounted = withFeedbackClock(next, clock, from);
    if (recounted.feedbackDueAt !== r.feedbackDueAt) {
      changed = true;
      next = recounted;
      if (!r.feedbackWarnAt) delete next.feedbackWarnAt;
      if (next.feedbackDueAt) moved += `，首次反馈期限调整为 ${deadlineText(next.feedbackDueAt)}`;
    }
  }
  if (!changed) return null;
  return {
    next: withDue(bump(next, clock.now)),
    events: [{ kind: 'rescheduled', step: 'supervise', actor: '系统', text: `节假日安排有调整${moved || '，期限不变'}` }],
    stats: [],
  };
}

export type MergeChange = { source: Change; target: Change };

/**
 * Staff merge a duplicate into the request that remains: the duplicate ends as merged, its reporter
 * and followers follow the one that remains. A merged duplicate that had been accepted no longer
 * counts as accepted, so it does not pull down 办结率 for a request that will never close.
 */
export function mergeRequests(source: RequestDoc, target: RequestDoc, actor: RequestActor, clock: RuleClock): Result<MergeChange> {
  if (source._id === target._id || source.compoundId !== target.compoundId) return err('REQUEST.MERGE_INVALID');
  if (!isOpen(source.status)) return wrongState(source);
  if (!isOpen(target.status)) return err('REQUEST.MERGE_INVALID', { target: target.status });
  const stats: StatDelta[] = [{ day: shanghaiDate(clock.now), inc: { merged: 1 } }];
  if (source.acceptedAt)
    stats.push({ day: shanghaiDate(source.acceptedAt), inc: { accepted: -1, acceptedOnTime: source.acceptedOnTime ? -1 : 0 } });
  const merged = without(bump(source, clock.now), ...STAFF_CLOCK, 'autoCloseAt', 'dueAt');
  return ok({
    source: {
      next: { ...merged, status: 'merged', mergedInto: target._id, closedAt: clock.now.toISOString() },
      events: [{ kind: 'merged', step: 'triage', actor: actorText(actor), text: '与另一件相同的诉求合并办理，请在那件诉求里查看进展' }],
      stats,
    },
    target: {
      next: bump({ ...target, followerCount: target.followerCount + 1 + source.followerCount }, clock.now),
      events: [{ kind: 'absorbed', step: 'triage', actor: actorText(actor), text: '合并了一件相同的诉求，反映人一并跟进' }],
      stats: [],
    },
  });
}

/** The step a request is at now, for the eight-step progress bar. */
export function currentStep(r: Pick<RequestDoc, 'status' | 'progressCount'>): RequestStep | 'done' {
  switch (r.status) {
    case 'submitted':
      return 'accept';
    case 'accepted':
      return 'triage';
    case 'handling':
      return r.progressCount > 0 ? 'track' : 'handle';
    case 'guidance':
    case 'resolved':
      return 'rate';
    default:
      return 'done';
  }
}

/** Who holds it now, in words a resident understands. */
export function holderText(r: RequestDoc): string {
  const level = ESCALATION_LABELS[r.escalationLevel] ?? '';
  switch (r.status) {
    case 'submitted':
      return r.escalationLevel > 0 ? `已督办至${level}，等待受理` : `等待${r.compoundName}三长五员受理`;
    case 'accepted':
      if (r.reopenCount > 0) return `居民不满意，已督办至${level}，等待${level}安排办理`;
      return `${r.acceptedBy ? actorText(r.acceptedBy) : ''} 已受理，正在分流`.trim();
    case 'handling':
      return r.handler ? `${r.handler.roleLabel} ${r.handler.name} 办理中` : '办理中';
    case 'guidance':
      return '已答复指引，等待居民确认';
    case 'resolved':
      return '已办理，等待居民评价';
    case 'closed':
      return '已办结';
    case 'merged':
      return '已与相同诉求合并';
  }
}

/**
 * The 督办 level a place answers for (社区 1, 街道 2, 区 3): the staff of that place are told when a
 * request is escalated to it, and it stands first in their 待办. Null below (a compound's own
 * requests are not 督办) and for places off the grid's levels.
 */
export function escalationLevelOf(kind: PlaceKind | 'department' | 'workGroup'): number | null {
  const level = (ESCALATION_LEVELS as readonly string[]).indexOf(kind);
  return level > 0 ? level : null;
}

/** Where the person answers for 督办: the place of each staff grant, with its level. */
export function escalationPosts(grants: readonly Grant[]): { placeId: string; level: number }[] {
  const posts = new Map<string, number>();
  for (const g of grants) {
    if (!(STAFF_ROLES as readonly Role[]).includes(g.role)) continue;
    const level = escalationLevelOf(ROLE_SCOPE_KIND[g.role]);
    if (level !== null) posts.set(g.placeId, level);
  }
  return [...posts].map(([placeId, level]) => ({ placeId, level }));
}
