import { err, ERROR_DETAILS, type Envelope } from '@linli/shared';
import type { Ports } from '../ports';
import { ConflictError } from '../ports/store';
import { currentCalendar } from './calendar';
import type { AnyCloudFunction } from './define-function';
import type { Origin } from './origin';
import { authorize } from './policy';
import { timerTriggerName } from './timer-trigger';

export interface DispatchLog {
  error(message: string, meta: Record<string, unknown>): void;
}

export interface DispatchOptions {
  /** Parse every answer with the action's output schema (the local host and tests; not deployed). */
  checkOutputs?: boolean;
}

const consoleLog: DispatchLog = { error: (message, meta) => console.error(message, meta) };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/** WeChat's message push events the functions take: MsgType and Event compared case-insensitively. */
const PUSH_EVENTS = new Set(['wxa_media_check']);
const isPushEvent = (event: unknown): boolean =>
  isObject(event) &&
  typeof event.MsgType === 'string' &&
  event.MsgType.toLowerCase() === 'event' &&
  typeof event.Event === 'string' &&
  PUSH_EVENTS.has(event.Event.toLowerCase());

const zodIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

function checkAnswer(
  name: string,
  output: { safeParse(v: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } } },
  result: Envelope<unknown>,
) {
  if (result.ok) {
    const checked = output.safeParse(result.data);
    if (!checked.success)
      throw new Error(`${name} answered outside its contract: ${JSON.stringify(zodIssues(checked.error?.issues ?? []))}`);
    return;
  }
  const { code, details } = result.error;
  const schema = (ERROR_DETAILS as Partial<Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>>)[code];
  if (details === undefined) return;
  if (!schema) throw new Error(`${name} sent details with ${code}, which carries none`);
  const parsed = schema.safeParse(details);
  // extra keys too: details are exactly what the code carries (no prose riding along)
  const extra = parsed.success ? Object.keys(details as object).filter((k) => !Object.hasOwn(parsed.data as object, k)) : [];
  if (!parsed.success || extra.length) throw new Error(`${name} sent ${code} with details it does not carry: ${JSON.stringify(details)}`);
}

/**
 * One call, end to end, the same in WeChat and on the local host: parse the input with
 * the contract, resolve the caller from the platform's openid, check access, run the use
 * case, and answer with an envelope. Nothing thrown ever reaches the client except as
 * COMMON.INTERNAL with a request id.
 */
export async function dispatch(
  fn: AnyCloudFunction | undefined,
  event: unknown,
  origin: Origin,
  ports: Ports,
  requestId: string,
  log: DispatchLog = consoleLog,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!fn) return err('COMMON.UNKNOWN_FUNCTION');
  const openid = origin.openid;
  // CloudBase's timer trigger calls main with { Type: 'Timer', TriggerName, Time } and no OPENID.
  // Only a run the platform itself marks as timer-triggered counts, and only with the trigger name
  // the deploy gave this function's timer: a payload that merely claims to be a timer is refused.
  const timerEvent = isObject(event) && event.Type === 'Timer' ? event : null;
  const isTimer = timerEvent !== null;
  if (timerEvent) {
    if (!origin.timer || openid || !fn.timer || timerEvent.TriggerName !== timerTriggerName(fn.contract.name))
      return err('COMMON.FORBIDDEN');
    event = { action: fn.timer.action, data: {} };
  }
  // WeChat's message push (here mediaCheckAsync's verdict) arrives as the event itself, with or
  // without an OPENID in the context (WeChat's own push examples carry one). What makes it
  // trustworthy is inside it: the trace id only our server knows, for our appid.
  const isPush = !isTimer && isPushEvent(event);
  if (isPush) {
    if (!fn.push) return err('COMMON.FORBIDDEN');
    if (origin.appid && (event as { appid?: unknown }).appid !== origin.appid) return err('COMMON.FORBIDDEN');
    event = { action: fn.push.action, data: event };
  }
  if (event === null || typeof event !== 'object' || typeof (event as { action?: unknown }).action !== 'string')
    return err('COMMON.INVALID_INPUT', { issues: [{ path: 'action', message: '缺少 action' }] });
  const { action, data } = event as { action: string; data?: unknown };
  if (!Object.hasOwn(fn.handlers, action) || !Object.hasOwn(fn.contract.actions, action))
    return err('COMMON.UNKNOWN_ACTION', { function: fn.contract.name, action });
  const contract = fn.contract.actions[action]!;
  const handler = fn.handlers[action]!;
  const parsed = contract.input.safeParse(data ?? {});
  if (!parsed.success) return err('COMMON.INVALID_INPUT', { issues: zodIssues(parsed.error.issues) });
  try {
    // the entered calendar (cached per container), for the functions that count working days, is
    // read beside the caller and what the policy loads
    const [calendar, authorized] = await Promise.all([
      fn.workingDays ? currentCalendar(ports) : ports.calendar,
      authorize(handler.policy, ports, requestId, { openid, system: isTimer || isPush }, parsed.data),
    ]);
    const ctx = { ...authorized.ctx, ports: { ...authorized.ctx.ports, calendar } };
    const { loaded } = authorized;
    const result = loaded.ok ? await handler.run(ctx, parsed.data, loaded.data) : loaded;
    // development and tests: an answer its contract does not allow, or an error whose details are
    // not what its code carries, is a bug
    if (options.checkOutputs) checkAnswer(`${fn.contract.name}.${action}`, contract.output, result);
    return result;
  } catch (e) {
    if (e instanceof ConflictError) return err('COMMON.CONFLICT', { requestId });
    log.error('unhandled error in cloud function', {
      requestId,
      function: fn.contract.name,
      action,
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
    return { ok: false, error: { code: 'COMMON.INTERNAL', requestId } };
  }
}
