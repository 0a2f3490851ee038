/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    /** The platform being built: weapp for WeChat, h5 for the local browser build. */
    TARO_ENV: 'weapp' | 'h5';
    TARO_APP_ID: string;
  }
}

/** CloudBase environment id, injected by defineConstants (config/index.ts). */
declare const CLOUD_ENV: string;

/** WeChat's loader of a declared plugin (app.json `plugins`): the 同声传译 plugin reads notices aloud. */
declare function requirePlugin(name: string): unknown;
