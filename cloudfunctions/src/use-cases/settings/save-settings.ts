import { err, ok, shanghaiDate, type Place, type Result, type RuleSettings, type SettingsView } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { callerName } from '../calendar/calendar-view';
import { settingsView } from './settings-view';

/**
 * A new version of the district's rules, in force from its date for requests filed from then:
 * requests filed earlier keep the rules they were filed under (they carry them). The version's id
 * is its date, so saving the same form again writes the same document.
 */
export async function saveSettings(
  ctx: Ctx,
  input: { districtId: string; effectiveFrom: string; settings: RuleSettings },
  district: Place,
): Promise<Result<SettingsView>> {
  const { store, clock } = ctx.ports;
  const today = shanghaiDate(clock.now());
  if (input.effectiveFrom < today) return err('SETTINGS.EFFECTIVE_IN_PAST', { today });
  await store.put('rule_settings', {
    _id: `rs-${district._id}-${input.effectiveFrom}`,
    districtId: district._id,
    effectiveFrom: input.effectiveFrom,
    settings: input.settings,
    savedBy: { openid: callerOpenid(ctx), name: callerName(ctx) },
    savedAt: clock.now().toISOString(),
  });
  return ok(await settingsView(ctx, district._id));
}
