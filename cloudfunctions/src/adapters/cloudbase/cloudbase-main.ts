import * as sdkModule from '@cloudbase/node-sdk';
import type { IContextParam } from '@cloudbase/node-sdk';
import type { Envelope } from '@linli/shared';
import { dispatch } from '../../platform/dispatch';
import type { AnyCloudFunction } from '../../platform/define-function';
import type { Origin } from '../../platform/origin';
import type { Ports } from '../../ports';
import { systemClock } from '../../ports/clock';
import { typedStore, type Store } from '../../ports/store';
import { calendarWithEntries, chineseDaysCalendar } from '../chinese-days-calendar';
import { cryptoIds } from '../crypto-ids';
import { cloudbaseFiles } from './cloudbase-files';
import { CloudbaseStore } from './cloudbase-store';
import { wxContentCheck } from './wx-content-check';
import { wxMiniCode } from './wx-mini-code';
import { wxSubscribeNotifier, type MiniprogramState } from './wx-notifier';
import { wxOpenApi } from './wx-openapi';

type Sdk = typeof sdkModule;
/**
 * @cloudbase/node-sdk. It is CommonJS with an object-literal export: Node's ESM loader (tests)
 * shows it only as `default`, esbuild's CommonJS bundle shows both. Take whichever holds it.
 */
export const tcb: Sdk = (sdkModule as unknown as { default?: Sdk }).default ?? sdkModule;

type PlatformContext = Record<string, unknown>;

/**
 * The platform's variables for this run: node-sdk's getCloudbaseContext reads them from the
 * function's context (and the process environment). A context it cannot parse (an older runtime
 * puts them only in the process environment, as wx-server-sdk's getWXContext reads them) falls
 * back to the process environment alone.
 */
function platformContext(context: unknown): PlatformContext {
  if (context !== null && typeof context === 'object') {
    try {
      return tcb.getCloudbaseContext(context as IContextParam) as unknown as PlatformContext;
    } catch {
      // INVALID_CONTEXT: a context without the platform's environment
    }
  }
  try {
    return tcb.getCloudbaseContext() as unknown as PlatformContext;
  } catch {
    return {};
  }
}

const nonEmpty = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Where the run comes from, from the platform only (never the payload): WX_OPENID for a call from
 * the mini-program, WX_APPID, and TRIGGER_SRC=timer for a run of a timer trigger (the mark
 * node-sdk itself reads to pick the timer's cloud-call token). Anything else is anonymous.
 */
export function platformOrigin(context: unknown): Origin {
  const env = platformContext(context);
  return { openid: nonEmpty(env.WX_OPENID), appid: nonEmpty(env.WX_APPID), timer: env.TRIGGER_SRC === 'timer' };
}

function requestIdOf(context: unknown): string {
  const id = context !== null && typeof context === 'object' ? (context as { request_id?: unknown }).request_id : undefined;
  return typeof id === 'string' && id !== '' ? id : cryptoIds.newId();
}

const MINIPROGRAM_STATES: readonly MiniprogramState[] = ['developer', 'trial', 'formal'];
/** Which version of the app a subscribe message opens: the released one unless the deploy says otherwise. */
export const miniprogramState = (value: string | undefined): MiniprogramState => MINIPROGRAM_STATES.find((s) => s === value) ?? 'formal';

let ports: Ports | null = null;

/** One SDK app per container, made on first use, so a call that never reaches storage makes none. */
function warm(): Ports {
  if (ports === null) {
    const app = tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
    const files = cloudbaseFiles(app);
    ports = {
      store: typedStore(new CloudbaseStore(app.database())),
      clock: systemClock,
      ids: cryptoIds,
      // cloud calls go through wx-server-sdk, the client WeChat documents for them
      notifier: wxSubscribeNotifier(wxOpenApi, miniprogramState(process.env.LINLI_MINIPROGRAM_STATE)),
      contentCheck: wxContentCheck(wxOpenApi, (fileId) => files.mediaUrl(fileId)),
      miniCode: wxMiniCode(wxOpenApi, miniprogramState(process.env.LINLI_MINIPROGRAM_STATE)),
      calendar: chineseDaysCalendar,
      calendarWith: calendarWithEntries,
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
  get: (collection, id) => warm().store.get(collection, id),
  getMany: (collection, ids) => warm().store.getMany(collection, ids),
  find: (collection, options) => warm().store.find(collection, options),
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
  calendarWith: calendarWithEntries,
  files: {
    stat: (fileId) => warm().files.stat(fileId),
    bytes: (fileId) => warm().files.bytes(fileId),
    save: (file) => warm().files.save(file),
    downloadUrl: (fileId) => warm().files.downloadUrl(fileId),
  },
  miniCode: { unlimited: (input) => warm().miniCode.unlimited(input) },
};

/** The deployed `main(event, context)` of one cloud function. */
export function cloudbaseMain(fn: AnyCloudFunction): (event: unknown, context: unknown) => Promise<Envelope<unknown>> {
  return async function main(event, context) {
    return dispatch(fn, event, platformOrigin(context), lazyPorts, requestIdOf(context));
  };
}
