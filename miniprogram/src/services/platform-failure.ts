/**
 * WeChat APIs that touch personal data (album, camera, files from chats, the clipboard, the
 * dialer) can fail in four ways that need different words:
 * - cancel: the person closed the picker or the dialog themselves: say nothing;
 * - privacy: they did not agree to the mini-program's 用户隐私保护指引 (errno 104, "privacy
 *   permission is not authorized"): say so and offer to open the guide (openPrivacyContract);
 * - permission: the phone's permission for WeChat or for this mini-program is off ("auth deny",
 *   "auth denied", "authorize no response"): say so and offer the settings page;
 * - undeclared: the API is missing from the guide we filed (errno 112, "api scope is not declared
 *   in the privacy agreement"): the office must update it; nothing the person can do.
 * Anything else is a plain failure.
 */
export type PlatformFailure = 'cancel' | 'privacy' | 'permission' | 'undeclared' | 'other';

export function failureOf(e: unknown): PlatformFailure {
  const errno = e !== null && typeof e === 'object' ? (e as { errno?: unknown }).errno : undefined;
  const message = String(
    (e !== null && typeof e === 'object' ? (e as { errMsg?: unknown }).errMsg : undefined) ?? (e instanceof Error ? e.message : (e ?? '')),
  );
  if (errno === 104 || /privacy permission is not authori[sz]ed/i.test(message)) return 'privacy';
  if (errno === 112 || /not declared in the privacy agreement/i.test(message)) return 'undeclared';
  if (/auth(orize)?:?\s*(deny|denied|no response)|permission denied|auth deny/i.test(message)) return 'permission';
  if (/cancel/i.test(message)) return 'cancel';
  return 'other';
}

/** What each gated use is called, for the message ("不能使用相册"). */
export type GatedUse = '相册' | '相机' | '聊天文件' | '剪贴板' | '拨打电话' | '扫码';

/** The Chinese message for a failure, or null when nothing should be said (cancel). */
export function refusalMessage(
  failure: PlatformFailure,
  use: GatedUse,
): { title: string; content: string; action: 'contract' | 'settings' | null } | null {
  switch (failure) {
    case 'cancel':
      return null;
    case 'privacy':
      return {
        title: `不能使用${use}`,
        content: `您还没有同意《用户隐私保护指引》，所以邻里不能使用${use}。可以先看看指引，同意后再试一次。`,
        action: 'contract',
      };
    case 'permission':
      return {
        title: `不能使用${use}`,
        content: `手机没有允许微信或邻里使用${use}。请在设置里打开权限后再试。`,
        action: 'settings',
      };
    case 'undeclared':
      return { title: `暂时不能使用${use}`, content: `小程序的隐私设置还没有更新，请联系社区工作人员。`, action: null };
    default:
      return { title: '没有成功', content: `${use}暂时打不开，请稍后再试。`, action: null };
  }
}
