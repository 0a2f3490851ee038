import { ok } from '@linli/shared';
import { type Ctx } from '../../platform/context';
import { settingsOf } from './volunteer-policy';
import { settingsView } from './points-records';

export async function getSettings(ctx: Ctx, input: { communityId: string }) {
  return ok(settingsView(await settingsOf(ctx.ports.store, input.communityId)));
}
