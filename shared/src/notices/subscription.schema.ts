import { z } from 'zod';

/**
 * WeChat subscribe-message templates (订阅消息) the app asks residents to allow. Each accepted
 * request lets us send one message with that template (一次性订阅), so grants are counted per
 * person and template and spent one per message.
 *
 * `templateId` is the id WeChat assigns when the template is picked in the mini-program console
 * (订阅消息 → 我的模板). A release build takes them from the environment (LINLI_TEMPLATE_<KEY>,
 * see deploy/release.rules.ts) and writes them into both the app and the function bundles, so the
 * app asks with the same ids the functions send with; everywhere else (the local host, tests) the
 * stand-ins below apply, which only the local host accepts. Other features add their templates
 * here (keys are ours, ids are WeChat's).
 */
declare const LINLI_TEMPLATE_IDS: Partial<Record<string, string>> | undefined;
/** The ids a build wrote in (Taro's defineConstants, esbuild's define); none elsewhere. */
const BUILT_TEMPLATE_IDS: Partial<Record<string, string>> = typeof LINLI_TEMPLATE_IDS === 'undefined' ? {} : LINLI_TEMPLATE_IDS;
const templateId = (key: string, standIn: string) => BUILT_TEMPLATE_IDS[key] ?? standIn;

/** Stand-in ids start with this: a release build refuses to ship one. */
export const STAND_IN_TEMPLATE_PREFIX = 'LOCAL-';

export const SUBSCRIBE_TEMPLATES = {
  notice: {
    label: '社区通知',
    description: '小区、社区发布通知时提醒您，紧急通知不错过',
    templateId: templateId('notice', 'LOCAL-notice-template'),
  },
  requestUpdate: {
    label: '诉求办理进展',
    description: '您反映的问题有了新进展时提醒您',
    templateId: templateId('requestUpdate', 'LOCAL-request-update-template'),
  },
  bookingReminder: {
    label: '预约提醒',
    description: '预约的服务快到时间时提醒您',
    templateId: templateId('bookingReminder', 'LOCAL-booking-reminder-template'),
  },
} as const satisfies Record<string, { label: string; description: string; templateId: string }>;

export type SubscribeTemplateKey = keyof typeof SUBSCRIBE_TEMPLATES;
export const SUBSCRIBE_TEMPLATE_KEYS = Object.keys(SUBSCRIBE_TEMPLATES) as SubscribeTemplateKey[];
export const subscribeTemplateKeySchema = z.enum(SUBSCRIBE_TEMPLATE_KEYS as [SubscribeTemplateKey, ...SubscribeTemplateKey[]]);

/** The template key of a WeChat template id, for reading requestSubscribeMessage's answer. */
export function templateKeyOf(templateId: string): SubscribeTemplateKey | undefined {
  return SUBSCRIBE_TEMPLATE_KEYS.find((k) => SUBSCRIBE_TEMPLATES[k].templateId === templateId);
}

/** WeChat keeps the one-time grants it counts; we cap ours so a tap-happy resident cannot run ahead of it. */
export const MAX_STORED_GRANTS = 50;

export const subscriptionViewSchema = z.object({
  template: subscribeTemplateKeySchema,
  label: z.string(),
  description: z.string(),
  /** Messages we may still send with this template. */
  remaining: z.number().int(),
  /** The resident said "don't send me these": grants are kept but not spent. */
  off: z.boolean(),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
