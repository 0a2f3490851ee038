import { z } from 'zod';
import { defineContract } from './define';

/** What one run of the transactional-message sender did (requests, bookings). */
export const messageReportSchema = z.object({
  claimed: z.number().int(),
  sent: z.number().int(),
  noGrant: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
  /** Rows a crashed run left mid-send, closed as unknown (never re-sent). */
  recoveredUnknown: z.number().int(),
  rateLimited: z.number().int(),
  stoppedBy: z.enum(['drained', 'budget']),
});
export type MessageReport = z.infer<typeof messageReportSchema>;

/**
 * The outbox of transactional subscribe messages (诉求进展, 预约提醒): features queue rows with
 * deterministic ids and this function's timer sends them, spending residents' one-time grants.
 */
export const messagesContract = defineContract('messages', {
  // ── the platform's timer ──
  /** Sends due outbox rows as subscribe messages. */
  deliver: { input: z.object({}).default({}), output: messageReportSchema },
});
