import { ok, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { readFeed } from './read-feed';

/** The tab badge: live notices for the household that the caller has not opened. */
export async function countUnread(ctx: Ctx): Promise<Result<{ unread: number }>> {
  const { entries } = await readFeed(ctx);
  return ok({ unread: entries.filter((e) => !e.read).length });
}
