import * as sdkModule from '@cloudbase/node-sdk';
import type { IContextParam } from '@cloudbase/node-sdk';
import type { Envelope } from '@linli/shared';
import { dispatch } from '../../platform/dispatch';
import type { AnyCloudFunction } from '../../platform/define-function';
import type { Ports } from '../../ports';
import { systemClock } from '../../ports/clock';
import type { ContentCheck, ContentVerdict, ImageVerdict } from '../../ports/content-check';
import type { Notifier, NotifyOutcome } from '../../ports/notifier';
import type { Doc, FindOptions, Store } from '../../ports/store';
import { chineseDaysCalendar } from '../chinese-days-calendar';
import { cryptoIds } from '../crypto-ids';
import { cloudbaseFiles } from './cloudbase-files';
import { CloudbaseStore } from './cloudbase-store';

type Sdk = typeof sdkModule;
/**
 * @cloudbase/node-sdk. It is CommonJS with an object-literal export: Node's ESM loader (tests)
 * shows it only as `default`, esbuild's CommonJS bundle shows both. Take whichever holds it.
 */
export const tcb: Sdk = (sdkModule as unknown as { default?: Sdk }).default ?? sdkModule;

/** The one SDK call the WeChat open-API helpers need; CloudBase's instance has it (typed `any`). */
export interface WxOpenApiCaller {
  callCompatibleWxOpenApi(options: { apiName: string; requestData: Buffer }): Promise<unknown>;
}

/** What WeChat answers to an open-API call: errcode 0 or absent means success. */
export interface WxReply {
  errcode?: number;
  errmsg?: string;
  [key: string]: unknown;
}

// ───────────────────────────── WeChat cloud call (云调用) ─────────────────────────────

/**
 * Decodes the envelope CloudBase wraps around an open-API answer (wx-server-sdk's
 * CommOpenApiResp: 1 respData bytes, 2 contentType string, 3 errorCode int32). A dozen lines of
 * protobuf reading instead of pulling a protobuf runtime into every bundle.
 */
export function decodeOpenApiEnvelope(buf: Uint8Array): { respData?: Uint8Array; contentType?: string; errorCode: number } {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (pos >= buf.length) throw new Error('truncated open-API envelope');
      const byte = buf[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return result;
    }
  };
  const out: { respData?: Uint8Array; contentType?: string; errorCode: number } = { errorCode: 0 };
  while (pos < buf.length) {
    const tag = Number(varint());
    const field = tag >>> 3;
    const wire = tag & 7;
    if (wire === 0) {
      const value = varint();
      if (field === 3) out.errorCode = Number(BigInt.asIntN(32, value));
    } else if (wire === 2) {
      const length = Number(varint());
      if (pos + length > buf.length) throw new Error('truncated open-API envelope');
      const bytes = buf.subarray(pos, pos + length);
      pos += length;
      if (field === 1) out.respData = bytes;
      else if (field === 2) out.contentType = Buffer.from(bytes).toString('utf8');
    } else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else throw new Error(`unsupported wire type ${wire} in open-API envelope`);
  }
  return out;
}

/**
 * Calls a WeChat server API by cloud call, the way wx-server-sdk's `cloud.openapi.*` does:
 * node-sdk's `callCompatibleWxOpenApi` (action wx.openApi) with the JSON body as a buffer,
 * authorised by the function's config.json `permissions.openapi`, no access_token needed.
 */
export async function callWxOpenApi(caller: WxOpenApiCaller, api: string, body: Record<string, unknown>): Promise<WxReply> {
  const raw = await caller.callCompatibleWxOpenApi({ apiName: api, requestData: Buffer.from(JSON.stringify(body)) });
  if (!(raw instanceof Uint8Array)) {
    // the platform answers errors as JSON, which the SDK hands back parsed
    const e = (raw ?? {}) as { code?: unknown; message?: unknown };
    throw new Error(`cloud call ${api} failed: ${String(e.code ?? 'no answer')} ${String(e.message ?? '')}`.trim());
  }
  const envelope = decodeOpenApiEnvelope(raw);
  if (envelope.errorCode !== 0) throw new Error(`cloud call ${api} refused by the platform: error ${envelope.errorCode}`);
  if (!envelope.respData) throw new Error(`cloud call ${api}: empty answer`);
  return JSON.parse(Buffer.from(envelope.respData).toString('utf8')) as WxReply;
}

const WX_NO_GRANT = 43101; // the person has no one-time subscription left for this template
/** -1 system busy, 45011 minute quota reached: nothing was sent, try again a little later. */
const WX_SLOW_DOWN = [-1, 45011];

/** subscribeMessage.send: one message to one person, spending one of their grants. */
export function wxSubscribeNotifier(caller: WxOpenApiCaller, miniprogramState: string): Notifier {
  return {
    async send(message): Promise<NotifyOutcome> {
      try {
        const reply = await callWxOpenApi(caller, 'subscribeMessage.send', {
          touser: message.toOpenid,
          template_id: message.template,
          page: message.page,
          miniprogram_state: miniprogramState,
          lang: 'zh_CN',
          data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        });
        if (!reply.errcode) return 'sent';
        if (reply.errcode === WX_NO_GRANT) return 'no-grant';
        if (WX_SLOW_DOWN.includes(reply.errcode)) return 'rate-limited';
        console.error('subscribeMessage.send refused', { errcode: reply.errcode, errmsg: reply.errmsg, template: message.template });
        return 'failed';
      } catch (e) {
        // the outbox retries failed deliveries; a thrown error would only lose the outcome
        console.error('subscribeMessage.send failed', { error: e instanceof Error ? e.message : String(e) });
        return 'failed';
      }
    },
  };
}

const WX_RISKY_CONTENT = 87014;

/**
 * security.msgSecCheck v2 for text, security.mediaCheckAsync v2 for images. An unavailable text
 * check throws: unchecked text must not be published. An image check answers later (a
 * `wxa_media_check` push to the requests function), so it answers pending with WeChat's trace id;
 * a failed call answers pending with no trace id: the photo is held from everyone but its uploader
 * (never shown unchecked) and the request it came with is still stored.
 */
export function wxContentCheck(caller: WxOpenApiCaller, mediaUrl: (fileId: string) => Promise<string>): ContentCheck {
  return {
    async checkImage(fileId, openid): Promise<ImageVerdict> {
      try {
        // media_type 2 = image, scene 1 = 资料 (a resident's own material attached to a request)
        const reply = await callWxOpenApi(caller, 'security.mediaCheckAsync', {
          media_url: await mediaUrl(fileId),
          media_type: 2,
          version: 2,
          scene: 1,
          openid,
        });
        if (reply.errcode) throw new Error(`errcode ${reply.errcode}: ${reply.errmsg ?? ''}`);
        if (typeof reply.trace_id !== 'string' || reply.trace_id === '') throw new Error('no trace_id in the answer');
        return { pending: true, traceId: reply.trace_id };
      } catch (e) {
        console.error('security.mediaCheckAsync failed', { fileId, error: e instanceof Error ? e.message : String(e) });
        return { pending: true, traceId: null };
      }
    },
    async checkText(text, openid): Promise<ContentVerdict> {
      // scene 2 = comment: residents' requests and replies are judged as comments
      const reply = await callWxOpenApi(caller, 'security.msgSecCheck', { content: text, version: 2, scene: 2, openid });
      if (reply.errcode === WX_RISKY_CONTENT) return { pass: false, label: 'risky' };
      if (reply.errcode) throw new Error(`security.msgSecCheck errcode ${reply.errcode}: ${reply.errmsg ?? ''}`);
      const result = (reply.result ?? {}) as { suggest?: unknown; label?: unknown };
      if (result.suggest === 'pass') return { pass: true };
      if (result.suggest === 'risky' || result.suggest === 'review') return { pass: false, label: String(result.label ?? result.suggest) };
      throw new Error(`security.msgSecCheck: unexpected answer ${JSON.stringify(result)}`);
    },
  };
}

// ───────────────────────────── the entry ─────────────────────────────

/**
 * The caller's openid, from the platform's context only: WeChat puts WX_OPENID there for a call
 * from the mini-program. A context without it (a timer, a console test run) is anonymous.
 */
export function platformOpenid(context: unknown): string | null {
  if (context === null || typeof context !== 'object') return null;
  try {
    const openid = tcb.getCloudbaseContext(context as IContextParam).WX_OPENID;
    return typeof openid === 'string' && openid !== '' ? openid : null;
  } catch {
    // the SDK throws INVALID_CONTEXT for a context without the platform's environment
    return null;
  }
}

function requestIdOf(context: unknown): string {
  const id = context !== null && typeof context === 'object' ? (context as { request_id?: unknown }).request_id : undefined;
  return typeof id === 'string' && id !== '' ? id : cryptoIds.newId();
}

let ports: Ports | null = null;

/** One SDK app per container, made on first use, so a call that never reaches storage makes none. */
function warm(): Ports {
  if (ports === null) {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    const files = cloudbaseFiles(app);
    ports = {
      store: new CloudbaseStore(app.database()),
      clock: systemClock,
      ids: cryptoIds,
      notifier: wxSubscribeNotifier(app, process.env.LINLI_MINIPROGRAM_STATE ?? 'formal'),
      contentCheck: wxContentCheck(app, (fileId) => files.mediaUrl(fileId)),
      calendar: chineseDaysCalendar,
      files,
    };
  }
  return ports;
}

/**
 * The store, made on the first call of one of its methods: dispatch hands `ports.store` to the
 * caller lookup even for an anonymous call, which should not start the SDK.
 */
const lazyStore: Store = {
  get: <T extends Doc>(collection: string, id: string) => warm().store.get<T>(collection, id),
  getMany: <T extends Doc>(collection: string, ids: readonly string[]) => warm().store.getMany<T>(collection, ids),
  find: <T extends Doc>(collection: string, options: FindOptions) => warm().store.find<T>(collection, options),
  count: (collection, where) => warm().store.count(collection, where),
  insert: (collection, doc) => warm().store.insert(collection, doc),
  insertMany: (collection, docs) => warm().store.insertMany(collection, docs),
  put: (collection, doc) => warm().store.put(collection, doc),
  update: (collection, id, patch, where) => warm().store.update(collection, id, patch, where),
  updateMany: (collection, where, patch) => warm().store.updateMany(collection, where, patch),
  remove: (collection, id) => warm().store.remove(collection, id),
  transaction: (work) => warm().store.transaction(work),
};

const lazyPorts: Ports = {
  store: lazyStore,
  clock: systemClock,
  ids: cryptoIds,
  notifier: { send: (message) => warm().notifier.send(message) },
  contentCheck: {
    checkText: (text, openid) => warm().contentCheck.checkText(text, openid),
    checkImage: (fileId, openid) => warm().contentCheck.checkImage(fileId, openid),
  },
  calendar: chineseDaysCalendar,
  files: {
    stat: (fileId) => warm().files.stat(fileId),
    save: (file) => warm().files.save(file),
    downloadUrl: (fileId) => warm().files.downloadUrl(fileId),
  },
};

/** The deployed `main(event, context)` of one cloud function. */
export function cloudbaseMain(fn: AnyCloudFunction): (event: unknown, context: unknown) => Promise<Envelope<unknown>> {
  return async function main(event, context) {
    return dispatch(fn, event, platformOpenid(context), lazyPorts, requestIdOf(context));
  };
}
