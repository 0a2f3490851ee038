import { describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromPhone, fromTimer } from '../src/platform/origin';
import { createLocalPorts } from '../dev/local-ports';
import { act, defineFunction } from '../src/platform/define-function';
import { anyone, type Policy } from '../src/platform/policy';
import { defineContract, err, ok } from '@linli/shared';
import { z } from 'zod';

const ports = createLocalPorts(':memory:');
const silent = { error: () => undefined };

describe('dispatch', () => {
  it.each([
    ['an unknown function', undefined, { action: 'getCard' }, 'COMMON.UNKNOWN_FUNCTION'],
    ['an unknown action', FUNCTIONS.team, { action: 'dropTable' }, 'COMMON.UNKNOWN_ACTION'],
    ['an inherited property as action', FUNCTIONS.team, { action: 'toString' }, 'COMMON.UNKNOWN_ACTION'],
    ['__proto__ as action', FUNCTIONS.team, { action: '__proto__' }, 'COMMON.UNKNOWN_ACTION'],
    ['no action', FUNCTIONS.team, { data: {} }, 'COMMON.INVALID_INPUT'],
    ['a non-object event', FUNCTIONS.team, 'getCard', 'COMMON.INVALID_INPUT'],
    ['bad input', FUNCTIONS.team, { action: 'getCard', data: { compoundId: 42 } }, 'COMMON.INVALID_INPUT'],
  ])('answers %s with a clear code', async (_label, fn, event, expected) => {
    const result = await dispatch(fn, event, fromPhone(null), ports, 'r1', silent);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe(expected);
  });

  it.each<[string, unknown, ReturnType<typeof fromPhone>]>([
    ['a timer event from a phone', { Type: 'Timer', TriggerName: 'requests-timer' }, fromPhone('dev-resident-1')],
    ['a timer event the platform did not mark as a timer run', { Type: 'Timer', TriggerName: 'requests-timer' }, fromPhone(null)],
    ['another function’s timer', { Type: 'Timer', TriggerName: 'notices-timer' }, fromTimer],
    ['a timer event with no trigger name', { Type: 'Timer' }, fromTimer],
  ])('refuses %s', async (_label, event, origin) => {
    const result = await dispatch(FUNCTIONS.requests, event, origin, ports, 'r2', silent);
    expect(result.ok ? null : result.error.code).toBe('COMMON.FORBIDDEN');
  });

  it('runs the timer the platform marked, under its own trigger name', async () => {
    const result = await dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, ports, 'r3', silent);
    expect(result.ok).toBe(true);
  });

  it('a thrown bug reaches the client only as COMMON.INTERNAL with the request id', async () => {
    const boom = defineFunction(defineContract('boom', { go: { input: z.object({}), output: z.object({}) } }), {
      go: act(anyone, async () => {
        throw new Error('secret table name leaked');
      }),
    });
    const logged: unknown[] = [];
    const result = await dispatch(boom as never, { action: 'go' }, fromPhone(null), ports, 'req-42', {
      error: (_m, meta) => logged.push(meta),
    });
    expect(result).toEqual({ ok: false, error: { code: 'COMMON.INTERNAL', requestId: 'req-42' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  describe('policies', () => {
    const contract = defineContract('probe', {
      read: { input: z.object({ id: z.string() }), output: z.object({ title: z.string() }) },
      wrong: { input: z.object({}), output: z.object({ title: z.string() }) },
      prose: { input: z.object({}), output: z.object({}) },
    });
    const reads: string[] = [];
    const doc: Policy<{ id: string }, { title: string; owner: string }> = {
      load: async (_ctx, input) => {
        reads.push(input.id);
        return input.id === 'missing' ? err('REQUEST.NOT_FOUND') : ok({ title: `doc ${input.id}`, owner: 'dev-resident-1' });
      },
      allow: (caller, loaded) => caller.openid === loaded.owner || { code: 'REQUEST.NOT_FOUND' },
    };
    const probe = defineFunction(contract, {
      // the use case gets what the policy loaded, and reads nothing itself
      read: act(doc, async (_ctx, _input, loaded) => ok({ title: loaded.title })),
      wrong: act(anyone, async () => ok({ title: 42 }) as never),
      // details with words riding along: the app writes every word, so this is a bug
      prose: act(
        anyone,
        async () => ({ ok: false, error: { code: 'BOOKING.SLOT_FULL', details: { waiting: 2, waitingText: '2 人在排队' } } }) as never,
      ),
    });
    const call = (action: string, data: unknown, openid: string | null, options = {}) =>
      dispatch(probe as never, { action, data }, fromPhone(openid), ports, 'p', silent, options);

    it('refuses an anonymous caller before reading anything', async () => {
      reads.length = 0;
      expect(await call('read', { id: 'a' }, null)).toEqual({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } });
      expect(reads).toEqual([]);
    });

    it('loads once, answers the loader’s error, applies the rule, and hands the loaded resource to the use case', async () => {
      reads.length = 0;
      expect(await call('read', { id: 'missing' }, 'dev-resident-1')).toEqual({ ok: false, error: { code: 'REQUEST.NOT_FOUND' } });
      expect(await call('read', { id: 'a' }, 'dev-staff-zhongfang')).toEqual({ ok: false, error: { code: 'REQUEST.NOT_FOUND' } });
      expect(await call('read', { id: 'a' }, 'dev-resident-1')).toEqual({ ok: true, data: { title: 'doc a' } });
      expect(reads).toEqual(['missing', 'a', 'a']);
    });

    it('with output checks on (the local host, tests), an answer outside its contract is a bug: COMMON.INTERNAL', async () => {
      expect(await call('wrong', {}, null)).toEqual({ ok: true, data: { title: 42 } });
      const checked = await call('wrong', {}, null, { checkOutputs: true });
      expect(checked.ok ? null : checked.error.code).toBe('COMMON.INTERNAL');
    });

    it('with output checks on, error details must be exactly what the code carries', async () => {
      expect(await call('prose', {}, null)).toMatchObject({ ok: false, error: { code: 'BOOKING.SLOT_FULL' } });
      const checked = await call('prose', {}, null, { checkOutputs: true });
      expect(checked.ok ? null : checked.error.code).toBe('COMMON.INTERNAL');
    });
  });
});
