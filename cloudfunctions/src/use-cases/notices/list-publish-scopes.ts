import { canTarget, kindDepth, ok, publisherGrants, STAFF_ROLES, type Place, type PlaceKind, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { childrenOf } from './collect-audience';

type ScopePlace = { _id: string; kind: PlaceKind; name: string; fullName: string; parentId: string | null };

/**
 * The places the caller may publish to, in tree order (each place followed by what is inside it).
 * Street and district staff are offered down to compounds, everyone else down to buildings: a
 * street's hundreds of buildings would be a list nobody can use.
 */
export async function listPublishScopes(ctx: Ctx): Promise<Result<{ places: ScopePlace[]; canSunshine: boolean }>> {
  const { store } = ctx.ports;
  const grants = publisherGrants(ctx.caller.grants);
  const roots = await store.getMany(
    COLLECTIONS.places,
    grants.map((g) => g.placeId),
  );
  const out: ScopePlace[] = [];
  const seen = new Set<string>();
  for (const root of roots.sort((a, b) => a.path.length - b.path.length)) {
    const lowest = kindDepth(root.kind) <= kindDepth('street') ? kindDepth('compound') : kindDepth('building');
    const children = new Map<string, Place[]>();
    let frontier = [root];
    while (frontier.length > 0) {
      const next = (
        await childrenOf(
          store,
          frontier.map((p) => p._id),
        )
      ).filter((c) => kindDepth(c.kind) <= lowest);
      for (const c of next) children.set(c.parentId!, [...(children.get(c.parentId!) ?? []), c]);
      frontier = next.filter((c) => kindDepth(c.kind) < lowest);
    }
    const visit = (p: Place) => {
      if (seen.has(p._id)) return;
      seen.add(p._id);
      if (canTarget(ctx.caller.grants, p)) out.push({ _id: p._id, kind: p.kind, name: p.name, fullName: p.fullName, parentId: p.parentId });
      for (const c of children.get(p._id) ?? []) visit(c);
    };
    visit(root);
  }
  const canSunshine = ctx.caller.grants.some((g) => (STAFF_ROLES as readonly string[]).includes(g.role));
  return ok({ places: out, canSunshine });
}
