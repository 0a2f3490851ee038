import { ok, type RequestDetail, type Result } from '@linli/shared';
import type { Ctx } from '../../platform/context';
import { detailFor } from './load-detail';
import type { LoadedRequest } from './request-policy';

/** One request as the caller sees it; its policy has read it and whether the caller follows it. */
export async function getRequest(ctx: Ctx, _input: unknown, loaded: LoadedRequest): Promise<Result<RequestDetail>> {
  return ok(await detailFor(ctx, loaded.request, loaded));
}
