import { z } from 'zod';

/**
 * The key a phone sends with every write a retry could repeat (a report, a booking, a notice, a
 * progress line): generated once per form (the app's `newIdempotencyKey`), sent again unchanged on
 * every retry, and the same for every action. The functions keep the first write under it and
 * answer a repeat with the first result; the same key from someone else is refused
 * (COMMON.KEY_REUSED).
 */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '请求编号无效，请返回后重新操作一次' });
export type IdempotencyKey = z.infer<typeof idempotencyKeySchema>;
