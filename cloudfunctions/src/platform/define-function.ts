import type { ActionOutput, ActionParsed, Contract, Result } from '@linli/shared';
import type { Ctx } from './context';
import type { Policy } from './policy';

/** One action: its policy (who may run it, on what it loads) and its use case, which gets what was loaded. */
export interface Handler<I, O> {
  policy: Policy<I, unknown>;
  run: (ctx: Ctx, input: I, loaded: unknown) => Promise<Result<O>>;
}

/**
 * Pairs a policy with its use case, checking that the use case takes what the policy loads.
 * (Stored erased: dispatch only ever passes a policy's result to its own use case.)
 */
export const act = <I, R, O>(policy: Policy<I, R>, run: (ctx: Ctx, input: I, loaded: R) => Promise<Result<O>>): Handler<I, O> =>
  ({ policy, run }) as unknown as Handler<I, O>;

export type Handlers<C extends Contract> = { [K in keyof C['actions']]: Handler<ActionParsed<C, K>, ActionOutput<C, K>> };

/** A cloud function: its contract and, per action, a policy and a use case. */
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
  /**
   * Its actions count working days (deadlines, slots): dispatch hands them the calendar with the
   * entered schedules and closures on top (read at most once a minute per container). Functions
   * without it get the national calendar and read nothing for it.
   */
  workingDays?: true;
}

export const defineFunction = <C extends Contract>(
  contract: C,
  handlers: Handlers<C>,
  options: { timer?: CloudFunction<C>['timer']; push?: CloudFunction<C>['push']; workingDays?: true } = {},
): CloudFunction<C> => ({
  contract,
  handlers,
  ...(options.timer ? { timer: options.timer } : {}),
  ...(options.push ? { push: options.push } : {}),
  ...(options.workingDays ? { workingDays: true as const } : {}),
});

/**
 * A function of any contract, as the registry and dispatch hold them. Handlers were checked
 * against their own contract by defineFunction, and dispatch parses every input with that same
 * contract before a handler runs, so erasing the contract type here loses no safety.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCloudFunction = CloudFunction<any>;
