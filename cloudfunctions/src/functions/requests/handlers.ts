import { err, requestsContract, type Place, type RequestDoc } from '@linli/shared';
import { anyone, loadPlace, signedIn, systemOnly, type Access } from '../../platform/access';
import type { Ctx } from '../../platform/context';
import { defineFunction } from '../../platform/define-function';
import { COLLECTIONS } from '../../ports/collections';
import { acceptRequest } from '../../use-cases/requests/accept-request';
import { addProgress } from '../../use-cases/requests/add-progress';
import { confirmGuidance } from '../../use-cases/requests/confirm-guidance';
import { countEscalated } from '../../use-cases/requests/count-escalated';
import { exportLedger } from '../../use-cases/requests/export-ledger';
import { getFigures } from '../../use-cases/requests/get-figures';
import { getRequest } from '../../use-cases/requests/get-request';
import { listHandlers } from '../../use-cases/requests/list-handlers';
import { listMyRequests } from '../../use-cases/requests/list-my-requests';
import { listRequests } from '../../use-cases/requests/list-requests';
import { listSimilar } from '../../use-cases/requests/list-similar';
import { followerId } from '../../use-cases/requests/load-detail';
import { mediaChecked } from '../../use-cases/media-checks/media-checked';
import { mergeRequests } from '../../use-cases/requests/merge-requests';
import { rateRequest } from '../../use-cases/requests/rate-request';
import { isResidentOf, managesCompound, managesPlace, relationTo, type Relation } from '../../use-cases/requests/request-access';
import { resolveRequest } from '../../use-cases/requests/resolve-request';
import { secondRequest } from '../../use-cases/requests/second-request';
import { submitRequest } from '../../use-cases/requests/submit-request';
import { sweepRequests } from '../../use-cases/requests/sweep-requests';
import { triageRequest } from '../../use-cases/requests/triage-request';

/**
 * Access to one request, by the caller's relation to it: residents act only on their own (or,
 * for 附议, their compound's), responders only in their compound, staff only within their place.
 */
function onRequest(allow: (rel: Relation, ctx: Ctx, r: RequestDoc) => boolean | Promise<boolean>): Access<{ requestId: string }> {
  return async (ctx, input) => {
    if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
    const r = await ctx.ports.store.get(COLLECTIONS.requests, input.requestId);
    if (!r) return err('REQUEST.NOT_FOUND');
    return (await allow(relationTo(ctx.caller, r), ctx, r)) ? true : err('COMMON.FORBIDDEN');
  };
}

const manager = onRequest((rel) => rel.manager);
const handlerOrManager = onRequest((rel) => rel.handler || rel.manager);
const reporter = onRequest((rel) => rel.reporter);
const neighbour = onRequest((rel) => rel.neighbour);
const reader = onRequest(
  async (rel, ctx, r) =>
    rel.reporter ||
    rel.manager ||
    rel.handler ||
    !!(await ctx.ports.store.get(COLLECTIONS.requestFollowers, followerId(r._id, ctx.caller.openid!))),
);

/** Residents of the compound report there, and its responders and staff on their behalf. */
const inCompound: Access<{ compoundId: string }> = async (ctx, input) => {
  if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
  const place = await loadPlace(ctx, input.compoundId);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: input.compoundId });
  if (place.kind !== 'compound') return err('PLACE.NOT_A_COMPOUND');
  return isResidentOf(ctx.caller.grants, place._id) || managesCompound(ctx.caller.grants, place) ? true : err('COMMON.FORBIDDEN');
};

/** The workbench and the ledger of a place: its staff, or a compound's responders for their compound. */
const managesPlaceOf: Access<{ placeId: string }> = async (ctx, input) => {
  if (!ctx.caller.openid) return err('COMMON.UNAUTHENTICATED');
  const place: Place | null = await loadPlace(ctx, input.placeId);
  if (!place) return err('PLACE.NOT_FOUND', { placeId: input.placeId });
  return managesPlace(ctx.caller.grants, place) ? true : err('COMMON.FORBIDDEN');
};

export const requestsFunction = defineFunction(
  requestsContract,
  {
    submit: { access: inCompound, run: submitRequest },
    similar: { access: inCompound, run: listSimilar },
    second: { access: neighbour, run: secondRequest },
    mine: { access: signedIn, run: listMyRequests },
    get: { access: reader, run: getRequest },
    list: { access: managesPlaceOf, run: listRequests },
    // counts only the caller's own posts: anyone signed in may ask, a resident gets none
    escalatedCount: { access: signedIn, run: countEscalated },
    accept: { access: manager, run: acceptRequest },
    handlers: { access: manager, run: listHandlers },
    triage: { access: manager, run: triageRequest },
    progress: { access: handlerOrManager, run: addProgress },
    resolve: { access: handlerOrManager, run: resolveRequest },
    rate: { access: reporter, run: rateRequest },
    confirm: { access: reporter, run: confirmGuidance },
    merge: { access: manager, run: mergeRequests },
    // published figures, as 12345 platforms publish theirs: aggregates only, no request behind them
    figures: { access: anyone, run: getFigures },
    exportLedger: { access: managesPlaceOf, run: exportLedger },
    sweep: { access: systemOnly, run: (ctx) => sweepRequests(ctx) },
    // WeChat's image-check verdict, by message push: no phone may send it
    mediaChecked: { access: systemOnly, run: (ctx, input) => mediaChecked(ctx, input) },
  },
  { timer: { action: 'sweep', cron: '0 */5 * * * * *', everyMs: 300_000 }, push: { action: 'mediaChecked' } },
);
