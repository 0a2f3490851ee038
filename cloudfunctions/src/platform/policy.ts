import { err, hasStaffScope, ok, type ErrorCode, type Place, type PlaceKind, type Result } from '@linli/shared';
import { COLLECTIONS } from '../ports/collections';
import type { Ports } from '../ports';
import { resolveCaller, systemCaller, type Caller } from './caller';
import type { Ctx } from './context';

/**
 * Who may run an action, declared beside it in its function's table, in three parts that dispatch
 * applies in order before the use case runs:
 * - `caller`: who may call at all — the platform only (`system`: a timer or a message push),
 *   anyone (`anyone`), or a signed-in person (`signedIn`, the default);
 * - `load`: what the action acts on, read once (a request, a notice, a place …); an error it answers
 *   (REQUEST.NOT_FOUND …) is the call's answer;
 * - `allow`: a pure rule of who may act on it — true, or the refusal (false = COMMON.FORBIDDEN).
 * Dispatch hands what was loaded to the use case, which does not read it again. The same rules
 * drive the buttons the app shows (requests' `abilities`), and the role-and-scope table test reads
 * these declarations.
 */
export type CallerKind = 'system' | 'anyone' | 'signedIn';

export type Denial = { code: ErrorCode; details?: unknown };

/** A pure rule: may this caller act on what was loaded, with this input? */
export type Rule<I, R> = (caller: Caller, loaded: R, input: I) => boolean | Denial;

/** Reads what the action acts on; an error answers the call. */
export type Loader<I, R> = (ctx: Ctx, input: I) => Promise<Result<R>>;

export interface Policy<I, R> {
  caller?: CallerKind;
  load?: Loader<I, R>;
  allow?: Rule<I, R>;
}

/** A refusal from a rule: its details were typed where the rule made them. */
const deny = (code: ErrorCode, details?: unknown): Result<never> =>
  details === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, details } };

/**
 * Applies a policy; answers what was loaded, or the refusal. The caller check comes first, so an
 * anonymous call never reaches the store, and nobody learns whether a document exists before
 * they are known to be signed in.
 */
export async function applyPolicy<I, R>(policy: Policy<I, R>, ctx: Ctx, input: I): Promise<Result<R>> {
  const kind = policy.caller ?? 'signedIn';
  if (kind === 'system' && !ctx.caller.system) return deny('COMMON.FORBIDDEN');
  if (kind === 'signedIn' && !ctx.caller.openid) return deny('COMMON.UNAUTHENTICATED');
  const loaded = policy.load ? await policy.load(ctx, input) : ok(undefined as R);
  if (!loaded.ok) return loaded;
  const verdict = policy.allow ? policy.allow(ctx.caller, loaded.data, input) : true;
  if (verdict === true) return loaded;
  return verdict === false ? deny('COMMON.FORBIDDEN') : deny(verdict.code, verdict.details);
}

/** Who is calling as the platform says it, before their user document is read. */
export interface Who {
  openid: string | null;
  system: boolean;
}

const unresolved = (): never => {
  throw new Error("a loader runs beside the caller's read: it may use the caller's openid, not their grants (rules see those)");
};

/** The caller a loader sees: the openid and whether the platform itself calls; grants are not read yet. */
const loaderCaller = (who: Who): Caller => ({
  openid: who.openid,
  system: who.system,
  get user(): never {
    return unresolved();
  },
  get grants(): never {
    return unresolved();
  },
});

/**
 * Dispatch's way of applying a policy: the caller's user document and what the action loads are
 * read at the same time, one round trip's wait instead of two (each is one on CloudBase). The
 * caller check still comes first and needs no read; a loader sees who is calling (`openid`,
 * `system`) but not their grants, which only the rule needs. Answers the use case's context too.
 */
export async function authorize<I, R>(
  policy: Policy<I, R>,
  ports: Ports,
  requestId: string,
  who: Who,
  input: I,
): Promise<{ ctx: Ctx; loaded: Result<R> }> {
  const kind = policy.caller ?? 'signedIn';
  const caller = who.system ? Promise.resolve(systemCaller) : resolveCaller(ports.store, who.openid);
  const refusal =
    kind === 'system' && !who.system ? 'COMMON.FORBIDDEN' : kind === 'signedIn' && !who.openid ? 'COMMON.UNAUTHENTICATED' : null;
  if (refusal) return { ctx: { ports, caller: await caller, requestId }, loaded: deny(refusal) };
  const [resolved, loaded] = await Promise.all([
    caller,
    policy.load ? policy.load({ ports, caller: loaderCaller(who), requestId }, input) : Promise.resolve(ok(undefined as R)),
  ]);
  const ctx = { ports, caller: resolved, requestId };
  if (!loaded.ok) return { ctx, loaded };
  const verdict = policy.allow ? policy.allow(resolved, loaded.data, input) : true;
  if (verdict === true) return { ctx, loaded };
  return { ctx, loaded: verdict === false ? deny('COMMON.FORBIDDEN') : deny(verdict.code, verdict.details) };
}

// ───────────────────────────── common loaders and rules ─────────────────────────────

const NOT_A: Partial<Record<PlaceKind, ErrorCode>> = { community: 'PLACE.NOT_A_COMMUNITY', compound: 'PLACE.NOT_A_COMPOUND' };

/**
 * The place with this id, or why not: PLACE.NOT_FOUND, or (when a kind is asked for) the place
 * is of another kind — a catalogue belongs to a 社区, a card to a 小区, never to a street.
 */
export async function findPlace(ctx: Ctx, id: string, kind?: PlaceKind): Promise<Result<Place>> {
  const place = await ctx.ports.store.get(COLLECTIONS.places, id);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: id });
  if (kind && place.kind !== kind) return err(NOT_A[kind] ?? 'PLACE.NOT_FOUND', { placeId: place._id, kind: place.kind });
  return ok(place);
}

/** The place an input names (of `kind`, when given). */
export const placeOf =
  <I>(idOf: (input: I) => string, kind?: PlaceKind): Loader<I, Place> =>
  (ctx, input) =>
    findPlace(ctx, idOf(input), kind);

/** Community staff, street staff or admins whose scope covers the place. */
export const staffOfPlace: Rule<unknown, Pick<Place, '_id' | 'path'>> = (caller, place) => hasStaffScope(caller.grants, place);

/** The staff of the place an input names (of `kind`, when given): loads it, then the staff rule. */
export const staffOf = <I>(idOf: (input: I) => string, kind?: PlaceKind): Policy<I, Place> => ({
  load: placeOf(idOf, kind),
  allow: staffOfPlace,
});

export const anyone: Policy<unknown, undefined> = { caller: 'anyone' };
export const signedIn: Policy<unknown, undefined> = { caller: 'signedIn' };
/** Only the platform's timer trigger or message push: never reachable from a phone. */
export const systemOnly: Policy<unknown, undefined> = { caller: 'system' };
