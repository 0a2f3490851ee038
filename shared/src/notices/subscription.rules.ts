import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from './subscription.schema';

/** What we know of one person's grant for one template (a stored grant, or its view). */
export type GrantState = { remaining: number; off: boolean };

/**
 * Whether a message with this template can go to the person now: not switched off, and a grant
 * on record. For a one-time template each message spends one; a long-term one only needs the
 * acceptance (WeChat's 43101 clears it).
 */
export function canReceive(grant: GrantState | null | undefined): boolean {
  return !!grant && !grant.off && grant.remaining > 0;
}

/**
 * WeChat's subscribe dialog takes at most 3 templates on older clients (5 on newer ones) and never
 * mixes one-time and long-term ids in one call ("一次性模板 id 和永久模板 id 不可同时使用"). The
 * templates one tap may ask for: those of the first one's kind, at most three.
 */
export const MAX_TEMPLATES_PER_DIALOG = 3;
export function dialogBatch(templates: readonly SubscribeTemplateKey[]): SubscribeTemplateKey[] {
  const unique = [...new Set(templates)];
  if (unique.length === 0) return [];
  const kind = SUBSCRIBE_TEMPLATES[unique[0]!].longTerm;
  return unique.filter((t) => SUBSCRIBE_TEMPLATES[t].longTerm === kind).slice(0, MAX_TEMPLATES_PER_DIALOG);
}

/**
 * Staff are asked again at the moments of their work while they hold fewer one-time grants than
 * this: enough for a day's new requests and one 督办 on top.
 */
export const STAFF_GRANT_TARGET = 10;

/**
 * Whether to show WeChat's dialog for this template at a natural moment (a staff member accepts or
 * triages a request): not when they switched it off (they said no), for a long-term template only
 * until it is accepted, for a one-time one while fewer than `target` messages are left.
 */
export function wantsAsking(template: SubscribeTemplateKey, grant: GrantState | null | undefined, target = STAFF_GRANT_TARGET): boolean {
  if (grant?.off) return false;
  const remaining = grant?.remaining ?? 0;
  return SUBSCRIBE_TEMPLATES[template].longTerm ? remaining <= 0 : remaining < target;
}
