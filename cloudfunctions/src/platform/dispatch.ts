import { err, type Envelope } from '@linli/shared';
import type { Ports } from '../ports';
import { ConflictError } from '../ports/store';
import { resolveCaller, systemCaller } from './caller';
import type { AnyCloudFunction } from './define-function';

export interface DispatchLog {
  error(message: string, meta: Record<string, unknown>): void;
}

const consoleLog: DispatchLog = { error: (message, meta) => console.error(message, meta) };

const zodIssues = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/**
 * One call, end to end, the same in WeChat and on the local host: parse the input with
 * the contract, resolve the caller from the platform's openid, check access, run the use
 * case, and answer with an envelope. Nothing thrown ever reaches the client except as
 * COMMON.INTERNAL with a request id.
 */
export async function dispatch(
  fn: AnyCloudFunction | undefined,
  event: unknown,
  openid: string | null,
  ports: Ports,
  requestId: string,
  log: DispatchLog = consoleLog,
): Promise<Envelope<unknown>> {
  if (!fn) return err('COMMON.UNKNOWN_FUNCTION');
  // CloudBase's timer trigger calls main with { Type: 'Timer', TriggerName, Time } and no OPENID.
  // A phone's call always carries an OPENID, so a payload that merely claims to be a timer is refused.
  const isTimer = event !== null && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';
  if (isTimer) {
    if (openid || !fn.timer) return err('COMMON.FORBIDDEN');
    event = { action: fn.timer.action, data: {} };
  }
  // WeChat's message push (here mediaCheckAsync's verdict) arrives the same way: the push itself
  // as the event, no OPENID. A phone's call claiming to be a push carries one and is refused.
  const isPush =
    event !== null &&
    typeof event === 'object' &&
    (event as { MsgType?: unknown }).MsgType === 'event' &&
    (event as { Event?: unknown }).Event === 'wxa_media_check';
  if (isPush) {
    if (openid || !fn.push) return err('COMMON.FORBIDDEN');
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
    const caller = isTimer || isPush ? systemCaller : await resolveCaller(ports.store, openid);
    const ctx = { ports, caller, requestId };
    const allowed = await handler.access(ctx, parsed.data);
    if (allowed !== true) return allowed.ok ? err('COMMON.FORBIDDEN') : allowed;
    return await handler.run(ctx, parsed.data);
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
