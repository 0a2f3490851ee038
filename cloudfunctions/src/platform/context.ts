import type { Ports } from '../ports';
import type { Caller } from './caller';

/** What every use case receives: the ports, who is calling, and a request id for logs. */
export interface Ctx {
  ports: Ports;
  caller: Caller;
  requestId: string;
}

/** A signed-in caller's openid; access rules guarantee it before a use case runs. */
export function callerOpenid(ctx: Ctx): string {
  if (!ctx.caller.openid) throw new Error('use case reached without a signed-in caller');
  return ctx.caller.openid;
}
