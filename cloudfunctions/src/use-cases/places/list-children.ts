import { err, ok, type Place } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { findAll } from '../find-all';

const summary = (p: Place) => ({ _id: p._id, kind: p.kind, name: p.name, fullName: p.fullName, parentId: p.parentId });

export async function listChildren(ctx: Ctx, input: { parentId: string }) {
  const parent = await ctx.ports.store.get(COLLECTIONS.places, input.parentId);
  if (!parent) return err('PLACE.NOT_FOUND', { placeId: input.parentId });
  const children = await findAll(ctx.ports.store, COLLECTIONS.places, { parentId: parent._id }, [['sort', 'asc']]);
  return ok({ parent: summary(parent), children: children.map(summary) });
}
