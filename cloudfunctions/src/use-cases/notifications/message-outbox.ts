/**
 * The outbox of transactional subscribe messages (诉求进展, 预约提醒): a feature queues a row per
 * (message, recipient) after its own write, and the `messages` timer sends them through the
 * residents' grants (deliver-messages.ts). The row id is chosen by the caller from what the
 * message is about (`${eventId}:${openid}`, `${bookingId}:hourBefore:${startMs}:${openid}`), so
 * queueing the same message twice, from a retry or an overlapping run, writes it once.
 */

import type { Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { TemplateMessage } from './spend-grant-and-send';
import type { MessageDoc } from '../../ports/documents';

/** A message to queue: `id` must name the message and its recipient, never be random. */
export type OutgoingMessage = TemplateMessage & { id: string };

/** Queues rows in one write; ids already queued are left as they are. */
export async function enqueueMessages(ctx: Ctx, messages: readonly OutgoingMessage[]): Promise<{ inserted: number; duplicates: number }> {
  if (messages.length === 0) return { inserted: 0, duplicates: 0 };
  const now = ctx.ports.clock.now().toISOString();
  const rows = messages.map(({ id, toOpenid, template, page, data }): MessageDoc => ({
    _id: id,
    toOpenid,
    template,
    page,
    data,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  }));
  return ctx.ports.store.insertMany(COLLECTIONS.messages, rows);
}

/**
 * Best effort, for features whose step is already written: a message that cannot be queued is
 * logged and dropped, never failing the step. Answers whether the rows are queued.
 */
export async function enqueueQuietly(ctx: Ctx, messages: readonly OutgoingMessage[], about: Record<string, unknown>): Promise<boolean> {
  try {
    await enqueueMessages(ctx, messages);
    return true;
  } catch (e) {
    console.error('messages not queued', {
      requestId: ctx.requestId,
      ...about,
      count: messages.length,
      error: e instanceof Error ? e.message : String(e),
    });
    return false;
  }
}
