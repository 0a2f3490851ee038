import { defineContract, ok } from '@linli/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { act, defineFunction } from '../../platform/define-function';
import { anyone, systemOnly } from '../../platform/policy';
import { cloudbaseMain, miniprogramState, platformOrigin, tcb } from './cloudbase-main';

/** A function context as CloudBase passes it: the platform's variables as a JSON string. */
const platformContext = (env: Record<string, string>) => ({
  request_id: 'req-1',
  memory_limit_in_mb: 256,
  time_limit_in_ms: 20000,
  function_version: '$LATEST',
  function_name: 'team',
  namespace: 'env-1',
  environment: JSON.stringify({ TCB_ENV: 'env-1', TRIGGER_SRC: 'tcb', ...env }),
});

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['WX_OPENID', 'WX_APPID', 'TRIGGER_SRC', 'WX_CONTEXT_KEYS']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('where a run comes from', () => {
  it.each<[string, unknown, { openid: string | null; appid: string | null; timer: boolean }]>([
    [
      'a phone’s call: WX_OPENID and WX_APPID',
      platformContext({ WX_OPENID: 'o-real', WX_APPID: 'wx1' }),
      { openid: 'o-real', appid: 'wx1', timer: false },
    ],
    ['a console test run: nobody', platformContext({}), { openid: null, appid: null, timer: false }],
    ['an empty WX_OPENID: nobody', platformContext({ WX_OPENID: '' }), { openid: null, appid: null, timer: false }],
    ['a timer trigger’s run (TRIGGER_SRC=timer)', platformContext({ TRIGGER_SRC: 'timer' }), { openid: null, appid: null, timer: true }],
    ['no context', undefined, { openid: null, appid: null, timer: false }],
  ])('%s', (_label, context, expected) => {
    expect(platformOrigin(context)).toEqual(expected);
  });

  it('a context the SDK cannot parse falls back to the process environment before anonymous', () => {
    process.env.WX_OPENID = 'o-from-env';
    process.env.WX_APPID = 'wx-env';
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    expect(platformOrigin({})).toEqual({ openid: 'o-from-env', appid: 'wx-env', timer: false });
    expect(platformOrigin({ environ: 42 })).toMatchObject({ openid: 'o-from-env' });
  });

  it('the subscribe messages open the released app unless the deploy names another state', () => {
    expect(miniprogramState(undefined)).toBe('formal');
    expect(miniprogramState('trial')).toBe('trial');
    expect(miniprogramState('nonsense')).toBe('formal');
  });
});

describe('the deployed entry', () => {
  const probe = defineFunction(
    defineContract('probe', {
      who: { input: z.object({}).passthrough(), output: z.object({ openid: z.string().nullable() }) },
      tick: { input: z.object({}), output: z.object({ ran: z.boolean() }) },
    }),
    {
      who: act(anyone, async (ctx) => ok({ openid: ctx.caller.openid })),
      tick: act(systemOnly, async () => ok({ ran: true })),
    },
    { timer: { action: 'tick', cron: '0 * * * * * *', everyMs: 60_000 } },
  );
  const main = cloudbaseMain(probe);

  it('never takes identity from the payload, and answers without starting the SDK', async () => {
    const init = vi.spyOn(tcb, 'init');
    const spoofed = { action: 'who', data: { openid: 'o-spoof', OPENID: 'o-spoof' }, openid: 'o-spoof', userInfo: { openId: 'o-spoof' } };
    expect(await main(spoofed, {})).toEqual({ ok: true, data: { openid: null } });
    expect(await main(spoofed, platformContext({ WX_OPENID: '' }))).toEqual({ ok: true, data: { openid: null } });
    expect(init).not.toHaveBeenCalled();
    init.mockRestore();
  });

  it('runs its timer only when the platform marks the run as the timer’s, under its trigger name', async () => {
    const timer = { Type: 'Timer', TriggerName: 'probe-timer', Time: '2026-12-02T10:00:00Z' };
    expect(await main(timer, platformContext({ TRIGGER_SRC: 'timer' }))).toEqual({ ok: true, data: { ran: true } });
    const refused = { ok: false, error: { code: 'COMMON.FORBIDDEN' } };
    // the same event without the platform's mark: a console run, or anyone who can invoke the function
    expect(await main(timer, platformContext({}))).toEqual(refused);
    expect(await main(timer, {})).toEqual(refused);
    // a phone claiming to be the timer
    expect(await main(timer, platformContext({ TRIGGER_SRC: 'timer', WX_OPENID: 'o-phone' }))).toEqual(refused);
    // another trigger's name
    expect(await main({ ...timer, TriggerName: 'other-timer' }, platformContext({ TRIGGER_SRC: 'timer' }))).toEqual(refused);
  });
});
