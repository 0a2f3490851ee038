import { createRequire } from 'node:module';
import protobuf from 'protobufjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MiniCodeError } from '../../ports/mini-code';
import { wxContentCheck } from './wx-content-check';
import { wxMiniCode } from './wx-mini-code';
import { wxSubscribeNotifier } from './wx-notifier';
import { wxOpenApi } from './wx-openapi';

/**
 * Our adapters through the real wx-server-sdk, down to the one node-sdk call it makes for every
 * cloud call (`callCompatibleWxOpenApi`, the platform's wx.openApi action). The fake stands where
 * the platform stands: it decodes the protobuf CommApiData the SDK encoded (field numbers from
 * wx-server-sdk's own src/protobuf/openapi.js) and answers a CommOpenApiResp, so these tests see
 * the wire format WeChat receives, which no fake of ours could invent.
 */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
});
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

interface WireCall {
  apiName: string;
  apiType: number;
  /** The key/value pairs as sent: keys as WeChat names them, values parsed from their JSON. */
  body: Record<string, unknown>;
}

/** The node-sdk wx-server-sdk itself requires (it pins its own version). */
const sdkRequire = createRequire(createRequire(import.meta.url).resolve('wx-server-sdk'));
const nestedNodeSdk = sdkRequire('@cloudbase/node-sdk') as { init(config: object): object };
const CloudBasePrototype = Object.getPrototypeOf(nestedNodeSdk.init({ env: 'probe' })) as {
  callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer }): Promise<unknown>;
};

let wire: WireCall[] = [];
let answer: (apiName: string) => Buffer | object = () => Buffer.alloc(0);

const respond = (json: unknown, contentType = 'application/json; charset=UTF-8') =>
  Buffer.from(
    CommOpenApiResp.encode(CommOpenApiResp.create({ respData: Buffer.from(JSON.stringify(json)), contentType, httpCode: 200 })).finish(),
  );

beforeAll(() => {
  vi.spyOn(CloudBasePrototype, 'callCompatibleWxOpenApi').mockImplementation(async ({ apiName, requestData }) => {
    const decoded = CommApiData.toObject(CommApiData.decode(requestData), { defaults: true }) as {
      apiType: number;
      openapiData: { pairs: { key: string; value: Uint8Array }[] };
    };
    const body = Object.fromEntries(decoded.openapiData.pairs.map((p) => [p.key, JSON.parse(Buffer.from(p.value).toString('utf8'))]));
    wire.push({ apiName, apiType: decoded.apiType, body });
    return answer(apiName);
  });
});
afterAll(() => vi.restoreAllMocks());

const reset = (reply: (apiName: string) => Buffer | object) => {
  wire = [];
  answer = reply;
};

describe('cloud calls through wx-server-sdk, as WeChat receives them', () => {
  it('subscribeMessage.send: an OPEN_API CommApiData with snake_case keys', async () => {
    reset(() => respond({ errcode: 0, errmsg: 'ok', msgid: 1 }));
    const notifier = wxSubscribeNotifier(wxOpenApi, 'formal');
    const outcome = await notifier.send({
      toOpenid: 'o-1',
      template: 'TPL-1',
      page: 'request/detail/index?id=r1',
      data: { thing1: '楼道灯坏了', time2: '2026-12-02 10:00' },
    });
    expect(outcome).toBe('sent');
    expect(wire).toEqual([
      {
        apiName: 'subscribeMessage.send',
        apiType: 0,
        body: {
          touser: 'o-1',
          template_id: 'TPL-1',
          page: 'request/detail/index?id=r1',
          data: { thing1: { value: '楼道灯坏了' }, time2: { value: '2026-12-02 10:00' } },
          miniprogram_state: 'formal',
          lang: 'zh_CN',
        },
      },
    ]);
  });

  it.each<[number, string]>([
    [43101, 'no-grant'],
    [45011, 'rate-limited'],
    [-1, 'rate-limited'],
    [40037, 'failed'],
  ])('WeChat’s errcode %i in the answer comes back as %s', async (errcode, outcome) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    reset(() => respond({ errcode, errmsg: 'refused' }));
    expect(await wxSubscribeNotifier(wxOpenApi, 'formal').send({ toOpenid: 'o-1', template: 'T', page: 'p', data: {} })).toBe(outcome);
    quiet.mockRestore();
  });

  it('a platform refusal in the envelope (no openapi permission) is a failed send', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    reset(() => Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ errorCode: -604101 })).finish()));
    expect(await wxSubscribeNotifier(wxOpenApi, 'formal').send({ toOpenid: 'o-1', template: 'T', page: 'p', data: {} })).toBe('failed');
    quiet.mockRestore();
  });

  it('security.msgSecCheck v2: the verdict read from the camelCased answer', async () => {
    reset(() => respond({ errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20001 }, trace_id: 'tr-1', detail: [] }));
    const check = wxContentCheck(wxOpenApi, async () => 'https://x');
    expect(await check.checkText('一段文字', 'o-2')).toEqual({ pass: false, label: '20001' });
    expect(wire).toEqual([
      { apiName: 'security.msgSecCheck', apiType: 0, body: { content: '一段文字', version: 2, scene: 2, openid: 'o-2' } },
    ]);
  });

  it('security.mediaCheckAsync v2: media_url and media_type on the wire, trace_id back as traceId', async () => {
    reset(() => respond({ errcode: 0, errmsg: 'ok', trace_id: '6247e8b4-5601e99c-0782c62b' }));
    const check = wxContentCheck(wxOpenApi, async (fileId) => `https://tmp.example/${fileId}`);
    expect(await check.checkImage('a.jpg', 'o-3')).toEqual({ pending: true, traceId: '6247e8b4-5601e99c-0782c62b' });
    expect(wire).toEqual([
      {
        apiName: 'security.mediaCheckAsync',
        apiType: 0,
        body: { media_url: 'https://tmp.example/a.jpg', media_type: 2, version: 2, scene: 1, openid: 'o-3' },
      },
    ]);
  });

  it('wxacode.getUnlimited: scene and page on the wire, the image WeChat answers comes back as its bytes', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    reset(() =>
      Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData: png, contentType: 'image/png', httpCode: 200 })).finish()),
    );
    const image = await wxMiniCode(wxOpenApi, 'formal').unlimited({ scene: 'p-zhongjie', page: 'pages/card/index' });
    expect(image).toEqual({ contentType: 'image/png', bytes: new Uint8Array(png) });
    expect(wire).toEqual([
      {
        apiName: 'wxacode.getUnlimited',
        apiType: 0,
        body: { scene: 'p-zhongjie', page: 'pages/card/index', check_path: true, env_version: 'release', width: 430 },
      },
    ]);
  });

  it('wxacode.getUnlimited for a trial build: env_version trial, the page not checked against the release', async () => {
    reset(() =>
      Buffer.from(
        CommOpenApiResp.encode(CommOpenApiResp.create({ respData: Buffer.from([1]), contentType: 'image/jpeg', httpCode: 200 })).finish(),
      ),
    );
    await wxMiniCode(wxOpenApi, 'trial').unlimited({ scene: 's', page: 'pages/card/index' });
    expect(wire[0]!.body).toMatchObject({ check_path: false, env_version: 'trial' });
  });

  it('wxacode.getUnlimited: WeChat’s JSON refusal (41030, page not released) is a MiniCodeError with its errcode', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    reset(() => respond({ errcode: 41030, errmsg: 'invalid page rid: 1' }));
    const failed = await wxMiniCode(wxOpenApi, 'formal')
      .unlimited({ scene: 'p-zhongjie', page: 'pages/card/index' })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(MiniCodeError);
    expect((failed as MiniCodeError).wxErrCode).toBe(41030);
    quiet.mockRestore();
  });
});
