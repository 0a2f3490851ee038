import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { require as tsRequire } from 'tsx/cjs/api';
import type * as ReleaseRules from '../../shared/src/deploy/release.rules';

// Taro compiles only this project's own config files; shared/ (TypeScript beside it) is loaded with tsx
const { readReleaseSettings, releaseRefusal } = tsRequire('../../shared/src/deploy/release.rules.ts', __filename) as typeof ReleaseRules;
import devConfig from './dev';
import prodConfig from './prod';
import { subpackageChunks } from './subpackage-chunks';
import { zodWithoutJsonSchema } from './zod-without-json-schema';
import { bundleStats } from './bundle-stats';

/**
 * Stateless modules that two or more subpackages use and no main page: each subpackage gets its
 * own copy (subpackage-chunks.ts) instead of one in the main package's common or vendors.
 * A module that keeps state (a store, a badge, the cloud client) must not be listed here.
 */
const SUBPACKAGES_ONLY = [
  /[/]node_modules[/]qrcode-generator[/]/, // booking's codes and volunteer's QR
  /[/]src[/]features[/]volunteer[/]use-volunteer-staff\.ts/, // volunteer and volunteer-staff
  /[/]src[/]features[/]deliberation[/]use-deliberation\.ts/, // agora and agora-staff
  /[/]src[/]features[/]booking[/](booking-summary\.tsx|format\.ts)/, // booking and booking-staff
  /[/]src[/]features[/]identity[/]staff-scope\.tsx/, // staff pages in three subpackages
  /[/]src[/]features[/]notices[/](attachment-list\.tsx|use-subscriptions\.ts|grant-text\.ts)/,
  /[/]src[/]features[/]requests[/](status-card|photo-picker|figures-view|photo-grid|timeline|step-bar|toggle-row|result-section)\.tsx/,
  /[/]src[/]features[/]requests[/](files|use-request-step|use-request-detail)\.ts/, // request, workbench, department
  /[/]src[/]services[/]upload\.ts/,
  /[/]src[/]components[/]bar-chart\.tsx/, // the figures page and the department ranking
  /[/]src[/]features[/]requests[/]series-charts\.tsx/,
  // the functions only subpackages call: the hooks that call them register their contracts
  // (services/cloud.ts), so the contracts and their schemas go with those subpackages
  /[/]src[/]features[/](departments|calendar|workgroups)[/]use-[\w-]+\.ts/,
  /[/]src[/]features[/]deliberation[/]topic-from-request\.tsx/,
  // 我的 shows one entry of each; its copy keeps only that, the subpackages' copies the rest
  /[/]src[/]features[/]deliberation[/]deliberation-views\.tsx/,
  /[/]src[/]features[/]departments[/]department-entries\.tsx/,
  /[/]shared[/]src[/]contracts[/](deliberation|departments|calendar|settings|workgroups)\.contract\.ts/,
  /[/]shared[/]src[/](deliberation|departments)[/]/,
  /[/]shared[/]src[/]calendar[/]calendar\.schema\.ts/,
  /[/]shared[/]src[/]settings[/]rule-settings\.schema\.ts/,
];

const sharedEntry = path.resolve(__dirname, '../../shared/src/index.ts');

// https://docs.taro.zone/docs/next/config
export default defineConfig<'vite'>(async (merge) => {
  // the weapp build ships the environment id and template ids; a release build refuses stand-ins
  const release = readReleaseSettings(process.env);
  const refusal = process.env.TARO_ENV === 'weapp' ? releaseRefusal(release, '小程序') : null;
  if (refusal) {
    console.error(`\n${refusal}\n`);
    process.exit(1);
  }
  const baseConfig: UserConfigExport<'vite'> = {
    projectName: 'linli',
    date: '2025-11-21',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    alias: {
      '@linli/shared': sharedEntry,
    },
    defineConstants: {
      // the CloudBase environment id the weapp build calls (LINLI_CLOUD_ENV)
      CLOUD_ENV: JSON.stringify(release.cloudEnv),
      // WeChat's subscribe-message template ids (LINLI_TEMPLATE_<KEY>), read by shared/'s SUBSCRIBE_TEMPLATES
      LINLI_TEMPLATE_IDS: JSON.stringify(release.templateIds),
      LINLI_LONG_TERM_TEMPLATES: JSON.stringify(release.longTerm),
    },
    copy: { patterns: [], options: {} },
    // weapp: Preact (about 97 KB smaller than React's reconciler in the main package, issue 15); H5 and the hook tests stay on React
    framework: process.env.TARO_ENV === 'weapp' ? 'preact' : 'react',
    // weapp: what only one subpackage uses goes in that subpackage, not the main package;
    // zod's JSON Schema generator, which the mini-program never calls, is left out (issue 15)
    compiler: {
      type: 'vite',
      vitePlugins:
        process.env.TARO_ENV === 'weapp'
          ? [zodWithoutJsonSchema(), ...subpackageChunks({ copies: SUBPACKAGES_ONLY }), ...bundleStats(process.env.LINLI_BUNDLE_STATS)]
          : [],
    },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
