import { describe, expect, it, vi } from 'vitest';
import { wxSubscribeNotifier } from './wx-notifier';
import { fakeOpenApi, wxError } from './wx-openapi.test-helpers';

const message = {
  toOpenid: 'o-1',
  template: 'TPL',
  page: 'request/detail/index?id=1',
  data: { thing1: '漏水', time2: '2026-03-01 09:00' },
};

describe('subscribe-message notifier (cloud.openapi.subscribeMessage.send)', () => {
  it('passes exactly the documented parameters, camelCase as wx-server-sdk takes them', async () => {
    const { openapi, calls } = fakeOpenApi(() => ({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' }));
    expect(await wxSubscribeNotifier(openapi, 'trial').send(message)).toBe('sent');
    expect(calls).toEqual([
      {
        method: 'subscribeMessage.send',
        params: {
          touser: 'o-1',
          templateId: 'TPL',
          page: 'request/detail/index?id=1',
          data: { thing1: { value: '漏水' }, time2: { value: '2026-03-01 09:00' } },
          miniprogramState: 'trial',
          lang: 'zh_CN',
        },
      },
    ]);
  });

  it.each<[string, unknown, string]>([
    ['errCode 43101 (no grant left, or refused)', wxError(43101, 'user refuse to accept the msg'), 'no-grant'],
    ['errCode 45011 (minute quota: slow down)', wxError(45011, 'api minute-quota reach limit'), 'rate-limited'],
    ['errCode -1 (system busy)', wxError(-1, 'system error'), 'rate-limited'],
    ['errCode 40003 (invalid openid)', wxError(40003, 'invalid openid'), 'failed'],
    ['errCode -604101 (no openapi permission in config.json)', wxError(-604101, 'function has no permission to call this API'), 'failed'],
    ['a network fault without an errCode', new Error('socket hang up'), 'failed'],
  ])('a thrown %s → %s', async (_label, thrown, outcome) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { openapi } = fakeOpenApi(() => {
      throw thrown;
    });
    expect(await wxSubscribeNotifier(openapi, 'formal').send(message)).toBe(outcome);
    quiet.mockRestore();
  });
});
