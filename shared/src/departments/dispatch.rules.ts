import type { WorkCalendar } from '../calendar/work-calendar';
import type { Err } from '../common/result';
import { inShanghai } from '../common/time';
import { addSpan, deadlineText } from '../requests/deadline.rules';
import { actorText, fedBack, type Change } from '../requests/request.rules';
import { TIER_SPANS, type DeadlineTier, type RequestActor, type RequestDoc, type RequestStatus } from '../requests/request.schema';
import {
  DISPATCH_ESCALATE_EVERY,
  MAX_CO_HANDLERS,
  REPORT_WITHIN,
  RETURN_WITHIN_HOURS,
  type DepartmentDoc,
  type DispatchDoc,
  type DispatchLevel,
  type DispatchRole,
} from './department.schema';

const HOUR = 3_600_000;

/** Why a dispatch, a 报到 or a return is refused: codes of ERROR_CODES, with their details. */
export type DispatchRefusal =
  | { code: 'DISPATCH.NO_DEPARTMENT' }
  | { code: 'DISPATCH.TOO_MANY'; details: { max: number } }
  | { code: 'DISPATCH.LEAD_NOT_LISTED' }
  | { code: 'DISPATCH.LEAD_EXISTS'; details: { departmentName: string } }
  | { code: 'DEPARTMENT.NOT_FOUND'; details: { departmentId: string } }
  | { code: 'DISPATCH.OUT_OF_AREA'; details: { departmentName: string } }
  | { code: 'DISPATCH.ALREADY_DISPATCHED'; details: { departmentName: string } }
  | { code: 'DISPATCH.RETURNED_BEFORE'; details: { departmentName: string } }
  | { code: 'DISPATCH.NOT_DISPATCHABLE'; details: { status: RequestStatus } }
  | { code: 'DISPATCH.WRONG_STATE'; details: { status: DispatchDoc['status'] } }
  | { code: 'DISPATCH.PHOTO_REQUIRED' }
  | { code: 'DISPATCH.FINAL' }
  | { code: 'DISPATCH.RETURN_TOO_LATE'; details: { returnBy: string } };

export type Decision<T> = { ok: true; value: T } | { ok: false; refusal: DispatchRefusal };
const yes = <T>(value: T): Decision<T> => ({ ok: true, value });
const no = (refusal: DispatchRefusal): Decision<never> => ({ ok: false, refusal });

/** Statuses in which staff may dispatch a request: accepted (a patrol report is born accepted) or handling. */
export const DISPATCHABLE: readonly RequestStatus[] = ['accepted', 'handling'];

export const dispatchId = (requestId: string, departmentId: string) => `${requestId}:${departmentId}`;
/** A part still in play: not returned. */
export const isActive = (d: Pick<DispatchDoc, 'status'>) => d.status !== 'returned';

/** The department serves the place (a compound's path holds its street and community). */
export const servesPlace = (dept: Pick<DepartmentDoc, 'areaIds'>, placePath: readonly string[]) =>
  dept.areaIds.some((a) => placePath.includes(a));

export interface DispatchPlan {
  request: {
    _id: string;
    status: RequestStatus;
    tier: DeadlineTier;
    placePath: string[];
    districtId: string;
    /** The request's own deadline to resolve, when staff hold it. */
    deadlineAt?: string;
  };
  /** Every department sent to, lead included; without a lead the first to 报到 leads (首接负责). */
  departmentIds: string[];
  leadId?: string;
  /** The departments named, as read. */
  departments: readonly DepartmentDoc[];
  /** This request's parts so far. */
  existing: readonly DispatchDoc[];
  dispatcher: { actor: { openid: string; name: string; label: string }; level: DispatchLevel; placeId: string };
  note?: string;
  now: Date;
  calendar: WorkCalendar;
}

/**
 * The parts a dispatch creates, or why not. A department out of the request's area, one already
 * holding a part, or one that returned it before (only the district may send it back: its
 * decision is final) is refused. While a lead is in play the new departments join as 协办.
 */
export function planDispatch(p: DispatchPlan): Decision<DispatchDoc[]> {
  if (!DISPATCHABLE.includes(p.request.status)) return no({ code: 'DISPATCH.NOT_DISPATCHABLE', details: { status: p.request.status } });
  const ids = [...new Set(p.departmentIds)];
  if (ids.length === 0) return no({ code: 'DISPATCH.NO_DEPARTMENT' });
  if (ids.length > MAX_CO_HANDLERS + 1) return no({ code: 'DISPATCH.TOO_MANY', details: { max: MAX_CO_HANDLERS + 1 } });
  if (p.leadId !== undefined && !ids.includes(p.leadId)) return no({ code: 'DISPATCH.LEAD_NOT_LISTED' });
  const activeLead = p.existing.find((d) => d.role === 'lead' && isActive(d));
  if (activeLead && p.leadId !== undefined)
    return no({ code: 'DISPATCH.LEAD_EXISTS', details: { departmentName: activeLead.departmentName } });
  const byId = new Map(p.departments.map((d) => [d._id, d]));
  const district = p.dispatcher.level === 'district';
  for (const id of ids) {
    const dept = byId.get(id);
    if (!dept) return no({ code: 'DEPARTMENT.NOT_FOUND', details: { departmentId: id } });
    if (!servesPlace(dept, p.request.placePath)) return no({ code: 'DISPATCH.OUT_OF_AREA', details: { departmentName: dept.name } });
    const before = p.existing.find((d) => d.departmentId === id);
    if (before && isActive(before)) return no({ code: 'DISPATCH.ALREADY_DISPATCHED', details: { departmentName: dept.name } });
    if (before && !district) return no({ code: 'DISPATCH.RETURNED_BEFORE', details: { departmentName: dept.name } });
  }
  const { now, calendar } = p;
  const at = now.toISOString();
  const openOffer = p.existing.some((d) => d.role === 'open' && isActive(d));
  const roleOf = (id: string): DispatchRole => {
    if (activeLead) return 'co';
    if (p.leadId !== undefined) return id === p.leadId ? 'lead' : 'co';
    return openOffer || ids.length > 1 ? 'open' : 'lead';
  };
  const ownDeadline = p.request.deadlineAt && new Date(p.request.deadlineAt) > now ? p.request.deadlineAt : undefined;
  const resolveBy = ownDeadline ?? addSpan(now, TIER_SPANS[p.request.tier], calendar).at.toISOString();
  const reportBy = addSpan(now, REPORT_WITHIN[p.request.tier], calendar).at;
  const returnBy = new Date(Math.min(reportBy.getTime(), now.getTime() + RETURN_WITHIN_HOURS * HOUR)).toISOString();
  return yes(
    ids.map((id) => {
      const dept = byId.get(id)!;
      return {
        _id: dispatchId(p.request._id, id),
        version: (p.existing.find((d) => d.departmentId === id)?.version ?? 0) + 1,
        requestId: p.request._id,
        departmentId: id,
        departmentName: dept.name,
        departmentKind: dept.kind,
        placePath: p.request.placePath,
        districtId: p.request.districtId,
        tier: p.request.tier,
        role: roleOf(id),
        status: 'pending',
        final: district,
        ...(p.note ? { note: p.note } : {}),
        dispatchedAt: at,
        dispatchedBy: p.dispatcher.actor,
        dispatcherLevel: p.dispatcher.level,
        dispatcherPlaceId: p.dispatcher.placeId,
        reportBy: reportBy.toISOString(),
        resolveBy,
        returnBy,
        escalations: 0,
        dueAt: reportBy.toISOString(),
        month: inShanghai(now).format('YYYY-MM'),
        updatedAt: at,
      } satisfies DispatchDoc;
    }),
  );
}

/**
 * 首接负责: a department that 报到s on an open offer becomes the lead unless another did first,
 * then it joins as 协办. `lead` is the request's lead so far ('' when none); the use case writes
 * the new lead conditionally on '' so that of two accepting at once exactly one leads.
 */
export function claimLead(
  lead: string,
  part: Pick<DispatchDoc, 'role' | 'departmentId'>,
): { role: Exclude<DispatchRole, 'open'>; lead: string } {
  if (part.role === 'lead') return { role: 'lead', lead: part.departmentId };
  if (part.role === 'co') return { role: 'co', lead };
  return lead === '' || lead === part.departmentId ? { role: 'lead', lead: part.departmentId } : { role: 'co', lead };
}

/** 报到: with at least one photo taken at the spot, on time when by the deadline. */
export function arrive(
  part: DispatchDoc,
  input: { photos: readonly string[]; now: Date; role: Exclude<DispatchRole, 'open'> },
): Decision<Pick<DispatchDoc, 'status' | 'role' | 'arrivedAt' | 'arrivedOnTime' | 'arrivalPhotos' | 'dueAt'>> {
  if (part.status !== 'pending') return no({ code: 'DISPATCH.WRONG_STATE', details: { status: part.status } });
  if (input.photos.length === 0) return no({ code: 'DISPATCH.PHOTO_REQUIRED' });
  const at = input.now.toISOString();
  return yes({
    status: 'arrived',
    role: input.role,
    arrivedAt: at,
    arrivedOnTime: input.now.getTime() <= new Date(part.reportBy).getTime(),
    arrivalPhotos: [...input.photos],
    // the lead answers for the result by the request's deadline; a co-handler's part has no timer
    dueAt: input.role === 'lead' ? part.resolveBy : undefined,
  });
}

/**
 * 退单: once, before 报到, within the return window, and never a part the district decided.
 * After it the dispatcher re-dispatches or escalates to the district.
 */
export function checkReturn(part: DispatchDoc, now: Date): Decision<true> {
  if (part.status !== 'pending') return no({ code: 'DISPATCH.WRONG_STATE', details: { status: part.status } });
  if (part.final) return no({ code: 'DISPATCH.FINAL' });
  if (now.getTime() > new Date(part.returnBy).getTime())
    return no({ code: 'DISPATCH.RETURN_TOO_LATE', details: { returnBy: part.returnBy } });
  return yes(true);
}

export type DispatchSweep =
  | { kind: 'reportOverdue' | 'resolveOverdue'; escalations: number; dueAt: string }
  /** Nothing more to watch: returned, done, a co-handler that arrived, or the request resolved. */
  | { kind: 'settle' };

const SETTLED: readonly RequestStatus[] = ['resolved', 'closed', 'merged', 'guidance'];

/**
 * What the timer does with a part whose dueAt has come: 督办 an overdue 报到 (to the
 * department's head and the level that dispatched), 督办 an overdue resolution of the lead, and
 * again after each interval while it stays overdue. Deterministic in (part, now): the sweep writes
 * the answer conditionally on the version it read, so overlapping runs escalate once.
 */
export function sweepDispatch(
  part: DispatchDoc,
  ctx: { requestStatus: RequestStatus; now: Date; calendar: WorkCalendar },
): DispatchSweep | null {
  if (!part.dueAt || new Date(part.dueAt) > ctx.now) return null;
  if (part.status === 'returned' || part.status === 'done' || SETTLED.includes(ctx.requestStatus)) return { kind: 'settle' };
  const next = () => addSpan(ctx.now, DISPATCH_ESCALATE_EVERY[part.tier], ctx.calendar).at.toISOString();
  if (part.status === 'pending' && ctx.now >= new Date(part.reportBy))
    return { kind: 'reportOverdue', escalations: part.escalations + 1, dueAt: next() };
  if (part.status === 'arrived' && part.role === 'lead' && ctx.now >= new Date(part.resolveBy))
    return { kind: 'resolveOverdue', escalations: part.escalations + 1, dueAt: next() };
  if (part.status === 'arrived' && part.role !== 'lead') return { kind: 'settle' };
  return null;
}

/** Who hears of a 督办: the department's head, and the staff of the level and place that dispatched. */
export const escalationTargets = (part: Pick<DispatchDoc, 'departmentId' | 'dispatcherLevel' | 'dispatcherPlaceId'>) => ({
  departmentId: part.departmentId,
  level: part.dispatcherLevel,
  placeId: part.dispatcherPlaceId,
});

/** 吹哨: the request's own step when it is dispatched — an accepted one becomes a 大事 being handled. */
export function dispatchChange(r: RequestDoc, parts: readonly DispatchDoc[], actor: RequestActor, now: Date): Decision<Change> {
  if (!DISPATCHABLE.includes(r.status)) return no({ code: 'DISPATCH.NOT_DISPATCHABLE', details: { status: r.status } });
  const names = (role: DispatchRole) =>
    parts
      .filter((p) => p.role === role)
      .map((p) => p.departmentName)
      .join('、');
  const lead = names('lead');
  const co = names('co');
  const open = names('open');
  const first = parts[0];
  const who = [lead && `主办 ${lead}`, co && `协办 ${co}`, open && `${open}（先报到者主办）`].filter(Boolean).join('，');
  const next: RequestDoc = {
    ...r,
    status: 'handling',
    track: r.track ?? 'major',
    version: r.version + 1,
    updatedAt: now.toISOString(),
  };
  return yes({
    next,
    events: [
      {
        kind: 'dispatched',
        step: 'triage',
        actor: actorText(actor),
        text: `吹哨派单：${who}${first ? `，请于 ${deadlineText(first.reportBy)} 前报到` : ''}`,
      },
    ],
    stats: [],
  });
}

/** A department's step on the request's timeline (报到, progress, 协办 part, 退单, result), as a change. */
export function partEvent(r: RequestDoc, event: Change['events'][number], now: Date): Change {
  const next: RequestDoc = { ...r, version: r.version + 1, updatedAt: now.toISOString() };
  // a department's progress line is the resident's feedback as much as the handler's
  return { next: event.kind === 'progress' ? fedBack(next) : next, events: [event], stats: [] };
}

/** A refusal as the functions answer it (its code and details are ERROR_CODES' and ERROR_DETAILS'). */
export const refusalErr = (r: DispatchRefusal): Err => ({ ok: false, error: r });
