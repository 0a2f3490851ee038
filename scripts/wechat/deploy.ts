/**
 * `npm run deploy`: from this repository to a running mini-program, with WeChat's own tools.
 *
 *   LINLI_APPID=wx… LINLI_UPLOAD_KEY=./private.wx….key LINLI_CLOUD_ENV=linli-prod-1a2b \
 *   LINLI_TEMPLATE_NOTICE=… LINLI_TEMPLATE_REQUEST_UPDATE=… LINLI_TEMPLATE_BOOKING_REMINDER=… \
 *   TCB_SECRET_ID=… TCB_SECRET_KEY=… npm run deploy
 *
 *   npm run deploy -- --dry-run      every step it would take, offline; nothing is built or sent
 *
 * The steps, in order:
 * 1. release builds of the mini-program and of the functions (LINLI_RELEASE=1: both refuse
 *    stand-in ids), then WeChat's code-quality check on the weapp build;
 * 2. per function: created once with our runtime (Tencent Cloud API, @cloudbase/manager-node:
 *    miniprogram-ci would create it on Node.js 8.9 with a 3 s timeout), its code uploaded the way
 *    DevTools uploads it (miniprogram-ci cloud.uploadFunction, which is what applies config.json's
 *    openapi permissions for cloud calls), its timeout and memory set, and its timer created the
 *    DevTools way (cloud.createTimeTrigger, so the timer's runs get the cloud-call token);
 * 3. the database collections and indexes (the same declaration SQLite uses);
 * 4. the mini-program uploaded as a development version (miniprogram-ci upload), version and
 *    description from package.json and git. Submitting it for review stays in the WeChat console.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import CloudBaseManager from '@cloudbase/manager-node';
import { readReleaseSettings } from '../../shared/src/deploy/release.rules';
import { applyIndexes } from '../../cloudfunctions/scripts/apply-indexes';
import { MEMORY_MB, RUNTIME, TIMEOUT_SECONDS, functionNames } from '../../cloudfunctions/scripts/build-functions';
import { ciProject, loadCi, readProjectConfig, REPO_ROOT, stageProject, type MiniprogramCi } from './project';
import { checkWeappQuality } from './quality';

type Env = Readonly<Record<string, string | undefined>>;

/** What the deploy needs that no build can guess: one line per missing setting, in Chinese. */
export const DEPLOY_SETTINGS = {
  LINLI_APPID: '小程序 AppID（小程序后台 → 开发管理 → 开发设置）',
  LINLI_UPLOAD_KEY: '代码上传密钥文件的路径（小程序后台 → 开发管理 → 开发设置 → 小程序代码上传，下载密钥并设置 IP 白名单）',
  LINLI_CLOUD_ENV: '云开发环境 ID（云开发控制台 → 环境 → 环境 ID）',
  TCB_SECRET_ID: '腾讯云 API 密钥 SecretId（用于按我们的运行时创建云函数、设置超时和建立数据库索引）',
  TCB_SECRET_KEY: '腾讯云 API 密钥 SecretKey',
} as const;

export interface TimerPlan {
  name: string;
  cron: string;
}

export interface DeployInputs {
  appid: string;
  uploadKey: string;
  envId: string;
  functions: readonly string[];
  timers: Readonly<Record<string, TimerPlan>>;
  version: string;
  description: string;
}

/** Every setting a real deploy lacks (templates included: the release builds would refuse them). */
export function missingSettings(env: Env): string[] {
  const missing: string[] = Object.entries(DEPLOY_SETTINGS)
    .filter(([key]) => !(env[key] ?? '').trim())
    .map(([key, what]) => `${key}：${what}`);
  if (env.LINLI_UPLOAD_KEY?.trim() && !existsSync(resolve(env.LINLI_UPLOAD_KEY)))
    missing.push(`LINLI_UPLOAD_KEY：找不到文件 ${env.LINLI_UPLOAD_KEY}`);
  const templates = readReleaseSettings({ ...env, LINLI_RELEASE: '1' }, false).missing;
  return [...missing, ...templates];
}

export interface Step {
  title: string;
  run: () => Promise<void>;
}

export interface Tools {
  ci: () => MiniprogramCi;
  manager: () => CloudBaseManager;
  /** Runs a command of the repository (the builds), throwing when it fails. */
  exec: (command: string, args: string[], env: Env) => void;
  log: (line: string) => void;
}

const FUNCTION_ROOT = () => join(REPO_ROOT, readProjectConfig().cloudfunctionRoot);

/** The deploy as a list of steps: printed by --dry-run, run in order otherwise. */
export function deploySteps(inputs: DeployInputs, env: Env, tools: Tools): Step[] {
  const releaseEnv = { ...env, LINLI_RELEASE: '1', LINLI_CLOUD_ENV: inputs.envId };
  let project: ReturnType<typeof ciProject> | null = null;
  const credentials = { appid: inputs.appid, privateKeyPath: resolve(inputs.uploadKey) };
  const upload = () => (project ??= ciProject(tools.ci(), stageProject(), credentials));
  const steps: Step[] = [
    {
      title: 'release build of the mini-program: LINLI_RELEASE=1 npm run build:weapp',
      run: async () => tools.exec('npm', ['run', 'build:weapp'], releaseEnv),
    },
    {
      title: 'release build of the functions: LINLI_RELEASE=1 npm run build:functions',
      run: async () => tools.exec('npm', ['run', 'build:functions'], releaseEnv),
    },
    {
      title: 'WeChat code-quality check of the weapp build (miniprogram-ci checkCodeQuality, analyseCode)',
      run: async () => {
        const { failed } = await checkWeappQuality(tools.log);
        if (failed.length) throw new Error(`code quality: ${failed.map((f) => f.name).join(', ')} failed; nothing was uploaded`);
      },
    },
  ];
  for (const name of inputs.functions) {
    const path = join(FUNCTION_ROOT(), name);
    steps.push(
      {
        title: `function ${name}: create it on ${RUNTIME} if it does not exist yet (manager-node createFunction)`,
        run: async () => {
          const functions = tools.manager().functions;
          try {
            await functions.getFunctionDetail(name);
            return;
          } catch (e) {
            if (
              !/ResourceNotFound|not exist|不存在/i.test(String((e as { code?: unknown }).code ?? '') + String((e as Error).message ?? ''))
            )
              throw e;
          }
          await functions.createFunction({
            func: {
              name,
              runtime: RUNTIME,
              timeout: TIMEOUT_SECONDS,
              memorySize: MEMORY_MB,
              installDependency: true,
              handler: 'index.main',
            },
            functionRootPath: FUNCTION_ROOT(),
            force: false,
          });
        },
      },
      {
        title: `function ${name}: upload ${relative(REPO_ROOT, path)} the DevTools way, dependencies installed in the cloud (miniprogram-ci cloud.uploadFunction; applies config.json permissions)`,
        run: async () => {
          const out = await tools.ci().cloud.uploadFunction({ project: upload(), env: inputs.envId, name, path, remoteNpmInstall: true });
          tools.log(`  ${name}: ${out.filesCount} files, ${(out.packSize / 1024).toFixed(1)} KB`);
        },
      },
      {
        title: `function ${name}: timeout ${TIMEOUT_SECONDS} s, memory ${MEMORY_MB} MB (manager-node updateFunctionConfig)`,
        run: async () => {
          await tools.manager().functions.updateFunctionConfig({ name, timeout: TIMEOUT_SECONDS, memorySize: MEMORY_MB });
        },
      },
    );
    const timer = inputs.timers[name];
    if (timer)
      steps.push({
        title: `function ${name}: timer trigger ${timer.name} "${timer.cron}" (miniprogram-ci cloud.createTimeTrigger)`,
        run: async () => {
          const answer = await tools.ci().cloud.createTimeTrigger({
            project: upload(),
            envId: inputs.envId,
            functionName: name,
            triggersConfig: [{ name: timer.name, type: 'timer', config: timer.cron }],
          });
          tools.log(`  ${name}: ${answer}`);
        },
      });
  }
  steps.push(
    {
      title: `database: collections and indexes in ${inputs.envId} (manager-node, cloudfunctions/src/ports/collections.ts)`,
      run: async () => {
        const code = await applyIndexes({ ...env, TCB_ENV_ID: inputs.envId });
        if (code !== 0) throw new Error('applying the indexes failed');
      },
    },
    {
      title: `mini-program: upload version ${inputs.version} "${inputs.description}" as the development version (miniprogram-ci upload)`,
      run: async () => {
        const out = await tools
          .ci()
          .upload({ project: upload(), version: inputs.version, desc: inputs.description, setting: readProjectConfig().setting, robot: 1 });
        for (const p of out.subPackageInfo ?? []) tools.log(`  ${p.name}: ${(p.size / 1024).toFixed(1)} KB`);
      },
    },
  );
  return steps;
}

/** version from package.json; description from git (the commit deployed). */
export function releaseLabel(): { version: string; description: string } {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  let description = 'Linli';
  try {
    description = execFileSync('git', ['log', '-1', '--format=%h %s'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout: the version alone
  }
  // WeChat shows at most a short line per version
  return { version, description: [...description].slice(0, 60).join('') };
}

export async function declaredTimers(): Promise<Record<string, TimerPlan>> {
  const { FUNCTIONS } = await import('../../cloudfunctions/src/functions/registry');
  const { timerTriggerName } = await import('../../cloudfunctions/src/platform/timer-trigger');
  return Object.fromEntries(
    Object.entries(FUNCTIONS).flatMap(([name, fn]) => (fn.timer ? [[name, { name: timerTriggerName(name), cron: fn.timer.cron }]] : [])),
  );
}

const defaultTools = (env: Env): Tools => ({
  ci: loadCi,
  manager: () => new CloudBaseManager({ envId: env.LINLI_CLOUD_ENV, secretId: env.TCB_SECRET_ID, secretKey: env.TCB_SECRET_KEY }),
  exec: (command, args, withEnv) => {
    const run = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...withEnv } });
    if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
  },
  log: (line) => console.log(line),
});

export async function deploy(argv: readonly string[], env: Env = process.env, tools: Tools = defaultTools(env)): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const missing = missingSettings(env);
  const inputs: DeployInputs = {
    appid: env.LINLI_APPID?.trim() || '<LINLI_APPID>',
    uploadKey: env.LINLI_UPLOAD_KEY?.trim() || '<LINLI_UPLOAD_KEY>',
    envId: env.LINLI_CLOUD_ENV?.trim() || '<LINLI_CLOUD_ENV>',
    functions: functionNames(),
    timers: await declaredTimers(),
    ...releaseLabel(),
  };
  if (missing.length) {
    tools.log(['还缺这些设置，填好后再部署：', ...missing.map((m) => `  - ${m}`)].join('\n'));
    if (!dryRun) return 1;
  }
  const steps = deploySteps(inputs, env, tools);
  if (dryRun) {
    tools.log(`npm run deploy would take these ${steps.length} steps (appid ${inputs.appid}, environment ${inputs.envId}):`);
    steps.forEach((s, i) => tools.log(`  ${String(i + 1).padStart(2)}. ${s.title}`));
    return missing.length ? 1 : 0;
  }
  for (const [i, step] of steps.entries()) {
    tools.log(`\n[${i + 1}/${steps.length}] ${step.title}`);
    await step.run();
  }
  tools.log(
    [
      '',
      `Deployed to ${inputs.envId}. Next, in the WeChat console (mp.weixin.qq.com):`,
      '  版本管理 → 开发版本 → 提交审核; after approval, 发布.',
      '  The first time: 开发管理 → 开发设置 → 消息推送 (see docs/deploy.md).',
    ].join('\n'),
  );
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly)
  deploy(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
