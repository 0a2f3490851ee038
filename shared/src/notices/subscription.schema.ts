import { z } from 'zod';

/**
 * WeChat subscribe-message templates (订阅消息) the app asks people to allow.
 *
 * Two kinds, chosen per template by whoever deploys (README › Subscribe-message templates):
 * - one-time (一次性订阅, `longTerm: false`): every accepted dialog lets us send one message with
 *   the template, so grants are counted per person and template and spent one per message.
 *   Open to every mini-program.
 * - long-term (长期订阅, `longTerm: true`): one acceptance lets us send that template again and
 *   again until the person turns it off; nothing is spent. WeChat opens it only to offline public
 *   services (政务民生, 医疗, 交通, 金融, 教育 …): the template must come from the long-term part
 *   of the template library of the account's own service category. WeChat still answers 43101
 *   when the person refused or later switched it off, and then we stop until they accept again.
 *
 * The server cannot tell the two apart from a send or from the dialog's answer (both just say
 * accept / reject); only the template list (subscribeMessage.getTemplateList, `type` 2 one-time,
 * 3 long-term) knows, so the flag here must match what was picked in the console.
 *
 * `templateId` is the id WeChat assigns when the template is picked in the mini-program console
 * (订阅消息 → 我的模板), and `longTerm` whether it is a long-term one. A release build takes both
 * from the environment (LINLI_TEMPLATE_<KEY>, LINLI_LONG_TERM_TEMPLATES; deploy/release.rules.ts)
 * and writes them into the app and the function bundles alike, so the app asks with the same ids
 * the functions send with; everywhere else (the local host, tests) the stand-ins below apply,
 * which only the local host accepts. `audience` says which page offers it: residents' message
 * settings, or the staff workbench. Keys are ours, ids are WeChat's.
 */
declare const LINLI_TEMPLATE_IDS: Partial<Record<string, string>> | undefined;
declare const LINLI_LONG_TERM_TEMPLATES: readonly string[] | undefined;
/** The ids a build wrote in (Taro's defineConstants, esbuild's define); none elsewhere. */
const BUILT_TEMPLATE_IDS: Partial<Record<string, string>> = typeof LINLI_TEMPLATE_IDS === 'undefined' ? {} : LINLI_TEMPLATE_IDS;
const BUILT_LONG_TERM: readonly string[] = typeof LINLI_LONG_TERM_TEMPLATES === 'undefined' ? [] : LINLI_LONG_TERM_TEMPLATES;
const templateId = (key: string, standIn: string) => BUILT_TEMPLATE_IDS[key] ?? standIn;
/** One-time unless the build says the deployer picked a long-term template for it. */
const longTerm = (key: string): boolean => BUILT_LONG_TERM.includes(key);

/** Stand-in ids start with this: a release build refuses to ship one. */
export const STAND_IN_TEMPLATE_PREFIX = 'LOCAL-';

export const SUBSCRIBE_TEMPLATES = {
  notice: {
    label: '社区通知',
    description: '小区、社区发布通知时提醒您，紧急通知不错过',
    templateId: templateId('notice', 'LOCAL-notice-template'),
    longTerm: longTerm('notice'),
    audience: 'resident',
  },
  requestUpdate: {
    label: '诉求办理进展',
    description: '您反映的问题有了新进展时提醒您',
    templateId: templateId('requestUpdate', 'LOCAL-request-update-template'),
    longTerm: longTerm('requestUpdate'),
    audience: 'resident',
  },
  bookingReminder: {
    label: '预约提醒',
    description: '预约的服务快到时间时提醒您',
    templateId: templateId('bookingReminder', 'LOCAL-booking-reminder-template'),
    longTerm: longTerm('bookingReminder'),
    audience: 'resident',
  },
  // staff: their own templates, so routine news cannot use up what a 督办 needs, and so a
  // deployer with a 政务民生 account can make exactly these long-term
  staffTask: {
    label: '新诉求待办',
    description: '小区有新诉求、有诉求指派给您、居民评价了您办的事时提醒您',
    templateId: templateId('staffTask', 'LOCAL-staff-task-template'),
    longTerm: longTerm('staffTask'),
    audience: 'staff',
  },
  staffOverdue: {
    label: '超时督办',
    description: '诉求快到期限、已经超时或督办到您这一级时提醒您',
    templateId: templateId('staffOverdue', 'LOCAL-staff-overdue-template'),
    longTerm: longTerm('staffOverdue'),
    audience: 'staff',
  },
} as const satisfies Record<
  string,
  { label: string; description: string; templateId: string; longTerm: boolean; audience: 'resident' | 'staff' }
>;

export type SubscribeTemplateKey = keyof typeof SUBSCRIBE_TEMPLATES;
export type SubscribeAudience = (typeof SUBSCRIBE_TEMPLATES)[SubscribeTemplateKey]['audience'];
export const SUBSCRIBE_TEMPLATE_KEYS = Object.keys(SUBSCRIBE_TEMPLATES) as SubscribeTemplateKey[];
export const subscribeTemplateKeySchema = z.enum(SUBSCRIBE_TEMPLATE_KEYS as [SubscribeTemplateKey, ...SubscribeTemplateKey[]]);

/** The templates staff are asked for on the workbench. */
export const STAFF_TEMPLATES = SUBSCRIBE_TEMPLATE_KEYS.filter((k) => SUBSCRIBE_TEMPLATES[k].audience === 'staff');

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
  /** Who the template is for: residents' settings page or the staff workbench. */
  audience: z.enum(['resident', 'staff']),
  /** Long-term (长期订阅): one acceptance serves every message; `remaining` > 0 then only means "accepted". */
  longTerm: z.boolean(),
  /** One-time: messages we may still send with this template. Long-term: acceptances on record (0 = none, or WeChat said refused). */
  remaining: z.number().int(),
  /** The person said "don't send me these": grants are kept but not spent. */
  off: z.boolean(),
});
export type SubscriptionView = z.infer<typeof subscriptionViewSchema>;
