import type { SubscriptionView } from '@linli/shared';

/**
 * How many WeChat messages a person can still receive of one template, in their words, and
 * whether that is none (shown in the accent colour, with a way to allow more).
 */
export function grantStatus(s: Pick<SubscriptionView, 'remaining' | 'off' | 'longTerm'>): { text: string; none: boolean } {
  if (s.off) return { text: '已关闭：不会给您发这类提醒', none: true };
  if (s.remaining <= 0) return { text: '现在不会在微信里提醒您', none: true };
  if (s.longTerm) return { text: '已开启：每次都会在微信里提醒您', none: false };
  return { text: `还可以提醒您 ${s.remaining} 次`, none: false };
}

/** The label of the button that asks WeChat for more. */
export function allowLabel(s: Pick<SubscriptionView, 'remaining' | 'longTerm'>): string {
  if (s.longTerm) return s.remaining > 0 ? '已开启' : '开启提醒';
  return s.remaining > 0 ? '再允许一次' : '允许提醒';
}
