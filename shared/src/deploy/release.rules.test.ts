import { describe, expect, it } from 'vitest';
import { SUBSCRIBE_TEMPLATE_KEYS } from '../notices/subscription.schema';
import { readReleaseSettings, releaseRefusal, templateEnvName } from './release.rules';

const allTemplates = Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((k) => [templateEnvName(k), `tmpl-${k}`]));

describe('release settings', () => {
  it('names each template’s setting from its key', () => {
    expect(templateEnvName('notice')).toBe('LINLI_TEMPLATE_NOTICE');
    expect(templateEnvName('requestUpdate')).toBe('LINLI_TEMPLATE_REQUEST_UPDATE');
  });

  it('an everyday build goes on with stand-ins', () => {
    const s = readReleaseSettings({});
    expect(s.release).toBe(false);
    expect(s.cloudEnv).toBe('your-env-id');
    expect(s.templateIds).toEqual({});
    expect(releaseRefusal(s, '小程序')).toBeNull();
  });

  it('a release build without the environment id or a template id refuses, naming each setting', () => {
    const refusal = releaseRefusal(readReleaseSettings({ LINLI_RELEASE: '1' }), '小程序');
    expect(refusal).toContain('LINLI_CLOUD_ENV');
    for (const key of SUBSCRIBE_TEMPLATE_KEYS) expect(refusal).toContain(templateEnvName(key));
  });

  it('a stand-in id or the placeholder environment id counts as missing', () => {
    const s = readReleaseSettings({
      LINLI_RELEASE: '1',
      LINLI_CLOUD_ENV: 'your-env-id',
      ...allTemplates,
      LINLI_TEMPLATE_NOTICE: 'LOCAL-notice-template',
    });
    expect(s.missing.map((m) => m.split('：')[0])).toEqual(['LINLI_CLOUD_ENV', 'LINLI_TEMPLATE_NOTICE']);
  });

  it('a release build with everything set goes on and carries the ids', () => {
    const s = readReleaseSettings({ LINLI_RELEASE: 'true', LINLI_CLOUD_ENV: 'linli-prod-1a2b', ...allTemplates });
    expect(releaseRefusal(s, '小程序')).toBeNull();
    expect(s.cloudEnv).toBe('linli-prod-1a2b');
    expect(s.templateIds.notice).toBe('tmpl-notice');
  });

  it('reads which templates are long-term, and names a wrong one', () => {
    expect(readReleaseSettings({ ...allTemplates, LINLI_LONG_TERM_TEMPLATES: 'staffTask, staffOverdue' }).longTerm).toEqual([
      'staffTask',
      'staffOverdue',
    ]);
    expect(readReleaseSettings({ ...allTemplates, LINLI_LONG_TERM_TEMPLATES: 'staffTsk' }, false).missing).toEqual([
      expect.stringContaining('staffTsk'),
    ]);
  });

  it('the functions need no environment id (they run where they are deployed)', () => {
    expect(readReleaseSettings({ LINLI_RELEASE: '1', ...allTemplates }, false).missing).toEqual([]);
  });
});
