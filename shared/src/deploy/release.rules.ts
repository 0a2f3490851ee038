import { STAND_IN_TEMPLATE_PREFIX, SUBSCRIBE_TEMPLATE_KEYS, type SubscribeTemplateKey } from '../notices/subscription.schema';

/**
 * What a build for WeChat needs from whoever deploys, read from the environment (never from the
 * code): the CloudBase environment id the app calls, and the subscribe-message template ids
 * WeChat assigned. An everyday build (the local stack, DevTools' preview) may go without them and
 * gets stand-ins; a release build (LINLI_RELEASE=1, which `npm run deploy` sets) refuses to build
 * with a stand-in and names each setting to fill in.
 */
export const PLACEHOLDER_CLOUD_ENV = 'your-env-id';

/** `requestUpdate` → `LINLI_TEMPLATE_REQUEST_UPDATE`. */
export const templateEnvName = (key: string) => `LINLI_TEMPLATE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

export interface ReleaseSettings {
  release: boolean;
  cloudEnv: string;
  /** Only the ids the environment set; the rest keep their stand-ins. */
  templateIds: Partial<Record<SubscribeTemplateKey, string>>;
  /** The templates the deployer picked as long-term ones (LINLI_LONG_TERM_TEMPLATES=staffTask,staffOverdue). */
  longTerm: SubscribeTemplateKey[];
  /** What a release build is missing, one line per setting (empty when everything is set). */
  missing: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

const set = (v: string | undefined) => (v ?? '').trim();

/** `needsCloudEnv`: the app does (cloud.init); the functions run in whichever environment they are deployed to. */
export function readReleaseSettings(env: Env, needsCloudEnv = true): ReleaseSettings {
  const release = ['1', 'true', 'yes'].includes(set(env.LINLI_RELEASE).toLowerCase());
  const missing: string[] = [];
  const cloudEnv = set(env.LINLI_CLOUD_ENV) || PLACEHOLDER_CLOUD_ENV;
  if (needsCloudEnv && cloudEnv === PLACEHOLDER_CLOUD_ENV) missing.push('LINLI_CLOUD_ENV：云开发环境 ID（云开发控制台 → 环境 → 环境 ID）');
  const templateIds: Partial<Record<SubscribeTemplateKey, string>> = {};
  for (const key of SUBSCRIBE_TEMPLATE_KEYS) {
    const id = set(env[templateEnvName(key)]);
    if (id && !id.startsWith(STAND_IN_TEMPLATE_PREFIX)) templateIds[key] = id;
    else missing.push(`${templateEnvName(key)}：订阅消息模板 ID（小程序后台 → 订阅消息 → 我的模板）`);
  }
  const longTerm: SubscribeTemplateKey[] = [];
  for (const name of set(env.LINLI_LONG_TERM_TEMPLATES)
    .split(/[,，\s]+/)
    .filter(Boolean)) {
    const key = SUBSCRIBE_TEMPLATE_KEYS.find((k) => k === name);
    if (key) longTerm.push(key);
    // a release build refuses a name that is not a template (a typo would silently keep it one-time)
    else missing.push(`LINLI_LONG_TERM_TEMPLATES：没有叫 ${name} 的模板（可选：${SUBSCRIBE_TEMPLATE_KEYS.join('、')}）`);
  }
  return { release, cloudEnv, templateIds, longTerm, missing };
}

/** The message a release build stops with, or null when it may go on. */
export function releaseRefusal(settings: ReleaseSettings, what: string): string | null {
  if (!settings.release || settings.missing.length === 0) return null;
  return [`不能打正式包（${what}）：还缺这些设置，请在环境变量里填好后再试：`, ...settings.missing.map((m) => `  - ${m}`)].join('\n');
}
