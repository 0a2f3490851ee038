import { err, hasStaffScope, type ErrorCode, type Place, type Result } from '@linli/shared';
import { COLLECTIONS } from '../ports/collections';
import type { Ctx } from './context';

/**
 * An access rule decides, before a use case runs, whether the caller may run the action
 * on the place the input names. Every action declares one; the role-and-scope test table
 * runs each action against each role, in scope and out of scope.
 */
export type Access<I> = (ctx: Ctx, input: I) => Promise<Result<unknown> | true>;

const deny = (code: ErrorCode = 'COMMON.FORBIDDEN', details?: unknown) => err(code, details);

export const anyone: Access<unknown> = async () => true;

/** Only the platform's timer trigger: never reachable from a phone. */
export const systemOnly: Access<unknown> = async (ctx) => (ctx.caller.system ? true : deny());

export const signedIn: Access<unknown> = async (ctx) => (ctx.caller.openid ? true : deny('COMMON.UNAUTHENTICATED'));

export async function loadPlace(ctx: Ctx, placeId: string): Promise<Place | null> {
  return ctx.ports.store.get(COLLECTIONS.places, placeId);
}

/** Community staff, street staff or admins whose scope covers the place the input names. */
export function staffOf<I>(
  placeIdOf: (input: I, ctx: Ctx) => string | Promise<string | null>,
  notFound: ErrorCode = 'PLACE.NOT_FOUND',
): Access<I> {
  return async (ctx, input) => {
    if (!ctx.caller.openid) return deny('COMMON.UNAUTHENTICATED');
    const placeId = await placeIdOf(input, ctx);
    const place = placeId ? await loadPlace(ctx, placeId) : null;
    if (!place) return deny(notFound);
    return hasStaffScope(ctx.caller.grants, place) ? true : deny();
  };
}
