import { attended, onBehalfLine, pointsFor, provenHours, type ActivityDoc, type RosterRow, type SignupDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

export const signupsOf = (ctx: Ctx, activityId: string) =>
  findAll(ctx.ports.store, COLLECTIONS.volSignups, { activityId }, [
    ['activityId', 'asc'],
    ['status', 'asc'],
    ['seq', 'asc'],
  ]);

export function toRow(s: SignupDoc, a: ActivityDoc, position: number | null): RosterRow {
  const hours = provenHours(s, a);
  return {
    openid: s.openid,
    name: s.name,
    phone: s.phone,
    status: s.status,
    position,
    checkInAt: s.checkInAt ?? null,
    checkOutAt: s.checkOutAt ?? null,
    method: s.method ?? null,
    hours,
    points: pointsFor(a.points, hours, attended(s)),
    ...(s.proxy ? { proxyLine: onBehalfLine(s.name, s.proxy) } : {}),
  };
}

export async function rowsOf(ctx: Ctx, a: ActivityDoc): Promise<RosterRow[]> {
  const all = (await signupsOf(ctx, a._id)).filter((s) => s.status !== 'cancelled');
  let line = 0;
  return all
    .sort((x, y) => (x.status === y.status ? x.seq - y.seq || x.name.localeCompare(y.name) : x.status === 'signedUp' ? -1 : 1))
    .map((s) => toRow(s, a, s.status === 'waiting' ? ++line : null));
}
