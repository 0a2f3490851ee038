import { createHash } from 'node:crypto';
import {
  DEFAULT_PARTY_ITEMS,
  err,
  foldLedger,
  hasStaffScope,
  maskPhone,
  monthlyBoard,
  ok,
  reversalOf,
  reversalRefusal,
  reversalId,
  roundPoints,
  shanghaiDate,
  type Certificate,
  type Entry,
  type Lead,
  type PartyItem,
  type Place,
  type Result,
  type SettingsDoc,
  type VolunteerSettingsInput,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import type { Loader, Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { firstAnswer } from '../idempotency';
import { appendEntry, dayAndMonth, entriesOf, monthEntries, recorderOf, statement } from './ledger-writer';
import { communityOfGrant, settingsOf, type CommunityWithSettings } from './volunteer-policy';

/** Where the caller stands, for the entries on 我的. */
export async function volunteerMe(ctx: Ctx) {
  const openid = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const grants = ctx.caller.grants;
  const own = grants.find((g) => g.role === 'resident') ?? grants.find((g) => g.role !== 'streetStaff' && g.role !== 'admin');
  const communityId = own ? communityOfGrant(own) : null;
  const place = communityId ? await store.get(COLLECTIONS.places, communityId) : null;
  const totals = place ? foldLedger(await entriesOf(store, 'volunteer', place._id, openid)) : null;
  const upcoming = await store.count(COLLECTIONS.volSignups, { openid, startAt: { gte: clock.now().toISOString() } });
  const manageIds = new Set(grants.filter((g) => g.role === 'communityStaff').map((g) => g.placeId));
  for (const g of grants.filter((g) => g.role === 'streetStaff'))
    for (const c of await store.find(COLLECTIONS.places, { where: { parentId: g.placeId }, orderBy: [['sort', 'asc']], limit: 100 }))
      manageIds.add(c._id);
  const managed = await store.getMany(COLLECTIONS.places, [...manageIds]);
  const memberships = await store.find(COLLECTIONS.partyMembers, { where: { openid }, orderBy: [['openid', 'asc']], limit: 20 });
  const memberPlaces = await store.getMany(
    COLLECTIONS.places,
    memberships.map((m) => m.communityId),
  );
  return ok({
    community: place ? { id: place._id, name: place.name } : null,
    balance: totals?.balance ?? 0,
    hours: totals?.hours ?? 0,
    upcoming,
    manages: managed.map((p) => ({ id: p._id, name: p.name })),
    partyMemberOf: memberPlaces.map((p) => ({ id: p._id, name: p.name })),
  });
}

export async function myPoints(ctx: Ctx, input: { communityId: string }) {
  return ok(await statement(ctx.ports.store, 'volunteer', input.communityId, callerOpenid(ctx)));
}

/**
 * 志愿服务记录证明, from the records alone (真实、准确、完整): the volunteer, hours by activity with
 * who recorded each (谁记录谁证明), the community that issues it, free of charge (无偿). Its number
 * is a digest of the records, so the same records always print the same number and a changed record
 * a new one.
 */
export async function certificate(ctx: Ctx, _input: { communityId: string }, community: Place): Promise<Result<Certificate>> {
  const openid = callerOpenid(ctx);
  const entries = await entriesOf(ctx.ports.store, 'volunteer', community._id, openid);
  const byActivity = new Map<string, Certificate['activities'][number]>();
  for (const e of entries) {
    if (!e.activityId || (e.kind !== 'grant' && e.kind !== 'reversal')) continue;
    const row = byActivity.get(e.activityId) ?? {
      activityId: e.activityId,
      title: e.activityTitle ?? '',
      date: e.activityDate ?? e.day,
      location: e.activityLocation ?? '',
      hours: 0,
      recordedBy: e.recordedBy.name,
    };
    row.hours = roundPoints(row.hours + e.hours);
    byActivity.set(e.activityId, row);
  }
  const activities = [...byActivity.values()].filter((a) => a.hours > 0).sort((a, b) => a.date.localeCompare(b.date));
  const digest = createHash('sha256')
    .update(JSON.stringify([community._id, openid, activities.map((a) => [a.activityId, a.hours])]))
    .digest('hex')
    .slice(0, 10)
    .toUpperCase();
  const user = ctx.caller.user;
  return ok({
    number: `ZYFW-${digest}`,
    volunteerName: user?.name ?? '志愿者',
    phoneMasked: user?.phone ? maskPhone(user.phone) : null,
    issuer: community.fullName,
    issuedAt: ctx.ports.clock.now().toISOString(),
    totalHours: roundPoints(activities.reduce((n, a) => n + a.hours, 0)),
    activities,
  });
}

/** 公示: the month's board, from the month's entries. */
export async function publicBoard(ctx: Ctx, input: { communityId: string; month: string }, community: Place) {
  const rows = monthlyBoard(await monthEntries(ctx.ports.store, 'volunteer', community._id, input.month));
  return ok({ communityName: community.name, month: input.month, rows, totalHours: roundPoints(rows.reduce((n, r) => n + r.hours, 0)) });
}

export async function personLedger(ctx: Ctx, input: { communityId: string; openid: string }) {
  const user = await ctx.ports.store.get(COLLECTIONS.users, input.openid);
  if (!user) return err('VOLUNTEER.PERSON_NOT_FOUND');
  return ok({ name: user.name, ...(await statement(ctx.ports.store, 'volunteer', input.communityId, input.openid)) });
}

/** A correction by hand: a new entry with its reason, under the staff member's key. */
export async function correctPoints(
  ctx: Ctx,
  input: { communityId: string; openid: string; points: number; reason: string; key: string },
  community: Place,
) {
  const staff = callerOpenid(ctx);
  const { store, clock } = ctx.ports;
  const person = await store.get(COLLECTIONS.users, input.openid);
  if (!person) return err('VOLUNTEER.PERSON_NOT_FOUND');
  const id = `volunteer:correction:${input.key}`;
  const replay = { collection: 'vol_entries', id, ownerOf: (e: Entry) => e.recordedBy.openid, answer: () => null } as const;
  const earlier = await firstAnswer(store, staff, replay);
  if (earlier && !earlier.ok) return earlier;
  if (!earlier) {
    const now = clock.now();
    await store.transaction((tx) =>
      appendEntry(tx, {
        _id: id,
        ledger: 'volunteer',
        communityId: community._id,
        openid: person._id,
        name: person.name,
        kind: 'correction',
        points: roundPoints(input.points),
        hours: 0,
        reason: input.reason,
        recordedBy: recorderOf(ctx.caller, '社区工作人员'),
        at: now.toISOString(),
        ...dayAndMonth(now),
      }),
    );
  }
  return ok({ totals: foldLedger(await entriesOf(store, 'volunteer', community._id, person._id)) });
}

/** An entry and its community, for the staff rule. */
export interface LoadedEntry {
  entry: Entry;
  community: Place | null;
}
const entryOf: Loader<{ entryId: string }, LoadedEntry> = async (ctx, input) => {
  const entry = await ctx.ports.store.get(COLLECTIONS.volEntries, input.entryId);
  if (!entry) return err('VOLUNTEER.ENTRY_NOT_FOUND');
  return ok({ entry, community: await ctx.ports.store.get(COLLECTIONS.places, entry.communityId) });
};
export const entryStaff: Policy<{ entryId: string }, LoadedEntry> = {
  load: entryOf,
  allow: (caller, { community }) => community !== null && hasStaffScope(caller.grants, community),
};

/** Undoes one entry by a reversing entry (its id is fixed by the one it undoes: reversed once at most). */
export async function reverseEntry(ctx: Ctx, input: { entryId: string; reason: string }, { entry }: LoadedEntry) {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const { day, month } = dayAndMonth(now);
  const refused = reversalRefusal(entry, Boolean(await store.get(COLLECTIONS.volEntries, reversalId(entry._id))));
  if (refused) return err('VOLUNTEER.NOT_REVERSIBLE', { reason: refused });
  await store.transaction(async (tx) => {
    await appendEntry(tx, reversalOf(entry, recorderOf(ctx.caller, '社区工作人员'), input.reason, now, day, month));
    // a grant taken back frees its share of the caps
    if (entry.kind === 'grant' && entry.ledger === 'volunteer') {
      const cid = `${entry.communityId}:${entry.openid}:${entry.month}`;
      const usage = await tx.get(COLLECTIONS.volCaps, cid);
      if (usage)
        await tx.put(COLLECTIONS.volCaps, {
          ...usage,
          month: roundPoints(usage.month - entry.points),
          days: { ...usage.days, [entry.day]: roundPoints((usage.days[entry.day] ?? 0) - entry.points) },
        });
    }
  });
  return ok({ totals: foldLedger(await entriesOf(store, entry.ledger, entry.communityId, entry.openid)) });
}

/** The community's bound residents, for staff to pick a lead, a party member or a person's ledger. */
export async function people(ctx: Ctx, input: { communityId: string }) {
  const bindings = await findAll(ctx.ports.store, COLLECTIONS.bindings, { communityId: input.communityId, status: 'approved' }, [
    ['communityId', 'asc'],
    ['status', 'asc'],
    ['createdAt', 'asc'],
  ]);
  const seen = new Set<string>();
  return ok({
    people: bindings
      .filter((b) => !seen.has(b.openid) && seen.add(b.openid))
      .map((b) => ({ openid: b.openid, name: b.name, phone: b.phone, householdName: b.householdName })),
  });
}

const settingsView = (s: SettingsDoc) => ({
  capPerDay: s.capPerDay,
  capPerMonth: s.capPerMonth,
  householdsPerMember: s.householdsPerMember,
  visitEveryDays: s.visitEveryDays,
  // settings saved before points could expire have no life: they never expire
  pointsLifeMonths: s.pointsLifeMonths ?? null,
  leads: s.leads,
  partyItems: s.partyItems,
  version: s.version,
});

export async function getSettings(ctx: Ctx, input: { communityId: string }) {
  return ok(settingsView(await settingsOf(ctx.ports.store, input.communityId)));
}

/** Saves the community's settings; a stale version (someone saved since) is refused. */
export async function saveSettings(
  ctx: Ctx,
  input: { communityId: string; version: number; settings: VolunteerSettingsInput; leads: Lead[]; partyItems?: PartyItem[] | undefined },
  _loaded: unknown,
) {
  const { store, clock } = ctx.ports;
  const outcome = await store.transaction(async (tx): Promise<Result<SettingsDoc>> => {
    const current = (await tx.get(COLLECTIONS.volSettings, input.communityId)) ?? (await settingsOf(store, input.communityId));
    if (current.version !== input.version) return err('COMMON.CONFLICT', { requestId: ctx.requestId });
    const next: SettingsDoc = {
      ...current,
      ...input.settings,
      leads: input.leads,
      partyItems: input.partyItems ?? current.partyItems ?? DEFAULT_PARTY_ITEMS,
      version: current.version + 1,
      updatedAt: clock.now().toISOString(),
    };
    // points expiry: due at once when a life is set (a fresh pass), never while points do not expire
    const { expiryDueAt: _due, expiryCursor: _cursor, ...rest } = next;
    await tx.put(COLLECTIONS.volSettings, next.pointsLifeMonths ? { ...rest, expiryDueAt: next.updatedAt, expiryCursor: '' } : rest);
    return ok(rest);
  });
  return outcome.ok ? ok(settingsView(outcome.data)) : outcome;
}

export type { CommunityWithSettings };
export const todayOf = (ctx: Ctx) => shanghaiDate(ctx.ports.clock.now());
