/**
 * One esbuild bundle per cloud function: cloudfunctions/src/functions/<fn>/index.ts →
 * cloudfunctions/dist/<fn>/{index.js, package.json, config.json}: what DevTools (and
 * miniprogram-ci's cloud.uploadFunction, `npm run deploy`) uploads; config.json carries the openapi
 * permissions of cloud calls and the timer trigger.
 *
 * Heavy packages stay out of the bundles and are installed in the cloud (remote npm install), each
 * function's package.json listing those it actually imports: bundled, @cloudbase/node-sdk alone
 * is ~1 MB and exceljs ~0.5 MB of a 1.5 MB budget.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readReleaseSettings, releaseRefusal } from '@linli/shared';
import { build } from 'esbuild';
import { timerTriggerName } from '../src/platform/timer-trigger';

const here = dirname(fileURLToPath(import.meta.url));
export const CLOUDFUNCTIONS_DIR = resolve(here, '..');
export const REPO_ROOT = resolve(CLOUDFUNCTIONS_DIR, '..');
const FUNCTIONS_DIR = join(CLOUDFUNCTIONS_DIR, 'src', 'functions');

/** Installed in the cloud rather than bundled; versions come from cloudfunctions/package.json. */
export const EXTERNAL_PACKAGES = ['@cloudbase/node-sdk', 'wx-server-sdk', 'exceljs'];

/** WeChat open APIs the functions call by cloud call (云调用); each must be declared per function. */
export const OPENAPI_PERMISSIONS = ['subscribeMessage.send', 'security.msgSecCheck', 'security.mediaCheckAsync', 'wxacode.getUnlimited'];

export const RUNTIME = 'Nodejs18.15';
/** CloudBase's default of 3 s is too short for a cold start plus a transaction; say it explicitly. */
export const TIMEOUT_SECONDS = 20;
export const MEMORY_MB = 256;

/** A timer trigger: CloudBase's 7-field cron (sec min hour day month weekday year), UTC+8. */
export interface TimerSpec {
  cron: string;
}

export interface BuildOptions {
  /** Where the per-function folders go; default cloudfunctions/dist. */
  outDir?: string;
  /** Timer per function name; default read from each function's definition (defineFunction's `timer`). */
  timers?: Record<string, TimerSpec>;
  /** Print a line per bundle; default true. */
  log?: boolean;
  /** Where the release settings come from (LINLI_RELEASE, LINLI_TEMPLATE_<KEY>); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A release build without its settings: the message says which to fill in. */
export class ReleaseSettingsMissing extends Error {}

export interface BuiltFunction {
  name: string;
  dir: string;
  bytes: number;
}

export interface BuildResult {
  functions: BuiltFunction[];
}

/** The folders under src/functions that hold an index.ts: each is one deployed function. */
export function functionNames(functionsDir = FUNCTIONS_DIR): string[] {
  return readdirSync(functionsDir)
    .filter((name) => existsSync(join(functionsDir, name, 'index.ts')) && statSync(join(functionsDir, name)).isDirectory())
    .sort();
}

/** Timers as the functions declare them, read from the registry (the same objects the bundles hold). */
async function declaredTimers(): Promise<Record<string, TimerSpec>> {
  const { FUNCTIONS } = await import('../src/functions/registry');
  const timers: Record<string, TimerSpec> = {};
  for (const [name, fn] of Object.entries(FUNCTIONS)) if (fn.timer) timers[name] = { cron: fn.timer.cron };
  return timers;
}

function externalVersions(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(CLOUDFUNCTIONS_DIR, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Object.fromEntries(
    EXTERNAL_PACKAGES.map((name) => {
      const version = pkg.dependencies?.[name];
      if (!version) throw new Error(`cloudfunctions/package.json must list ${name} in dependencies`);
      return [name, version];
    }),
  );
}

/** `exceljs/dist/x` → `exceljs`, `@scope/pkg/x` → `@scope/pkg`. */
const packageOf = (path: string) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');

const timerTrigger = (name: string, timer: TimerSpec) => ({ name: timerTriggerName(name), type: 'timer', config: timer.cron });

export async function buildFunctions(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? join(CLOUDFUNCTIONS_DIR, 'dist'));
  const timers = options.timers ?? (await declaredTimers());
  const log = options.log ?? true;
  const names = functionNames();
  const versions = externalVersions();
  // the functions send with the same template ids the app asks with; a release refuses stand-ins
  const release = readReleaseSettings(options.env ?? process.env, false);
  const refusal = releaseRefusal(release, '云函数');
  if (refusal) throw new ReleaseSettingsMissing(refusal);

  for (const name of Object.keys(timers)) if (!names.includes(name)) throw new Error(`timer declared for unknown function ${name}`);

  const built: BuiltFunction[] = [];
  for (const name of names) {
    const dir = join(outDir, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { metafile } = await build({
      entryPoints: [join(FUNCTIONS_DIR, name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      // readable names in the stack traces the functions log
      keepNames: true,
      legalComments: 'none',
      external: EXTERNAL_PACKAGES,
      metafile: true,
      tsconfig: join(CLOUDFUNCTIONS_DIR, 'tsconfig.json'),
      logLevel: 'warning',
      define: { LINLI_TEMPLATE_IDS: JSON.stringify(release.templateIds), LINLI_LONG_TERM_TEMPLATES: JSON.stringify(release.longTerm) },
    });
    // only what this bundle requires, so the cloud installs no more than it needs
    const required = new Set(
      Object.values(metafile.outputs)
        .flatMap((output) => output.imports)
        .filter((i) => i.external)
        .map((i) => packageOf(i.path)),
    );
    const dependencies = Object.fromEntries(Object.entries(versions).filter(([pkg]) => required.has(pkg)));
    writeFileSync(
      join(dir, 'package.json'),
      `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies }, null, 2)}\n`,
    );
    const timer = timers[name];
    writeFileSync(
      join(dir, 'config.json'),
      `${JSON.stringify(
        { permissions: { openapi: OPENAPI_PERMISSIONS }, ...(timer ? { triggers: [timerTrigger(name, timer)] } : {}) },
        null,
        2,
      )}\n`,
    );
    const bytes = statSync(join(dir, 'index.js')).size;
    built.push({ name, dir, bytes });
    if (log) console.log(`  ${name.padEnd(16)} ${(bytes / 1024).toFixed(1).padStart(8)} KB${timer ? `  timer ${timer.cron}` : ''}`);
  }

  return { functions: built };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  console.log('Bundling cloud functions:');
  buildFunctions().catch((e: unknown) => {
    console.error(e instanceof ReleaseSettingsMissing ? `\n${e.message}\n` : e);
    process.exit(1);
  });
}
