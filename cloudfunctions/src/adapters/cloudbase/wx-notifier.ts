import type { Notifier, NotifyOutcome } from '../../ports/notifier';
import { wxErrCode, wxErrorText, type WxOpenApi } from './wx-openapi';

/** The person has no subscription left for this template (or refused it). */
const WX_NO_GRANT = 43101;
/** -1 system busy, 45011 minute quota reached: nothing was sent, try again a little later. */
const WX_SLOW_DOWN = [-1, 45011];

export type MiniprogramState = 'developer' | 'trial' | 'formal';

/**
 * subscribeMessage.send by cloud call: one message to one person, spending one of their grants.
 * `miniprogramState` says which version of the app the message opens (formal = the released one).
 */
export function wxSubscribeNotifier(openapi: () => Pick<WxOpenApi, 'subscribeMessage'>, miniprogramState: MiniprogramState): Notifier {
  return {
    async send(message): Promise<NotifyOutcome> {
      try {
        await openapi().subscribeMessage.send({
          touser: message.toOpenid,
          templateId: message.template,
          page: message.page,
          data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
          miniprogramState,
          lang: 'zh_CN',
        });
        return 'sent';
      } catch (e) {
        const code = wxErrCode(e);
        if (code === WX_NO_GRANT) return 'no-grant';
        if (code !== null && WX_SLOW_DOWN.includes(code)) return 'rate-limited';
        // the outbox retries failed deliveries; a thrown error would only lose the outcome
        console.error('subscribeMessage.send failed', { errCode: code, error: wxErrorText(e), template: message.template });
        return 'failed';
      }
    },
  };
}
