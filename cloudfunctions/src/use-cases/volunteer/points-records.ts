import { err, hasStaffScope, ok, shanghaiDate, type Entry, type Place, type SettingsDoc } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import type { Loader, Policy } from '../../platform/policy';
import { COLLECTIONS } from '../../ports/collections';
import { type CommunityWithSettings } from './volunteer-policy';

/** An entry and its community, for the staff rule. */
export interface LoadedEntry {
  entry: Entry;
  community: Place | null;
}
export const entryOf: Loader<{ entryId: string }, LoadedEntry> = async (ctx, input) => {
  const entry = await ctx.ports.store.get(COLLECTIONS.volEntries, input.entryId);
  if (!entry) return err('VOLUNTEER.ENTRY_NOT_FOUND');
  return ok({ entry, community: await ctx.ports.store.get(COLLECTIONS.places, entry.communityId) });
};
export const entryStaff: Policy<{ entryId: string }, LoadedEntry> = {
  load: entryOf,
  allow: (caller, { community }) => community !== null && hasStaffScope(caller.grants, community),
};

export const settingsView = (s: SettingsDoc) => ({
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

export type { CommunityWithSettings };
export const todayOf = (ctx: Ctx) => shanghaiDate(ctx.ports.clock.now());
