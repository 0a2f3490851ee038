import type { IncomingMessage } from 'node:http';

/**
 * Locally a header set by the app's dev switcher stands in for WeChat's OPENID.
 * Only the local host reads it; the production bundles have no code that does.
 */
export const DEV_IDENTITY_HEADER = 'x-linli-dev-openid';

export function readDevIdentity(req: IncomingMessage): string | null {
  const value = req.headers[DEV_IDENTITY_HEADER];
  const openid = Array.isArray(value) ? value[0] : value;
  return openid && /^[A-Za-z0-9_-]{1,64}$/.test(openid) ? openid : null;
}
