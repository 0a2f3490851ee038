import { z } from 'zod';

/**
 * 代办: staff or a compound's 三长五员 act for a resident on the household ledger who has no
 * phone. Whatever they make (a request, a booking, a place in line) belongs to the represented
 * resident, under `proxyOpenid(ledger id)` until that resident binds, when it becomes theirs;
 * `proxy` records who acted, shown wherever the thing shows as `onBehalfLine`.
 */
export const proxySchema = z.object({ openid: z.string(), name: z.string(), roleLabel: z.string() });

/** The ledger resident (places.searchResidents) an action is done for, by staff or 三长五员 of her compound. */
export const onBehalfOfSchema = z.string().min(1).max(120);
export type Proxy = z.infer<typeof proxySchema>;

const PROXY_PREFIX = 'proxy:';

/** The owner a represented resident's things carry until they bind. */
export const proxyOpenid = (ledgerResidentId: string) => `${PROXY_PREFIX}${ledgerResidentId}`;
export const isProxyOpenid = (openid: string) => openid.startsWith(PROXY_PREFIX);

/** 代 陈秀英 提交 · 社区工作人员 王丽: the same words on every list and export. */
export const onBehalfLine = (residentName: string, proxy: Proxy | undefined) =>
  proxy ? `代 ${residentName} 提交 · ${proxy.roleLabel} ${proxy.name}` : '';
