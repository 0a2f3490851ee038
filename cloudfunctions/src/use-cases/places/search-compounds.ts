import { ok } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';

const MAX_HITS = 50;
/** Sorts after every character a compound name uses: `name < q + END` bounds the names that start with q. */
const END = '\uffff';

/**
 * Compounds whose name starts with the query, in name order; an empty query lists the first ones.
 * One indexed read (places_kind_name) whatever the street's size: anyone may call it, so it must
 * not read every compound each time.
 */
export async function searchCompounds(ctx: Ctx, input: { q: string }) {
  const q = input.q.trim();
  const compounds = await ctx.ports.store.find(COLLECTIONS.places, {
    where: { kind: 'compound', ...(q ? { name: { gte: q, lt: `${q}${END}` } } : {}) },
    orderBy: [['name', 'asc']],
    limit: MAX_HITS,
  });
  return ok({
    compounds: compounds.map((c) => ({ _id: c._id, name: c.name, fullName: c.fullName, ...(c.address ? { address: c.address } : {}) })),
  });
}
