import type { ActionOutput, ActionParsed, Contract, Result } from '@linli/shared';
import type { Access } from './access';
import type { Ctx } from './context';

export type Handler<C extends Contract, K extends keyof C['actions']> = {
  access: Access<ActionParsed<C, K>>;
  run: (ctx: Ctx, input: ActionParsed<C, K>) => Promise<Result<ActionOutput<C, K>>>;
};

export type Handlers<C extends Contract> = { [K in keyof C['actions']]: Handler<C, K> };

/** A cloud function: its contract and one access rule + use case per action. */
export interface CloudFunction<C extends Contract = Contract> {
  contract: C;
  handlers: Handlers<C>;
  /**
   * A timer trigger: the action the platform's timer runs, and its 7-field CloudBase cron
   * (sec min hour day month weekday year, UTC+8). The local host runs the same schedule.
   */
  timer?: { action: keyof C['actions'] & string; cron: string; everyMs: number };
  /**
   * WeChat message push (消息推送) configured to this function: the action a push event
   * (`MsgType: 'event'`, e.g. `wxa_media_check`) runs, with the system caller.
   */
  push?: { action: keyof C['actions'] & string };
}

export const defineFunction = <C extends Contract>(
  contract: C,
  handlers: Handlers<C>,
  options: { timer?: CloudFunction<C>['timer']; push?: CloudFunction<C>['push'] } = {},
): CloudFunction<C> => ({
  contract,
  handlers,
  ...(options.timer ? { timer: options.timer } : {}),
  ...(options.push ? { push: options.push } : {}),
});

/**
 * A function of any contract, as the registry and dispatch hold them. Handlers were checked
 * against their own contract by defineFunction, and dispatch parses every input with that same
 * contract before a handler runs, so erasing the contract type here loses no safety.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCloudFunction = CloudFunction<any>;
