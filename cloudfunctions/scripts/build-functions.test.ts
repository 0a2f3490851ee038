import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBSCRIBE_TEMPLATE_KEYS, templateEnvName } from '@linli/shared';
import { FUNCTIONS } from '../src/functions/registry';
import { EXTERNAL_PACKAGES, OPENAPI_PERMISSIONS, REPO_ROOT, buildFunctions, functionNames, type BuildResult } from './build-functions';

const MAX_ZIP_BYTES = 1.5 * 1024 * 1024;
/** Names that belong to the local host only; a production bundle holding one could read a dev identity. */
const FORBIDDEN = ['x-linli-dev-openid', 'devIdentity', 'dev-identity', 'better-sqlite3'];

const tmp = mkdtempSync(join(tmpdir(), 'linli-build-'));
let result: BuildResult;

beforeAll(async () => {
  // the repository's layout in miniature: bundles in cloudfunctions/dist
  result = await buildFunctions({ outDir: join(tmp, 'cloudfunctions', 'dist'), log: false, env: {} });
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cloud function bundles', () => {
  it('builds one bundle per folder with an index.ts, each with package.json and config.json', () => {
    const names = functionNames();
    expect(names.length).toBeGreaterThan(0);
    expect(result.functions.map((f) => f.name)).toEqual(names);
    for (const name of names) {
      for (const file of ['index.js', 'package.json', 'config.json'])
        expect(existsSync(join(tmp, 'cloudfunctions', 'dist', name, file)), `${name}/${file}`).toBe(true);
      const pkg = JSON.parse(readFileSync(join(tmp, 'cloudfunctions', 'dist', name, 'package.json'), 'utf8')) as {
        main: string;
        dependencies: Record<string, string>;
      };
      expect(pkg.main).toBe('index.js');
      // exactly the external packages this bundle requires, to be installed in the cloud
      const bundle = readFileSync(join(tmp, 'cloudfunctions', 'dist', name, 'index.js'), 'utf8');
      const required = EXTERNAL_PACKAGES.filter((p) => new RegExp(`require\\(["']${p}["'/]`).test(bundle));
      expect(Object.keys(pkg.dependencies).sort(), name).toEqual(required.sort());
      expect(required, name).toContain('@cloudbase/node-sdk');
    }
  });

  it('declares the open APIs each function calls, and a timer only where the function has one', () => {
    for (const { name, dir } of result.functions) {
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
        permissions: { openapi: string[] };
        triggers?: { type: string; config: string }[];
      };
      expect(config.permissions.openapi).toEqual(OPENAPI_PERMISSIONS);
      const timer = FUNCTIONS[name]?.timer;
      expect(config.triggers?.map((t) => [t.type, t.config])).toEqual(timer ? [['timer', timer.cron]] : undefined);
    }
  });

  it('adds a timer trigger to config.json when a function declares one', async () => {
    const name = functionNames()[0]!;
    const out = join(tmp, 'timers');
    await buildFunctions({ outDir: join(out, 'dist'), timers: { [name]: { cron: '0 0 2 * * * *' } }, log: false, env: {} });
    const config = JSON.parse(readFileSync(join(out, 'dist', name, 'config.json'), 'utf8')) as { triggers?: unknown[] };
    expect(config.triggers).toEqual([{ name: `${name}-timer`, type: 'timer', config: '0 0 2 * * * *' }]);
    await expect(
      buildFunctions({ outDir: join(out, 'dist'), timers: { nosuch: { cron: '* * * * * * *' } }, log: false, env: {} }),
    ).rejects.toThrow('nosuch');
  }, 120_000);

  it('a release build refuses stand-in template ids, naming each setting; with them set, the bundles carry them', async () => {
    const out = join(tmp, 'release');
    await expect(buildFunctions({ outDir: out, log: false, env: { LINLI_RELEASE: '1' } })).rejects.toThrow('LINLI_TEMPLATE_NOTICE');
    const ids = Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((k) => [templateEnvName(k), `wx-tmpl-${k}`]));
    await buildFunctions({ outDir: out, log: false, env: { LINLI_RELEASE: '1', ...ids } });
    const notices = readFileSync(join(out, 'notices', 'index.js'), 'utf8');
    for (const key of SUBSCRIBE_TEMPLATE_KEYS) expect(notices, key).toContain(`wx-tmpl-${key}`);
  }, 120_000);

  it('keeps every bundle under CloudBase’s 1.5 MB upload limit', () => {
    for (const { name, bytes } of result.functions) expect(bytes, name).toBeLessThan(MAX_ZIP_BYTES);
  });

  it.each(FORBIDDEN)('no bundle contains %s (the local host’s identity path)', (needle) => {
    for (const { name, dir } of result.functions) expect(readFileSync(join(dir, 'index.js'), 'utf8').includes(needle), name).toBe(false);
  });
});

describe('a built bundle, loaded offline', () => {
  const preload = join(tmp, 'network-tripwire.cjs');
  beforeAll(() => {
    // every TCP connection and DNS lookup in the child fails loudly and is reported on exit
    writeFileSync(
      preload,
      `const net = require('node:net'); const dns = require('node:dns');
const attempts = [];
const trip = (what) => function () { attempts.push(what); throw new Error('network blocked in test: ' + what); };
net.Socket.prototype.connect = trip('connect');
dns.lookup = trip('dns.lookup');
dns.promises.lookup = trip('dns.promises.lookup');
process.on('exit', () => process.stdout.write('\\nNETWORK ' + JSON.stringify(attempts) + '\\n'));
`,
    );
  });

  const runNode = (script: string): { out: string; network: string[] } => {
    const stdout = execFileSync(process.execPath, ['-r', preload, '-e', script], {
      cwd: tmp,
      // the SDK is external to the bundle, as in the cloud where installDependency provides it
      env: { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules') },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const marker = stdout.lastIndexOf('\nNETWORK ');
    return { out: stdout.slice(0, marker).trim(), network: JSON.parse(stdout.slice(marker + 9).trim()) as string[] };
  };

  it('the tripwire notices the SDK reaching for the network (so its silence below means something)', () => {
    const { network } = runNode(`require('@cloudbase/node-sdk').init({ env: 'offline' }); setTimeout(() => {}, 300);`);
    expect(network.length).toBeGreaterThan(0);
  }, 60_000);

  it('answers an unknown action without touching the network or the SDK', () => {
    const name = result.functions[0]!.name;
    const { out, network } = runNode(`
      const { main } = require(${JSON.stringify(join(tmp, 'cloudfunctions', 'dist', name, 'index.js'))});
      if (typeof main !== 'function') throw new Error('main is not a function');
      main({ action: 'nope' }, {}).then((r) => { console.log(JSON.stringify(r)); setTimeout(() => {}, 300); });
    `);
    expect(JSON.parse(out)).toEqual({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION', details: { function: name, action: 'nope' } } });
    expect(network).toEqual([]);
  }, 60_000);
});
