import { MiniCodeError, type MiniCode } from '../../ports/mini-code';
import type { MiniprogramState } from './wx-notifier';
import { wxErrCode, wxErrorText, type WxOpenApi } from './wx-openapi';

const ENV_VERSIONS = { formal: 'release', trial: 'trial', developer: 'develop' } as const;

/** Printed at about 5 cm on an A4 poster: 430 px (WeChat's default) scans from a metre away. */
export const MINI_CODE_WIDTH = 430;

/**
 * wxacode.getUnlimited by cloud call: `scene` (at most 32 visible characters) reaches the page as
 * its `scene` query. The code opens the version the deploy names (LINLI_MINIPROGRAM_STATE, the
 * same setting subscribe messages use); outside the released version the page may not exist
 * there yet, so WeChat is told not to check it (check_path false).
 */
export function wxMiniCode(openapi: () => Pick<WxOpenApi, 'wxacode'>, state: MiniprogramState): MiniCode {
  return {
    async unlimited({ scene, page }) {
      let answer: Awaited<ReturnType<WxOpenApi['wxacode']['getUnlimited']>>;
      try {
        answer = await openapi().wxacode.getUnlimited({
          scene,
          page,
          checkPath: state === 'formal',
          envVersion: ENV_VERSIONS[state],
          width: MINI_CODE_WIDTH,
        });
      } catch (e) {
        console.error('wxacode.getUnlimited failed', { scene, page, errCode: wxErrCode(e), error: wxErrorText(e) });
        throw new MiniCodeError(wxErrCode(e), wxErrorText(e));
      }
      if (!answer.buffer || answer.buffer.length === 0 || !/^image\//.test(answer.contentType ?? ''))
        throw new MiniCodeError(null, `wxacode.getUnlimited answered no image (${answer.contentType ?? 'no content type'})`);
      return { contentType: answer.contentType!, bytes: new Uint8Array(answer.buffer) };
    },
  };
}
