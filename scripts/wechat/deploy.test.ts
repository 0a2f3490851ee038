import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUBSCRIBE_TEMPLATE_KEYS, templateEnvName } from '@linli/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../cloudfunctions/src/functions/registry';
import { functionNames } from '../../cloudfunctions/scripts/build-functions';
import { deploy, deploySteps, missingSettings, type Tools } from './deploy';

const dir = mkdtempSync(join(tmpdir(), 'linli-deploy-'));
const keyFile = join(dir, 'private.wx0123456789abcdef.key');
writeFileSync(keyFile, 'not a real key');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const settings = {
  LINLI_APPID: 'wx0123456789abcdef',
  LINLI_UPLOAD_KEY: keyFile,
  LINLI_CLOUD_ENV: 'linli-prod-1a2b',
  TCB_SECRET_ID: 'AKIDexample',
  TCB_SECRET_KEY: 'secret',
  ...Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((k) => [templateEnvName(k), `tmpl-${k}`])),
};

/** Tools that must not be used: the dry run and a refused run touch nothing. */
const untouchable = (lines: string[]): Tools => ({
  ci: () => {
    throw new Error('miniprogram-ci used');
  },
  manager: () => {
    throw new Error('manager-node used');
  },
  exec: () => {
    throw new Error('a build ran');
  },
  log: (line) => lines.push(line),
});

describe('npm run deploy', () => {
  it('refuses with every missing setting named, and does nothing', async () => {
    const lines: string[] = [];
    expect(await deploy([], {}, untouchable(lines))).toBe(1);
    const said = lines.join('\n');
    for (const key of [
      'LINLI_APPID',
      'LINLI_UPLOAD_KEY',
      'LINLI_CLOUD_ENV',
      'TCB_SECRET_ID',
      'TCB_SECRET_KEY',
      ...SUBSCRIBE_TEMPLATE_KEYS.map(templateEnvName),
    ])
      expect(said, key).toContain(key);
  });

  it('names an upload key file that is not there', () => {
    expect(missingSettings({ ...settings, LINLI_UPLOAD_KEY: join(dir, 'missing.key') })).toEqual([expect.stringContaining('找不到文件')]);
    expect(missingSettings(settings)).toEqual([]);
  });

  it('--dry-run prints every step, offline, building and sending nothing', async () => {
    const lines: string[] = [];
    expect(await deploy(['--dry-run'], settings, untouchable(lines))).toBe(0);
    const said = lines.join('\n');
    expect(said).toContain('LINLI_RELEASE=1 npm run build:weapp');
    expect(said).toContain('LINLI_RELEASE=1 npm run build:functions');
    expect(said).toContain('checkCodeQuality');
    for (const name of functionNames()) {
      expect(said).toContain(`function ${name}: upload`);
      expect(said).toContain(`function ${name}: create it on Nodejs18.15`);
    }
    for (const [name, fn] of Object.entries(FUNCTIONS).filter(([, f]) => f.timer))
      expect(said).toContain(`function ${name}: timer trigger ${name}-timer "${fn.timer!.cron}"`);
    expect(said).toContain('collections and indexes in linli-prod-1a2b');
    expect(said).toMatch(/mini-program: upload version \d+\.\d+\.\d+/);
  });

  it('--dry-run without settings still lists the steps, and says it is not ready', async () => {
    const lines: string[] = [];
    expect(await deploy(['--dry-run'], {}, untouchable(lines))).toBe(1);
    expect(lines.join('\n')).toContain('<LINLI_APPID>');
  });

  it('runs the builds first, the WeChat check before any upload, each function before its timer, the app last', () => {
    const steps = deploySteps(
      {
        appid: 'wx1',
        uploadKey: keyFile,
        envId: 'env-1',
        functions: ['requests', 'team'],
        timers: { requests: { name: 'requests-timer', cron: '0 */5 * * * * *' } },
        version: '1.0.0',
        description: 'x',
      },
      settings,
      untouchable([]),
    );
    expect(steps.map((s) => s.title.split(':')[0])).toEqual([
      'release build of the mini-program',
      'release build of the functions',
      'WeChat code-quality check of the weapp build (miniprogram-ci checkCodeQuality, analyseCode)',
      'function requests',
      'function requests',
      'function requests',
      'function requests',
      'function team',
      'function team',
      'function team',
      'database',
      'mini-program',
    ]);
  });
});
