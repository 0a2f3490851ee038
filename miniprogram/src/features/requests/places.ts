import { kindDepth, ROLE_LABELS, STAFF_ROLES, TEAM_ROLES, type Grant } from '@linli/shared';

/** The compound a resident lives in, read from their household grant (its path runs district → unit). */
export function residentCompound(grants: readonly Grant[]): string | null {
  const home = grants.find((g) => g.role === 'resident');
  return home?.placePath[kindDepth('compound')] ?? null;
}

export interface WorkPlace {
  id: string;
  name: string;
  role: string;
}

/** Where someone works on requests: the compounds of their 三长五员 posts and the places of their staff grants. */
export function workPlaces(grants: readonly Grant[]): WorkPlace[] {
  const out: WorkPlace[] = [];
  for (const g of grants)
    if ((TEAM_ROLES as readonly string[]).includes(g.role) || (STAFF_ROLES as readonly string[]).includes(g.role))
      if (!out.some((p) => p.id === g.placeId)) out.push({ id: g.placeId, name: g.placeName, role: ROLE_LABELS[g.role] });
  return out;
}
