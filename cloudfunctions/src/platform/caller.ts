import type { Grant, User } from '@linli/shared';
import { COLLECTIONS } from '../ports/collections';
import type { Store } from '../ports/store';

/** Who is calling, resolved from the platform's OPENID only; never from the payload. */
export interface Caller {
  openid: string | null;
  user: User | null;
  grants: Grant[];
  /** True only for the platform's own timer trigger (no openid, a Timer event). */
  system: boolean;
}

export const anonymous: Caller = { openid: null, user: null, grants: [], system: false };
export const systemCaller: Caller = { openid: null, user: null, grants: [], system: true };

export async function resolveCaller(store: Store, openid: string | null | undefined): Promise<Caller> {
  if (!openid) return anonymous;
  const user = await store.get(COLLECTIONS.users, openid);
  return { openid, user, grants: user?.grants ?? [], system: false };
}
