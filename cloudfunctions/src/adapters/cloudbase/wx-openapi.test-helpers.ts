import type { WxOpenApi } from './wx-openapi';

/** A thrown WeChat error as wx-server-sdk throws it: a CloudSDKError carrying `errCode`. */
export const wxError = (errCode: number, errMsg = 'wx error') => Object.assign(new Error(errMsg), { errCode, errMsg });

export interface RecordedCall {
  method: string;
  params: unknown;
}

/**
 * `cloud.openapi` as our adapters see it: each method records what it was called with and answers
 * with `reply(method, params)` (a value, or a thrown error).
 */
export function fakeOpenApi(reply: (method: string, params: unknown) => unknown) {
  const calls: RecordedCall[] = [];
  const method = (name: string) => async (params: unknown) => {
    calls.push({ method: name, params });
    return reply(name, params);
  };
  const openapi = {
    subscribeMessage: { send: method('subscribeMessage.send') },
    security: { msgSecCheck: method('security.msgSecCheck'), mediaCheckAsync: method('security.mediaCheckAsync') },
    wxacode: { getUnlimited: method('wxacode.getUnlimited') },
  } as unknown as WxOpenApi;
  return { openapi: () => openapi, calls };
}
