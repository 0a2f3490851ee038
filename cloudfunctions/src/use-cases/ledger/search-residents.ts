import { ok, type Place, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

const MAX_HITS = 20;

type Hit = { id: string; name: string; room: string; phoneTail: string; relation: string; communityId: string };

/**
 * 代办: the compound's residents on the household ledger whose name, room or phone holds the
 * query, for staff and 三长五员 acting for someone without a phone. Only the phone's last four
 * digits are shown: enough to tell two 王秀英 apart.
 */
export async function searchResidents(
  ctx: Ctx,
  input: { compoundId: string; q: string },
  compound: Place,
): Promise<Result<{ residents: Hit[] }>> {
  const q = input.q.replace(/\s+/g, '');
  const all = await findAll(ctx.ports.store, COLLECTIONS.ledgerResidents, { compoundId: compound._id }, [['_id', 'asc']], 50_000);
  const hits = all
    .filter((r) => r.name.includes(q) || r.room.includes(q) || (q.length >= 4 && r.phone.includes(q)))
    .slice(0, MAX_HITS)
    .map((r) => ({
      id: r._id,
      name: r.name,
      room: r.room,
      phoneTail: r.phone.slice(-4),
      relation: r.relation,
      communityId: r.communityId,
    }));
  return ok({ residents: hits });
}
