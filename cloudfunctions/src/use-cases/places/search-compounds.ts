import { ok, type Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

const MAX_HITS = 50;

/** Compounds whose name or full name contains the query; an empty query lists the first ones by name. */
export async function searchCompounds(ctx: Ctx, input: { q: string }) {
  const compounds = await findAll<Place>(ctx.ports.store, COLLECTIONS.places, { kind: 'compound' }, [['name', 'asc']]);
  const q = input.q.trim();
  const hits = compounds.filter((c) => !q || c.name.includes(q) || c.fullName.includes(q)).slice(0, MAX_HITS);
  return ok({
    compounds: hits.map((c) => ({ _id: c._id, name: c.name, fullName: c.fullName, ...(c.address ? { address: c.address } : {}) })),
  });
}
