// The app project's setup (vitest.config.mts).
import { cleanup } from '@testing-library/react';
import Taro from '@tarojs/taro';
import * as h5Apis from '@tarojs/taro';
import { afterEach, vi } from 'vitest';

// Taro's h5 build rewrites `Taro.showModal` and its kin into named imports of its API module
// (babel-plugin-transform-taroapi); here the default object gets them, so code and spies meet
for (const [name, api] of Object.entries(h5Apis))
  if (name !== 'default' && !(name in Taro)) (Taro as unknown as Record<string, unknown>)[name] = api;

// each test starts on an empty document with fresh mocks
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.clearAllMocks();
});
