import { err, ok } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { householdDocId } from '../notices/notice-records';
import { myAssignments } from './lianbao-records';

/** 敲门清单 for one 联户党员: only their households that have not read the notice. */
export async function myDoorList(ctx: Ctx, input: { noticeId: string }) {
  const { store } = ctx.ports;
  const notice = await store.get(COLLECTIONS.notices, input.noticeId);
  if (!notice) return err('NOTICE.NOT_FOUND');
  const assignments = await myAssignments(ctx, callerOpenid(ctx));
  if (assignments.length === 0) return err('LIANBAO.NOT_PARTY_MEMBER');
  const byId = new Map(assignments.map((a) => [a.householdId, a]));
  const rows = await store.getMany(
    COLLECTIONS.noticeHouseholds,
    assignments.map((a) => householdDocId(notice._id, a.householdId)),
  );
  return ok({
    title: notice.title,
    households: rows
      .filter((r) => !r.read)
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey))
      .map((r) => ({
        householdId: r.householdId,
        householdName: byId.get(r.householdId)?.householdName ?? r.householdName,
        compoundName: r.compoundName,
      })),
  });
}
