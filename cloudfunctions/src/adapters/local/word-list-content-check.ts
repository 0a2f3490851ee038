import type { ContentCheck } from '../../ports/content-check';

/** A small deterministic stand-in for WeChat's msgSecCheck, so tests can trigger a rejection. */
const BLOCKED = ['赌博', '色情', '毒品', '代开发票', '违禁词'];

const byWordList = (text: string) => {
  const hit = BLOCKED.find((w) => text.includes(w));
  return hit ? { pass: false as const, label: hit } : { pass: true as const };
};

export const wordListContentCheck: ContentCheck = {
  async checkText(text) {
    return byWordList(text);
  },
  /** Answers at once from the file id (the local host checks the uploaded file's name instead). */
  async checkImage(fileId) {
    return byWordList(fileId);
  },
};
