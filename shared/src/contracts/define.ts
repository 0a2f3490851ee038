import type { z } from 'zod';

export type ActionContract = { input: z.ZodType; output: z.ZodType };
export type Contract<N extends string = string, A extends Record<string, ActionContract> = Record<string, ActionContract>> = {
  name: N;
  actions: A;
};

export const defineContract = <N extends string, A extends Record<string, ActionContract>>(name: N, actions: A): Contract<N, A> => ({
  name,
  actions,
});

export type ActionInput<C extends Contract, K extends keyof C['actions']> = z.input<C['actions'][K]['input']>;
export type ActionParsed<C extends Contract, K extends keyof C['actions']> = z.output<C['actions'][K]['input']>;
export type ActionOutput<C extends Contract, K extends keyof C['actions']> = z.output<C['actions'][K]['output']>;

/** The wire envelope, the same in WeChat and on the local host. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; details?: unknown; requestId?: string } };
