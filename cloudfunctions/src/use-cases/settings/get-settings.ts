import { ok, type Result, type SettingsView } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { settingsView } from './settings-view';

/** The district's rules, for the admin who sets them and the staff who work by them. */
export async function getSettings(ctx: Ctx, input: { districtId: string }): Promise<Result<SettingsView>> {
  return ok(await settingsView(ctx, input.districtId));
}
