import { groupDoorList, ok, splitByPartyMember, type DoorList, type Result, type TeamMember } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';
import { toNoticeView } from './notice-records';
import type { NoticeDoc } from '../../ports/documents';

/**
 * 敲门清单: the households nobody has opened the notice in (including those where nobody uses the
 * mini-program), grouped by building and unit, each with the building and unit heads from the
 * compound's team who can knock, and split by 联户党员 (十户联保: each household's assignment has
 * the household's id). Served by the (noticeId, read, sortKey) index.
 */
export async function getDoorList(ctx: Ctx, input: { noticeId: string; limit: number }, notice: NoticeDoc): Promise<Result<DoorList>> {
  const { store, clock } = ctx.ports;
  const now = clock.now();
  const unread = await findAll(
    store,
    COLLECTIONS.noticeHouseholds,
    { noticeId: notice._id, read: false },
    [
      ['noticeId', 'asc'],
      ['read', 'asc'],
      ['sortKey', 'asc'],
    ],
    input.limit,
  );
  const shown = unread.slice(0, input.limit);
  const compoundIds = [...new Set(shown.map((h) => h.compoundId))];
  const teams = new Map<string, TeamMember[]>((await store.getMany(COLLECTIONS.teams, compoundIds)).map((t) => [t.compoundId, t.members]));
  const assignments = await store.getMany(
    COLLECTIONS.lianbaoAssignments,
    shown.map((h) => h.householdId),
  );
  const total = Math.max(notice.stats.households - notice.stats.householdsRead, shown.length);
  return ok({
    notice: toNoticeView(notice, now, ctx.caller.openid),
    generatedAt: now.toISOString(),
    total,
    truncated: total > shown.length,
    groups: groupDoorList(shown, teams),
    ...splitByPartyMember(
      shown.map((h) => ({ householdId: h.householdId, name: h.householdName })),
      assignments,
    ),
  });
}
