import Taro from '@tarojs/taro';
import {
  bookingContract,
  catalogueContract,
  identityContract,
  messagesContract,
  noticesContract,
  placesContract,
  requestsContract,
  teamContract,
  volunteerContract,
  type ActionInput,
  type ActionOutput,
  type Contracts,
  type Envelope,
  type ErrorCode,
  type FunctionName,
} from '@linli/shared';
import type { z } from 'zod';
import { devIdentityHeaders } from './dev-identity';

type Actions<F extends FunctionName> = Contracts[F]['actions'];
export type ActionName<F extends FunctionName> = keyof Actions<F> & string;
/** What the caller passes: zod input types, so defaults may be left out. */
export type CloudInput<F extends FunctionName, A extends ActionName<F>> = ActionInput<Contracts[F], A>;
/** What the function answers with, after its output schema. */
export type CloudOutput<F extends FunctionName, A extends ActionName<F>> = ActionOutput<Contracts[F], A>;

/**
 * The contracts whose input schemas callCloud checks before calling: those the main package's pages
 * call. A function only subpackages call registers its contract from the feature that calls it
 * (registerContract), so its schemas ship in that subpackage rather than in the main package.
 */
const inputContracts: { [F in FunctionName]?: Contracts[F] } = {
  places: placesContract,
  identity: identityContract,
  team: teamContract,
  catalogue: catalogueContract,
  requests: requestsContract,
  booking: bookingContract,
  notices: noticesContract,
  messages: messagesContract,
  volunteer: volunteerContract,
};

/** Lets callCloud check a subpackage's function's input (see inputContracts). */
export function registerContract<F extends FunctionName>(fn: F, contract: Contracts[F]): void {
  (inputContracts as Record<string, unknown>)[fn] = contract;
}

/** Every code a call can fail with: the functions' codes plus the client's own network failure. */
export type CloudErrorCode = ErrorCode | 'COMMON.NETWORK';

/** An expected failure of a call, as a value the UI turns into copy (services/error-copy.ts). */
export class CloudError extends Error {
  readonly code: CloudErrorCode;
  readonly details: unknown;
  readonly requestId: string | undefined;

  constructor(code: CloudErrorCode, details?: unknown, requestId?: string) {
    super(code);
    this.name = 'CloudError';
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export const isCloudError = (e: unknown): e is CloudError => e instanceof CloudError;

/** Turns anything thrown into a CloudError so the UI has one shape to show. */
export function toCloudError(e: unknown): CloudError {
  if (isCloudError(e)) return e;
  return new CloudError('COMMON.INTERNAL');
}

const zodIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function unwrap<T>(envelope: unknown): T {
  if (!isEnvelope(envelope)) throw new CloudError('COMMON.INTERNAL');
  if (envelope.ok) return envelope.data as T;
  const { code, details, requestId } = envelope.error;
  throw new CloudError(code as CloudErrorCode, details, requestId);
}

async function callWeapp(fn: string, payload: { action: string; data: unknown }): Promise<unknown> {
  let response: Taro.cloud.CallFunctionResult;
  try {
    response = await Taro.cloud.callFunction({ name: fn, data: payload });
  } catch {
    throw new CloudError('COMMON.NETWORK');
  }
  return response.result;
}

async function callLocalHost(fn: string, payload: { action: string; data: unknown }): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...devIdentityHeaders() };
  let response: Response;
  try {
    response = await fetch(`/fn/${fn}`, { method: 'POST', headers, body: JSON.stringify(payload) });
  } catch {
    throw new CloudError('COMMON.NETWORK');
  }
  try {
    return await response.json();
  } catch {
    // a proxy error page or a host that is not running answers with something that is not an envelope
    throw new CloudError(response.status >= 500 || response.status === 0 ? 'COMMON.NETWORK' : 'COMMON.INTERNAL');
  }
}

/**
 * Calls one action of a cloud function, typed from the shared contracts.
 * The input is checked with the same zod schema the function uses, so a form learns of a
 * mistake (in the same Chinese words) without a round trip; the function checks it again.
 * Resolves with the action's output or throws a CloudError.
 */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: CloudInput<F, A>,
): Promise<CloudOutput<F, A>> {
  const schema = (inputContracts[fn]?.actions as Record<string, { input: z.ZodType }> | undefined)?.[action]?.input;
  if (schema) {
    const parsed = schema.safeParse(input ?? {});
    if (!parsed.success) throw new CloudError('COMMON.INVALID_INPUT', { issues: zodIssues(parsed.error.issues) });
  }
  const payload = { action, data: input ?? {} };
  if (process.env.TARO_ENV === 'h5') {
    return unwrap<CloudOutput<F, A>>(await callLocalHost(fn, payload));
  }
  return unwrap<CloudOutput<F, A>>(await callWeapp(fn, payload));
}
