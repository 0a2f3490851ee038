import { err, ok, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { sendImageChecks } from '../media-checks/media-checks';

type Field = 'title' | 'body' | 'comment' | 'minutes';

/**
 * WeChat's content check on what residents publish in the 议事厅, before anything is stored: a
 * refused text leaves no trace. Photos go to the image check; one refused at once refuses the whole.
 */
export async function checkPublic(
  ctx: Ctx,
  openid: string,
  texts: Partial<Record<Field, string>>,
  photos: readonly string[] = [],
): Promise<Result<{ held: string[] }>> {
  for (const [field, text] of Object.entries(texts) as [Field, string][]) {
    if (!text) continue;
    const verdict = await ctx.ports.contentCheck.checkText(text, openid);
    if (!verdict.pass) return err('DELIB.CONTENT_REJECTED', { field });
  }
  const checked = await sendImageChecks(ctx.ports.contentCheck, photos, openid);
  if ('rejected' in checked) return err('DELIB.CONTENT_REJECTED', { field: 'body' });
  return ok({ held: checked.pending.map((p) => p.fileId) });
}
