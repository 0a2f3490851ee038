import type { ContentCheck } from '../../ports/content-check';

/** A small deterministic stand-in for WeChat's msgSecCheck, so tests can trigger a rejection. */
const BLOCKED = ['赌博', '色情', '毒品', '代开发票', '违禁词'];

export const wordListContentCheck: ContentCheck = {
  async checkText(text) {
    const hit = BLOCKED.find((w) => text.includes(w));
    return hit ? { pass: false, label: hit } : { pass: true };
  },
};
