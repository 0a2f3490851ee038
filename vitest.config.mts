import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Taro's packages point their source maps at files they do not ship (a warning per file): load them without. */
const taroWithoutSourceMaps: Plugin = {
  name: 'taro-without-source-maps',
  enforce: 'pre',
  load(id) {
    if (!/node_modules\/@tarojs\/.*\.js$/.test(id)) return null;
    return { code: readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/gm, ''), map: null };
  },
};

/**
 * Two projects, one run (`npm test` counts both from one report):
 * - `node`: shared rules, the functions against SQLite, the scripts;
 * - `app`: the mini-program's own tests, hooks and components rendered in happy-dom with Taro's
 *   browser build standing in for WeChat (its React components and its h5 APIs, TARO_ENV=h5).
 */
export default defineConfig({
  resolve: {
    alias: { '@linli/shared': here('./shared/src/index.ts') },
  },
  test: {
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['shared/src/**/*.test.ts', 'cloudfunctions/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [taroWithoutSourceMaps],
        resolve: {
          alias: [
            { find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' },
            { find: /^@tarojs\/taro$/, replacement: '@tarojs/plugin-platform-h5/dist/runtime/apis' },
          ],
        },
        define: {
          // what Taro's h5 build defines (@tarojs/vite-runner's h5 config)
          'process.env.TARO_ENV': JSON.stringify('h5'),
          'process.env.TARO_PLATFORM': JSON.stringify('web'),
          'process.env.FRAMEWORK': JSON.stringify('react'),
          'process.env.SUPPORT_TARO_POLYFILL': JSON.stringify('disabled'),
          'process.env.SUPPORT_DINGTALK_NAVIGATE': JSON.stringify('disabled'),
          DEPRECATED_ADAPTER_COMPONENT: 'false',
          CLOUD_ENV: JSON.stringify('test-env'),
          LINLI_TEMPLATE_IDS: '{}',
          LINLI_LONG_TERM_TEMPLATES: '[]',
        },
        test: {
          name: 'app',
          include: ['miniprogram/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: [here('./miniprogram/test/setup.ts')],
          // Taro's packages ship untranspiled ESM with CSS imports: let Vite transform them
          server: { deps: { inline: [/@tarojs\//] } },
        },
      },
    ],
  },
});
