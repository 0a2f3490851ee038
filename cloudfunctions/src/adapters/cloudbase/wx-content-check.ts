import type { ContentCheck, ContentVerdict, ImageVerdict } from '../../ports/content-check';
import { wxErrCode, wxErrorText, type WxOpenApi } from './wx-openapi';

/** msgSecCheck v1's "risky content" error; v2 answers a suggestion instead, but keep the old meaning. */
const WX_RISKY_CONTENT = 87014;

/**
 * security.msgSecCheck v2 for text, security.mediaCheckAsync v2 for images, by cloud call.
 * An unavailable text check throws: unchecked text must not be published. An image check answers
 * later (a `wxa_media_check` push to the requests function), so it answers pending with WeChat's
 * trace id; a failed call answers pending with no trace id: the photo is held from everyone but
 * its uploader (never shown unchecked) and the request it came with is still stored.
 */
export function wxContentCheck(openapi: () => Pick<WxOpenApi, 'security'>, mediaUrl: (fileId: string) => Promise<string>): ContentCheck {
  return {
    async checkImage(fileId, openid): Promise<ImageVerdict> {
      try {
        // mediaType 2 = image, scene 1 = 资料 (a resident's own material attached to a request)
        const answer = await openapi().security.mediaCheckAsync({
          mediaUrl: await mediaUrl(fileId),
          mediaType: 2,
          version: 2,
          scene: 1,
          openid,
        });
        if (typeof answer.traceId !== 'string' || answer.traceId === '') throw new Error('no traceId in the answer');
        return { pending: true, traceId: answer.traceId };
      } catch (e) {
        console.error('security.mediaCheckAsync failed', { fileId, errCode: wxErrCode(e), error: wxErrorText(e) });
        return { pending: true, traceId: null };
      }
    },
    async checkText(text, openid): Promise<ContentVerdict> {
      let answer: Awaited<ReturnType<WxOpenApi['security']['msgSecCheck']>>;
      try {
        // scene 2 = comment: residents' requests and replies are judged as comments
        answer = await openapi().security.msgSecCheck({ content: text, version: 2, scene: 2, openid });
      } catch (e) {
        if (wxErrCode(e) === WX_RISKY_CONTENT) return { pass: false, label: 'risky' };
        throw new Error(`security.msgSecCheck failed: ${wxErrCode(e) ?? ''} ${wxErrorText(e)}`.trim());
      }
      const suggest = answer.result?.suggest;
      if (suggest === 'pass') return { pass: true };
      if (suggest === 'risky' || suggest === 'review') return { pass: false, label: String(answer.result?.label ?? suggest) };
      throw new Error(`security.msgSecCheck: unexpected answer ${JSON.stringify(answer.result ?? null)}`);
    },
  };
}
