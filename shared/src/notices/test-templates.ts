import { SUBSCRIBE_TEMPLATES, type SubscribeTemplateKey } from './subscription.schema';

/**
 * For tests only: configure templates as long-term, as a deployer whose account qualifies
 * (政务民生) would in subscription.schema.ts. Answers a function that puts the configuration back.
 */
export function configureLongTerm(templates: readonly SubscribeTemplateKey[], longTerm = true): () => void {
  const config = SUBSCRIBE_TEMPLATES as unknown as Record<SubscribeTemplateKey, { longTerm: boolean }>;
  const before = templates.map((t) => [t, config[t].longTerm] as const);
  for (const t of templates) config[t].longTerm = longTerm;
  return () => {
    for (const [t, value] of before) config[t].longTerm = value;
  };
}
