import { idempotencyKeySchema } from '@linli/shared';

/** 0-9a-z: the key alphabet is what shared/'s idempotencyKeySchema accepts. */
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

const randomChars = (n: number): string => {
  const bytes = new Uint8Array(n);
  // the browser build has Web Crypto; WeChat's JS runtime has no global crypto, so Math.random
  // there: a key only has to be unlikely to repeat, it guards nothing secret
  if (typeof globalThis.crypto?.getRandomValues === 'function') globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
};

/**
 * The one key generator for writes a retry could repeat (a report, a progress line, a booking, a
 * notice): made once per form, sent again unchanged on every retry, so a double tap or a dropped
 * network is one write. The functions answer a repeat with the first result.
 */
export function newIdempotencyKey(): string {
  const key = `k${Date.now().toString(36)}${randomChars(16)}`;
  return idempotencyKeySchema.parse(key);
}
