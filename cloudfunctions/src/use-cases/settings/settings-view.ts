import { completeSettings, DEFAULT_RULE_SETTINGS, settingsInForce, shanghaiDate, type SettingsView } from '@linli/shared';
import type { Ctx } from '../../platform/context';

/** A district's rules: in force today, the next version waiting for its date, the history. */
export async function settingsView(ctx: Ctx, districtId: string): Promise<SettingsView> {
  const today = shanghaiDate(ctx.ports.clock.now());
  const versions = await ctx.ports.store.find('rule_settings', { where: { districtId }, orderBy: [['effectiveFrom', 'desc']], limit: 100 });
  const inForceDoc = versions.find((v) => v.effectiveFrom <= today) ?? null;
  const upcoming = versions.find((v) => v.effectiveFrom > today) ?? null;
  return {
    districtId,
    today,
    inForce: { effectiveFrom: inForceDoc?.effectiveFrom ?? null, settings: settingsInForce(versions, today) },
    upcoming: upcoming
      ? {
          effectiveFrom: upcoming.effectiveFrom,
          savedBy: upcoming.savedBy,
          savedAt: upcoming.savedAt,
          settings: completeSettings(upcoming.settings),
        }
      : null,
    versions: versions.map((v) => ({ effectiveFrom: v.effectiveFrom, savedBy: v.savedBy, savedAt: v.savedAt })),
    defaults: DEFAULT_RULE_SETTINGS,
  };
}
