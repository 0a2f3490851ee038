/**
 * Deploys the bundled cloud functions (npm run build:functions first) with the CloudBase CLI,
 * one function at a time, to the environment named by ENV_ID.
 *
 *   ENV_ID=linli-prod-1a2b3c npm run deploy
 *
 * The CLI is not a dependency of this repository: install it once (npm i -g @cloudbase/cli)
 * and sign in (tcb login). The mini-program itself is uploaded from WeChat DevTools.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from './build-functions';

const RC_FILE = join(REPO_ROOT, 'cloudbaserc.json');

/** The CloudBase CLI: a local install first, then `tcb` / `cloudbase` on PATH. */
function findCli(env: NodeJS.ProcessEnv): string | null {
  const dirs = [join(REPO_ROOT, 'node_modules', '.bin'), ...(env.PATH ?? '').split(delimiter).filter(Boolean)];
  const names = process.platform === 'win32' ? ['tcb.cmd', 'cloudbase.cmd'] : ['tcb', 'cloudbase'];
  for (const dir of dirs) for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

export function deploy(env: NodeJS.ProcessEnv = process.env): number {
  const envId = env.ENV_ID?.trim();
  if (!envId) {
    console.error(
      [
        'Cannot deploy: ENV_ID is not set.',
        'Set it to the CloudBase environment id (CloudBase console → 环境 → 环境ID), for example:',
        '  ENV_ID=linli-prod-1a2b3c npm run deploy',
      ].join('\n'),
    );
    return 1;
  }
  const cli = findCli(env);
  if (!cli) {
    console.error(
      [
        'Cannot deploy: the CloudBase CLI (tcb) is not installed.',
        'Install and sign in once:',
        '  npm i -g @cloudbase/cli',
        '  tcb login',
      ].join('\n'),
    );
    return 1;
  }
  if (!existsSync(RC_FILE)) {
    console.error('Cannot deploy: cloudbaserc.json is missing. Run npm run build:functions first.');
    return 1;
  }
  const rc = JSON.parse(readFileSync(RC_FILE, 'utf8')) as { functions?: { name: string }[] };
  const names = (rc.functions ?? []).map((f) => f.name);
  if (names.length === 0) {
    console.error('Cannot deploy: cloudbaserc.json lists no functions. Run npm run build:functions first.');
    return 1;
  }
  for (const name of names) {
    console.log(`\n→ deploying ${name} to ${envId}`);
    // --force replaces the existing function's code and configuration (runtime, timeout, triggers)
    const run = spawnSync(cli, ['fn', 'deploy', name, '-e', envId, '--force'], {
      cwd: REPO_ROOT,
      env: { ...env, ENV_ID: envId },
      stdio: 'inherit',
    });
    if (run.status !== 0) {
      console.error(`Deploying ${name} failed${run.error ? `: ${run.error.message}` : ''}; the functions after it were not deployed.`);
      return run.status ?? 1;
    }
  }
  console.log(`\nDeployed ${names.length} functions to ${envId}. Next: npm run indexes:cloudbase (once per environment).`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) process.exit(deploy());
