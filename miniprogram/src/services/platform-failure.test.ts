import { describe, expect, it } from 'vitest';
import { failureOf, refusalMessage } from './platform-failure';

describe('why a privacy-gated WeChat call failed', () => {
  it.each<[string, unknown, ReturnType<typeof failureOf>]>([
    ['the person closed the album', { errMsg: 'chooseMedia:fail cancel' }, 'cancel'],
    ['the person closed the scanner', { errMsg: 'scanCode:fail cancel' }, 'cancel'],
    [
      'the privacy pop-up was refused (errno 104)',
      { errno: 104, errMsg: 'chooseMedia:fail privacy permission is not authorized' },
      'privacy',
    ],
    ['the privacy pop-up was refused, message only', { errMsg: 'setClipboardData:fail privacy permission is not authorized' }, 'privacy'],
    [
      'the API is not in the filed guide (errno 112)',
      { errno: 112, errMsg: 'chooseMessageFile:fail api scope is not declared in the privacy agreement' },
      'undeclared',
    ],
    ['the camera permission is off', { errMsg: 'chooseMedia:fail auth deny' }, 'permission'],
    ['the system refused', { errMsg: 'scanCode:fail authorize no response' }, 'permission'],
    ['an unknown failure', { errMsg: 'makePhoneCall:fail system error' }, 'other'],
    ['a thrown Error', new Error('boom'), 'other'],
  ])('%s → %s', (_label, e, expected) => {
    expect(failureOf(e)).toBe(expected);
  });

  it('says nothing on cancel, and names the one action that helps otherwise', () => {
    expect(refusalMessage('cancel', '相册')).toBeNull();
    expect(refusalMessage('privacy', '相册')).toMatchObject({ action: 'contract', content: expect.stringContaining('用户隐私保护指引') });
    expect(refusalMessage('permission', '相机')).toMatchObject({ action: 'settings', content: expect.stringContaining('相机') });
    expect(refusalMessage('undeclared', '剪贴板')?.action).toBeNull();
    expect(refusalMessage('other', '扫码')?.content).toContain('扫码');
  });
});
