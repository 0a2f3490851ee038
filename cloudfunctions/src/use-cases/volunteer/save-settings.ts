import {
  DEFAULT_PARTY_ITEMS,
  err,
  ok,
  type Lead,
  type PartyItem,
  type Result,
  type SettingsDoc,
  type VolunteerSettingsInput,
} from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { settingsOf } from './volunteer-policy';
import { settingsView } from './points-records';

/** Saves the community's settings; a stale version (someone saved since) is refused. */
export async function saveSettings(
  ctx: Ctx,
  input: { communityId: string; version: number; settings: VolunteerSettingsInput; leads: Lead[]; partyItems?: PartyItem[] | undefined },
  _loaded: unknown,
) {
  const { store, clock } = ctx.ports;
  const outcome = await store.transaction(async (tx): Promise<Result<SettingsDoc>> => {
    const current = (await tx.get(COLLECTIONS.volSettings, input.communityId)) ?? (await settingsOf(store, input.communityId));
    if (current.version !== input.version) return err('COMMON.CONFLICT', { requestId: ctx.requestId });
    const next: SettingsDoc = {
      ...current,
      ...input.settings,
      leads: input.leads,
      partyItems: input.partyItems ?? current.partyItems ?? DEFAULT_PARTY_ITEMS,
      version: current.version + 1,
      updatedAt: clock.now().toISOString(),
    };
    // points expiry: due at once when a life is set (a fresh pass), never while points do not expire
    const { expiryDueAt: _due, expiryCursor: _cursor, ...rest } = next;
    await tx.put(COLLECTIONS.volSettings, next.pointsLifeMonths ? { ...rest, expiryDueAt: next.updatedAt, expiryCursor: '' } : rest);
    return ok(rest);
  });
  return outcome.ok ? ok(settingsView(outcome.data)) : outcome;
}
