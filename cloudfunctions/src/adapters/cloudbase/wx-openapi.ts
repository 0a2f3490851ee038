import * as wxServerSdk from 'wx-server-sdk';

/**
 * The WeChat open APIs the functions call by cloud call (云调用), as wx-server-sdk's
 * `cloud.openapi` takes them: camelCase parameters (the SDK turns them into the snake_case keys of
 * its protobuf CommApiData), answers camelCased (`trace_id` → `traceId`), WeChat's errors thrown
 * with `errCode`. Names and parameters as WeChat documents them for cloud calls:
 * subscribeMessage.send, security.msgSecCheck (v2), security.mediaCheckAsync (v2),
 * wxacode.getUnlimited.
 * Each must also be granted in the function's config.json (`permissions.openapi`).
 */
export interface WxOpenApi {
  subscribeMessage: {
    send(params: {
      touser: string;
      templateId: string;
      page: string;
      data: Record<string, { value: string }>;
      miniprogramState: 'developer' | 'trial' | 'formal';
      lang: 'zh_CN';
    }): Promise<WxAnswer>;
  };
  security: {
    msgSecCheck(params: {
      content: string;
      version: 2;
      scene: 1 | 2 | 3 | 4;
      openid: string;
    }): Promise<WxAnswer & { result?: { suggest?: string; label?: number | string }; traceId?: string }>;
    mediaCheckAsync(params: {
      mediaUrl: string;
      mediaType: 1 | 2;
      version: 2;
      scene: 1 | 2 | 3 | 4;
      openid: string;
    }): Promise<WxAnswer & { traceId?: string }>;
  };
  wxacode: {
    /**
     * A mini-program code without a count limit. WeChat answers the image itself; the SDK hands
     * it back as `{ contentType, buffer }` (a JSON answer, an error, is thrown with its errcode).
     */
    getUnlimited(params: {
      scene: string;
      page: string;
      /** false: the page need not be in a released version yet (a trial or developer build). */
      checkPath: boolean;
      envVersion: 'release' | 'trial' | 'develop';
      width: number;
    }): Promise<WxAnswer & { contentType?: string; buffer?: Buffer }>;
  };
}

/** What every successful cloud call answers besides its own fields. */
export interface WxAnswer {
  errCode?: number;
  errMsg?: string;
}

/**
 * The WeChat (or platform) error code of what a cloud call threw: wx-server-sdk throws a
 * CloudSDKError whose `errCode` is WeChat's errcode (43101, 45011, 87014 …) or the platform's
 * (-604101 no permission, -501xxx). Null when the thrown thing carries none (a network fault).
 */
export function wxErrCode(e: unknown): number | null {
  const code = e !== null && typeof e === 'object' ? (e as { errCode?: unknown }).errCode : undefined;
  return typeof code === 'number' ? code : null;
}

export const wxErrorText = (e: unknown): string =>
  e instanceof Error
    ? e.message
    : e !== null && typeof e === 'object'
      ? String((e as { errMsg?: unknown }).errMsg ?? JSON.stringify(e))
      : String(e);

type Sdk = typeof wxServerSdk;
/** CommonJS: Node's ESM loader (tests) shows it as `default`, esbuild's CommonJS bundle as itself. */
const cloud: Sdk = (wxServerSdk as unknown as { default?: Sdk }).default ?? wxServerSdk;

let initialised = false;

/**
 * `cloud.openapi`, initialised once per container for the environment the function runs in
 * (DYNAMIC_CURRENT_ENV), as WeChat's documentation does it. Only called on the first cloud call,
 * so a function run that sends nothing never starts the SDK.
 */
export function wxOpenApi(): WxOpenApi {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
    initialised = true;
  }
  return cloud.openapi as unknown as WxOpenApi;
}
