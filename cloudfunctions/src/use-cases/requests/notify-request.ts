import {
  CATEGORY_CONFIG,
  formatShanghai,
  MESSAGE_PAGES,
  REQUEST_STATUS_LABELS,
  TEAM_ROLES,
  type RequestDoc,
  type RequestEvent,
  type RequestEventKind,
  type Role,
  type SubscribeTemplateKey,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { enqueueQuietly, type OutgoingMessage } from '../notifications/message-outbox';
import { currentStaff, type StaffPerson } from '../place-staff';

/** Pages a message opens: residents follow their request, staff land in the workbench. */
export const residentPage = MESSAGE_PAGES.requestForResident;
export const staffPage = MESSAGE_PAGES.requestForStaff;

/** Lines the reporter and followers are told about. */
const RESIDENT_KINDS: readonly RequestEventKind[] = [
  'accepted',
  'triaged',
  'progress',
  'escalated',
  'resolved',
  'guidance',
  'reopened',
  'closed',
  'merged',
];
const LEVEL_ROLES: Record<number, { place: keyof RequestDoc; role: Role }> = {
  1: { place: 'communityId', role: 'communityStaff' },
  2: { place: 'streetId', role: 'streetStaff' },
  3: { place: 'districtId', role: 'admin' },
};

/**
 * Staff hear through their own templates (they allow them on the workbench): what is late or
 * escalated on 超时督办, the rest on 新诉求待办, so routine news cannot use up the grants a 督办 needs.
 */
const staffTemplate = (kind: RequestEventKind): SubscribeTemplateKey =>
  kind === 'warned' || kind === 'escalated' ? 'staffOverdue' : 'staffTask';

/** WeChat's `thing` fields take at most 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/** Staff rosters read once per run, so a sweep escalating many requests of one street reads each roster once. */
export type RosterCache = Map<string, Promise<StaffPerson[]>>;

function staffAt(ctx: Ctx, placeId: string, cache: RosterCache): Promise<StaffPerson[]> {
  let found = cache.get(placeId);
  if (!found) {
    found = currentStaff(ctx.ports.store, [placeId]);
    cache.set(placeId, found);
  }
  return found;
}

const responders = async (ctx: Ctx, r: RequestDoc, cache: RosterCache) =>
  (await staffAt(ctx, r.compoundId, cache)).filter((p) => (TEAM_ROLES as readonly string[]).includes(p.role)).map((p) => p.openid);

async function levelStaff(ctx: Ctx, r: RequestDoc, level: number, cache: RosterCache): Promise<string[]> {
  const at = LEVEL_ROLES[level];
  if (!at) return responders(ctx, r, cache);
  return (await staffAt(ctx, String(r[at.place]), cache)).filter((p) => p.role === at.role).map((p) => p.openid);
}

async function residents(ctx: Ctx, r: RequestDoc): Promise<string[]> {
  // most requests have no followers: skip the read (the sweep notifies thousands at a time)
  if (r.followerCount === 0) return [r.reporter.openid];
  const followers = await ctx.ports.store.find(COLLECTIONS.requestFollowers, {
    where: { requestId: r._id },
    orderBy: [['at', 'asc']],
    limit: 100,
  });
  return [r.reporter.openid, ...followers.map((f) => f.openid)];
}

/**
 * The messages telling everyone concerned about the lines a step added, one per recipient (the
 * latest line each is concerned with), with ids from the event and the person, so building them
 * again (a retried step, an overlapping sweep) queues nothing twice. Empty when the recipients
 * cannot be read: that is logged, never failing the step.
 */
export async function requestMessages(
  ctx: Ctx,
  r: RequestDoc,
  events: readonly RequestEvent[],
  cache: RosterCache = new Map(),
): Promise<OutgoingMessage[]> {
  const toResidents = new Map<string, RequestEvent>();
  const toStaff = new Map<string, RequestEvent>();
  try {
    for (const e of events) {
      if (RESIDENT_KINDS.includes(e.kind) && !e.staffOnly) for (const o of await residents(ctx, r)) toResidents.set(o, e);
      const staff: string[] = [];
      if (e.kind === 'submitted') staff.push(...(await responders(ctx, r, cache)));
      if ((e.kind === 'triaged' || e.kind === 'rated') && r.handler) staff.push(r.handler.openid);
      // reopened after 不满意: the level it reached must now assign it
      if (e.kind === 'reopened') staff.push(...(await levelStaff(ctx, r, r.escalationLevel, cache)));
      if (e.kind === 'escalated') {
        staff.push(...(await levelStaff(ctx, r, r.escalationLevel, cache)));
        if (r.handler) staff.push(r.handler.openid);
      }
      if (e.kind === 'warned') staff.push(...(r.handler ? [r.handler.openid] : await levelStaff(ctx, r, r.escalationLevel, cache)));
      for (const o of staff) toStaff.set(o, e);
    }
  } catch (e) {
    console.error('request notification: recipients not found', { requestId: r._id, error: e instanceof Error ? e.message : String(e) });
    return [];
  }
  const message = (toOpenid: string, e: RequestEvent, page: string, template: SubscribeTemplateKey): OutgoingMessage => ({
    id: `${e._id}:${toOpenid}`,
    toOpenid,
    template,
    page,
    data: {
      thing1: thing(CATEGORY_CONFIG[r.category].label + (r.emergency ? '（紧急）' : '')),
      phrase2: REQUEST_STATUS_LABELS[r.status],
      thing3: thing(e.text ?? ''),
      time4: formatShanghai(e.at),
    },
  });
  return [
    ...[...toResidents].map(([o, e]) => message(o, e, residentPage(r._id), 'requestUpdate')),
    // staff who are also the reporter get the resident's message only
    ...[...toStaff].filter(([o]) => !toResidents.has(o)).map(([o, e]) => message(o, e, staffPage(r._id), staffTemplate(e.kind))),
  ];
}

/**
 * Tells everyone concerned about the lines a step added, after the step was written, by queueing
 * the messages in the outbox (the `messages` timer sends them through the recipients' grants).
 * Best effort: a message that cannot be queued is logged and dropped, never failing the step.
 */
export async function notifyRequest(
  ctx: Ctx,
  r: RequestDoc,
  events: readonly RequestEvent[],
  cache: RosterCache = new Map(),
): Promise<void> {
  await enqueueQuietly(ctx, await requestMessages(ctx, r, events, cache), { about: r._id });
}
