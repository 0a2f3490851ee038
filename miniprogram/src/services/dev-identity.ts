/**
 * The local stand-in for WeChat's OPENID: the browser build lets a developer act as any
 * seeded person. Every export checks TARO_ENV first, so the weapp build drops the lot
 * (there the only identity is the one WeChat puts into the function's context).
 */
export const DEV_OPENID_KEY = 'linli.devOpenid';
export const DEV_OPENID_HEADER = 'x-linli-dev-openid';

export interface DevIdentity {
  openid: string;
  label: string;
  /** 居民 / 三长五员 / 社区工作人员 / 街道工作人员 / 管理员 / 新用户 */
  group: string;
}

type Listener = () => void;
const listeners = new Set<Listener>();

export function getDevOpenid(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null;
  try {
    return window.localStorage.getItem(DEV_OPENID_KEY);
  } catch {
    return null;
  }
}

/**
 * The header that carries the dev identity, for any request to the local host (calls,
 * uploads). Empty in the weapp build, so callers need not name the header themselves.
 */
export function devIdentityHeaders(): Record<string, string> {
  if (process.env.TARO_ENV !== 'h5') return {};
  const openid = getDevOpenid();
  return openid ? { [DEV_OPENID_HEADER]: openid } : {};
}

export function setDevOpenid(openid: string | null): void {
  if (process.env.TARO_ENV !== 'h5') return;
  try {
    if (openid) window.localStorage.setItem(DEV_OPENID_KEY, openid);
    else window.localStorage.removeItem(DEV_OPENID_KEY);
  } catch {
    // private mode: the choice lasts until reload, which is fine for a dev tool
  }
  listeners.forEach((l) => l());
}

export function onDevOpenidChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function fetchDevIdentities(): Promise<DevIdentity[]> {
  if (process.env.TARO_ENV !== 'h5') return [];
  const response = await fetch('/dev/identities');
  if (!response.ok) throw new Error(`dev identities: HTTP ${response.status}`);
  const body = (await response.json()) as { identities?: DevIdentity[] };
  return body.identities ?? [];
}

/** A subscribe message as the local host recorded it (what WeChat would have delivered). */
export interface DevInboxMessage {
  _id: string;
  toOpenid: string;
  template: string;
  page: string;
  data: Record<string, string>;
  createdAt: string;
}

/** The messages the local host recorded for one person, newest first. */
export async function fetchDevInbox(openid: string): Promise<DevInboxMessage[]> {
  if (process.env.TARO_ENV !== 'h5') return [];
  const response = await fetch(`/dev/inbox?openid=${encodeURIComponent(openid)}`);
  if (!response.ok) throw new Error(`dev inbox: HTTP ${response.status}`);
  const body = (await response.json()) as { messages?: DevInboxMessage[] };
  return body.messages ?? [];
}
