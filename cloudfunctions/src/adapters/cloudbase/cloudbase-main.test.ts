import { defineContract, ok } from '@linli/shared';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { anyone } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import {
  callWxOpenApi,
  cloudbaseMain,
  decodeOpenApiEnvelope,
  platformOpenid,
  tcb,
  wxContentCheck,
  wxSubscribeNotifier,
  type WxOpenApiCaller,
} from './cloudbase-main';

// ─── protobuf, by hand: the envelope CloudBase wraps around a cloud call's answer ───

const varint = (value: bigint): number[] => {
  let v = BigInt.asUintN(64, value);
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v ? byte | 0x80 : byte);
  } while (v);
  return out;
};
const bytesField = (field: number, bytes: Uint8Array) => [...varint(BigInt((field << 3) | 2)), ...varint(BigInt(bytes.length)), ...bytes];
const envelope = (parts: { respData?: unknown; contentType?: string; errorCode?: number; extra?: number[] }) =>
  Buffer.from([
    ...(parts.extra ?? []),
    ...(parts.contentType !== undefined ? bytesField(2, Buffer.from(parts.contentType)) : []),
    ...(parts.errorCode !== undefined ? [...varint(BigInt((3 << 3) | 0)), ...varint(BigInt(parts.errorCode))] : []),
    ...(parts.respData !== undefined ? bytesField(1, Buffer.from(JSON.stringify(parts.respData))) : []),
  ]);

/** A stand-in for the SDK app: records each cloud call and answers with `reply`. */
function fakeCaller(reply: (api: string, body: Record<string, unknown>) => unknown) {
  const calls: { api: string; body: Record<string, unknown> }[] = [];
  const caller: WxOpenApiCaller = {
    async callCompatibleWxOpenApi({ apiName, requestData }) {
      const body = JSON.parse(requestData.toString('utf8')) as Record<string, unknown>;
      calls.push({ api: apiName, body });
      return reply(apiName, body);
    },
  };
  return { caller, calls };
}
const wxAnswers = (answer: Record<string, unknown>) => () => envelope({ contentType: 'application/json', respData: answer });

describe('the cloud-call envelope', () => {
  it('reads answer, content type and error code, skipping fields it does not know', () => {
    // field 4 (httpCode, varint) and field 6 (fixed32) are skipped
    const extra = [...varint(BigInt((4 << 3) | 0)), ...varint(200n), ...varint(BigInt((6 << 3) | 5)), 1, 2, 3, 4];
    const decoded = decodeOpenApiEnvelope(envelope({ respData: { errcode: 0 }, contentType: 'application/json', errorCode: 0, extra }));
    expect(Buffer.from(decoded.respData!).toString()).toBe('{"errcode":0}');
    expect(decoded.contentType).toBe('application/json');
    expect(decoded.errorCode).toBe(0);
  });

  it('reads a negative error code', () => {
    expect(decodeOpenApiEnvelope(envelope({ errorCode: -604101 })).errorCode).toBe(-604101);
  });

  it('refuses a truncated envelope', () => {
    expect(() => decodeOpenApiEnvelope(envelope({ respData: { a: 1 } }).subarray(0, 5))).toThrow('truncated');
  });
});

describe('callWxOpenApi', () => {
  it('sends the JSON body under the API name and answers WeChat’s JSON', async () => {
    const { caller, calls } = fakeCaller(wxAnswers({ errcode: 0, errmsg: 'ok' }));
    expect(await callWxOpenApi(caller, 'x.y', { a: 1 })).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(calls).toEqual([{ api: 'x.y', body: { a: 1 } }]);
  });

  it.each<[string, unknown, string]>([
    ['a platform refusal in the envelope', envelope({ errorCode: -501001 }), 'refused by the platform'],
    ['an empty envelope', envelope({}), 'empty answer'],
    ['a JSON error the SDK parsed', { code: 'INVALID_PARAM', message: 'bad' }, 'INVALID_PARAM'],
  ])('throws on %s', async (_label, raw, message) => {
    const { caller } = fakeCaller(() => raw);
    await expect(callWxOpenApi(caller, 'x.y', {})).rejects.toThrow(message);
  });
});

describe('subscribe-message notifier', () => {
  const message = {
    toOpenid: 'o-1',
    template: 'TPL',
    page: 'pages/requests/detail?id=1',
    data: { thing1: '漏水', time2: '2026-03-01 09:00' },
  };

  it('sends subscribeMessage.send with WeChat’s field names', async () => {
    const { caller, calls } = fakeCaller(wxAnswers({ errcode: 0 }));
    expect(await wxSubscribeNotifier(caller, 'trial').send(message)).toBe('sent');
    expect(calls).toEqual([
      {
        api: 'subscribeMessage.send',
        body: {
          touser: 'o-1',
          template_id: 'TPL',
          page: 'pages/requests/detail?id=1',
          miniprogram_state: 'trial',
          lang: 'zh_CN',
          data: { thing1: { value: '漏水' }, time2: { value: '2026-03-01 09:00' } },
        },
      },
    ]);
  });

  it.each<[string, () => unknown, string]>([
    ['errcode 43101 (no grant left)', wxAnswers({ errcode: 43101, errmsg: 'user refuse to accept the msg' }), 'no-grant'],
    ['errcode 45011 (minute quota: slow down)', wxAnswers({ errcode: 45011, errmsg: 'api minute-quota reach limit' }), 'rate-limited'],
    ['errcode -1 (system busy)', wxAnswers({ errcode: -1, errmsg: 'system error' }), 'rate-limited'],
    ['another errcode', wxAnswers({ errcode: 40003, errmsg: 'invalid openid' }), 'failed'],
    [
      'a failed call',
      () => {
        throw new Error('socket hang up');
      },
      'failed',
    ],
  ])('%s → %s', async (_label, reply, outcome) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { caller } = fakeCaller(reply);
    expect(await wxSubscribeNotifier(caller, 'formal').send(message)).toBe(outcome);
    quiet.mockRestore();
  });
});

/** The temporary link the storage would give for a file. */
const tempUrl = async (fileId: string) => `https://tmp.example/${encodeURIComponent(fileId)}?sign=1`;

describe('mediaCheckAsync image check', () => {
  const fileId = 'cloud://env-1.bucket/requests/a.jpg';

  it('sends the image’s temporary link, as an image (2), scene 资料 (1), v2, with the uploader’s openid', async () => {
    const { caller, calls } = fakeCaller(wxAnswers({ errcode: 0, errmsg: 'ok', trace_id: 'trace-1' }));
    expect(await wxContentCheck(caller, tempUrl).checkImage(fileId, 'o-1')).toEqual({ pending: true, traceId: 'trace-1' });
    expect(calls).toEqual([
      {
        api: 'security.mediaCheckAsync',
        body: { media_url: await tempUrl(fileId), media_type: 2, version: 2, scene: 1, openid: 'o-1' },
      },
    ]);
  });

  it.each<[string, (api: string) => unknown]>([
    ['an errcode', wxAnswers({ errcode: 45009, errmsg: 'reach max api daily quota limit' })],
    ['an answer without a trace id', wxAnswers({ errcode: 0 })],
    ['a refused cloud call', () => ({ code: 'PERMISSION_DENIED', message: 'no openapi permission' })],
  ])('%s answers pending without a trace id: the photo is held, the request kept', async (_label, reply) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { caller } = fakeCaller(reply);
    expect(await wxContentCheck(caller, tempUrl).checkImage(fileId, 'o-1')).toEqual({ pending: true, traceId: null });
    quiet.mockRestore();
  });

  it('no temporary link: nothing is sent, the photo is held', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { caller, calls } = fakeCaller(wxAnswers({ errcode: 0, trace_id: 't' }));
    const noLink = async () => {
      throw new Error('no download link');
    };
    expect(await wxContentCheck(caller, noLink).checkImage(fileId, 'o-1')).toEqual({ pending: true, traceId: null });
    expect(calls).toEqual([]);
    quiet.mockRestore();
  });
});

describe('msgSecCheck content check', () => {
  it('asks v2 with the author’s openid', async () => {
    const { caller, calls } = fakeCaller(wxAnswers({ errcode: 0, result: { suggest: 'pass', label: 100 } }));
    expect(await wxContentCheck(caller, tempUrl).checkText('楼道灯坏了', 'o-1')).toEqual({ pass: true });
    expect(calls).toEqual([{ api: 'security.msgSecCheck', body: { content: '楼道灯坏了', version: 2, scene: 2, openid: 'o-1' } }]);
  });

  it.each<[string, Record<string, unknown>, unknown]>([
    ['risky', { errcode: 0, result: { suggest: 'risky', label: 20001 } }, { pass: false, label: '20001' }],
    ['review', { errcode: 0, result: { suggest: 'review', label: 21000 } }, { pass: false, label: '21000' }],
    ['errcode 87014', { errcode: 87014, errmsg: 'risky content' }, { pass: false, label: 'risky' }],
  ])('%s is refused', async (_label, answer, verdict) => {
    const { caller } = fakeCaller(wxAnswers(answer));
    expect(await wxContentCheck(caller, tempUrl).checkText('x', 'o-1')).toEqual(verdict);
  });

  it.each<[string, Record<string, unknown>]>([
    ['another errcode', { errcode: 40001, errmsg: 'invalid credential' }],
    ['an answer without a suggestion', { errcode: 0 }],
  ])('%s throws: unchecked text is never passed', async (_label, answer) => {
    const { caller } = fakeCaller(wxAnswers(answer));
    await expect(wxContentCheck(caller, tempUrl).checkText('x', 'o-1')).rejects.toThrow();
  });
});

describe('caller identity', () => {
  const platformContext = (env: Record<string, string>) => ({
    request_id: 'req-1',
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20000,
    function_version: '$LATEST',
    function_name: 'team',
    namespace: 'env-1',
    environment: JSON.stringify({ TCB_ENV: 'env-1', TRIGGER_SRC: 'tcb', ...env }),
  });

  it.each<[string, unknown, string | null]>([
    ['the platform’s WX_OPENID', platformContext({ WX_OPENID: 'o-real', WX_APPID: 'wx1' }), 'o-real'],
    ['a platform context without one (timer, console)', platformContext({}), null],
    ['an empty WX_OPENID', platformContext({ WX_OPENID: '' }), null],
    ['an empty context', {}, null],
    ['no context', undefined, null],
  ])('reads %s', (_label, context, expected) => {
    expect(platformOpenid(context)).toBe(expected);
  });

  it('never takes identity from the payload, and answers it without starting the SDK', async () => {
    const init = vi.spyOn(tcb, 'init');
    const whoami = defineFunction(
      defineContract('whoami', { who: { input: z.object({}).passthrough(), output: z.object({ openid: z.string().nullable() }) } }),
      {
        who: { access: anyone, run: async (ctx) => ok({ openid: ctx.caller.openid }) },
      },
    );
    const main = cloudbaseMain(whoami);
    const spoofed = { action: 'who', data: { openid: 'o-spoof', OPENID: 'o-spoof' }, openid: 'o-spoof', userInfo: { openId: 'o-spoof' } };
    expect(await main(spoofed, {})).toEqual({ ok: true, data: { openid: null } });
    expect(await main(spoofed, platformContext({ WX_OPENID: '' }))).toEqual({ ok: true, data: { openid: null } });
    expect(init).not.toHaveBeenCalled();
    init.mockRestore();
  });
});
