import { idempotencyKeySchema } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { newIdempotencyKey } from './idempotency';

describe('the app’s one idempotency key generator', () => {
  it('makes keys the functions accept, never the same twice', () => {
    const keys = Array.from({ length: 2000 }, newIdempotencyKey);
    for (const key of keys) expect(idempotencyKeySchema.safeParse(key).success, key).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
