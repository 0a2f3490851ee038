import Taro from '@tarojs/taro';
import { failureOf, refusalMessage, type GatedUse } from './platform-failure';

export type { GatedUse } from './platform-failure';

/** Opens the mini-program's 用户隐私保护指引 (WeChat shows the guide the office filed). */
export function openPrivacyGuide(): void {
  if (process.env.TARO_ENV === 'weapp' && typeof Taro.openPrivacyContract === 'function') {
    Taro.openPrivacyContract({ fail: () => void Taro.showToast({ title: '指引暂时打不开，请稍后再试', icon: 'none' }) });
    return;
  }
  void Taro.showModal({
    title: '用户隐私保护指引',
    content:
      '邻里只为办事收集必要的信息：姓名、电话和住址用于核对住户身份和联系您；照片和文件只用于您提交的诉求和通知。在微信里可以看到完整的指引。',
    showCancel: false,
    confirmText: '知道了',
  });
}

/** Tells the person why a gated call failed, with the one action that can help. */
export async function explainRefusal(e: unknown, use: GatedUse): Promise<void> {
  const message = refusalMessage(failureOf(e), use);
  if (!message) return;
  const { confirm } = await Taro.showModal({
    title: message.title,
    content: message.content,
    showCancel: message.action !== null,
    cancelText: '取消',
    confirmText: message.action === 'contract' ? '查看指引' : message.action === 'settings' ? '去设置' : '知道了',
  });
  if (!confirm) return;
  if (message.action === 'contract') openPrivacyGuide();
  else if (message.action === 'settings') void Taro.openSetting().catch(() => undefined);
}

/**
 * Runs a privacy-gated WeChat call. Answers its result, or null when it did not happen (the
 * person cancelled, or was told why it could not happen).
 */
export async function gatedCall<T>(use: GatedUse, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (e) {
    await explainRefusal(e, use).catch(() => undefined);
    return null;
  }
}

/** Copies text for the person to paste elsewhere (a building's group chat), and says so. */
export async function copyText(data: string, done: string): Promise<void> {
  const copied = await gatedCall('剪贴板', () => Taro.setClipboardData({ data }));
  if (copied) void Taro.showToast({ title: done, icon: 'none' });
}
