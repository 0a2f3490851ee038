/**
 * WeChat's own packaging module (miniprogram-ci, extracted from DevTools) on this repository: the
 * root project.config.json with the weapp build it points at. Used offline for the code-quality
 * check in `npm test`, and online by `npm run deploy`.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Ci from 'miniprogram-ci';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROJECT_CONFIG = join(REPO_ROOT, 'project.config.json');

export interface ProjectConfig {
  appid: string;
  miniprogramRoot: string;
  cloudfunctionRoot: string;
  setting: Record<string, unknown>;
}

export const readProjectConfig = (): ProjectConfig => JSON.parse(readFileSync(PROJECT_CONFIG, 'utf8')) as ProjectConfig;

/** miniprogram-ci as its own typings describe it: every call below is checked against them. */
export type MiniprogramCi = typeof Ci;
export type CiProject = InstanceType<MiniprogramCi['Project']>;
export type QualityItem = Awaited<ReturnType<MiniprogramCi['checkCodeQuality']>>[number];
export interface AnalysedFile {
  path: string;
  size: number;
  subPackage: string | null;
}

const require = createRequire(import.meta.url);
/** Loaded on use: it is large (~1 s to load) and only the WeChat steps need it. */
export const loadCi = (): MiniprogramCi => require('miniprogram-ci') as MiniprogramCi;

/**
 * miniprogram-ci scans every file under the project path, and this repository's root holds
 * node_modules: the checks run on a copy of exactly what DevTools would open (project.config.json
 * and the weapp build under its miniprogramRoot).
 */
export function stageProject(stageDir = join(REPO_ROOT, '.tmp', 'wechat-project')): string {
  const config = readProjectConfig();
  const built = join(REPO_ROOT, config.miniprogramRoot);
  if (!existsSync(join(built, 'app.json'))) throw new Error(`no weapp build at ${config.miniprogramRoot}: run npm run build:weapp first`);
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });
  cpSync(PROJECT_CONFIG, join(stageDir, 'project.config.json'));
  cpSync(built, join(stageDir, config.miniprogramRoot), { recursive: true, filter: (src) => !src.endsWith('.map') });
  return stageDir;
}

/**
 * A miniprogram-ci project. Offline checks need no real appid or key: a placeholder appid and a
 * throwaway key file do (nothing is sent). Uploads need the mini-program's appid and its 代码上传密钥.
 */
export function ciProject(ci: MiniprogramCi, projectPath: string, credentials?: { appid: string; privateKeyPath: string }) {
  let privateKeyPath = credentials?.privateKeyPath;
  if (!privateKeyPath) {
    privateKeyPath = join(projectPath, '.offline.key');
    writeFileSync(privateKeyPath, '-----BEGIN RSA PRIVATE KEY-----\nb2ZmbGluZQ==\n-----END RSA PRIVATE KEY-----\n');
  }
  return new ci.Project({
    appid: credentials?.appid ?? 'wx0000000000000000',
    type: 'miniProgram',
    projectPath,
    privateKeyPath,
    ignores: ['node_modules/**/*', '.offline.key'],
  });
}
