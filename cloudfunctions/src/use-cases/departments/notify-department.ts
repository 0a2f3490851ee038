import {
  CATEGORY_CONFIG,
  formatShanghai,
  MESSAGE_PAGES,
  type DispatchDoc,
  type RequestDoc,
  type SubscribeTemplateKey,
} from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { enqueueQuietly, type OutgoingMessage } from '../notifications/message-outbox';
import { currentStaff } from '../place-staff';

const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text);

/**
 * Tells a department's people (or only its head) about its part, and optionally the staff of the
 * level that dispatched: on the staff templates (新诉求待办 for a new part, 超时督办 for a 督办).
 * Ids derive from what happened and the person, so a repeat queues nothing twice. Best effort.
 */
export async function notifyDepartment(
  ctx: Ctx,
  part: DispatchDoc,
  r: RequestDoc,
  what: { id: string; text: string; template: SubscribeTemplateKey; headsOnly?: boolean; alsoDispatcher?: boolean },
): Promise<void> {
  try {
    const people = (await currentStaff(ctx.ports.store, [part.departmentId])).filter((p) => !what.headsOnly || p.role === 'departmentHead');
    const dispatcher = what.alsoDispatcher
      ? (await currentStaff(ctx.ports.store, [part.dispatcherPlaceId])).filter(
          (p) => p.role === 'communityStaff' || p.role === 'streetStaff' || p.role === 'admin',
        )
      : [];
    const at = ctx.ports.clock.now().toISOString();
    const message = (openid: string, page: string): OutgoingMessage => ({
      id: `${what.id}:${openid}`,
      toOpenid: openid,
      template: what.template,
      page,
      data: {
        thing1: thing(CATEGORY_CONFIG[r.category].label + (r.emergency ? '（紧急）' : '')),
        phrase2: part.departmentName.slice(0, 5),
        thing3: thing(what.text),
        time4: formatShanghai(at),
      },
    });
    const seen = new Set<string>();
    const messages: OutgoingMessage[] = [];
    for (const p of people)
      if (!seen.has(p.openid) && seen.add(p.openid)) messages.push(message(p.openid, MESSAGE_PAGES.departmentPart(part._id)));
    for (const p of dispatcher)
      if (!seen.has(p.openid) && seen.add(p.openid)) messages.push(message(p.openid, MESSAGE_PAGES.requestForStaff(r._id)));
    await enqueueQuietly(ctx, messages, { about: part._id });
  } catch (e) {
    console.error('department notification: recipients not found', {
      dispatchId: part._id,
      error: e instanceof Error ? e.message : String(e),
    });
  }
}
