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
}

export const defineFunction = <C extends Contract>(contract: C, handlers: Handlers<C>): CloudFunction<C> => ({
  contract,
  handlers,
});
