import { createHmac } from 'node:crypto';
import { ATTENDANCE_CODE_ALPHABET, type Sign } from '@linli/shared';

/**
 * HMAC-SHA256 under the activity's own secret (made with the activity, stored in its document,
 * never in any answer), written in the attendance code alphabet. Only the server can sign, so a
 * code can only come from the organiser's screen.
 */
export const signerFor =
  (secret: string): Sign =>
  (payload) =>
    [...createHmac('sha256', secret).update(payload).digest()]
      .slice(0, 16)
      .map((b) => ATTENDANCE_CODE_ALPHABET[b % ATTENDANCE_CODE_ALPHABET.length])
      .join('');
