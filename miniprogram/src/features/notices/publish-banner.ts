import type { MessageOutlook } from '@linli/shared';

/**
 * What the publisher is told right after publishing: that it is out (or when it will be), and the
 * truth about WeChat messages — how many people will get one, how many allowed none — never a
 * promise of messages nobody can be sent. `outlook` is null when the page was opened without it
 * (an old link): then nothing is said about messages.
 */
export function publishBanner(
  notice: { scheduled: boolean; whenText: string },
  outlook: MessageOutlook | null,
): { text: string; tone: 'ok' | 'warn' } {
  const head = notice.scheduled ? `已安排在 ${notice.whenText} 发布。` : '已发布。';
  if (!outlook) return { text: head, tone: 'ok' };
  const { recipients, willReceive, noGrant } = outlook;
  if (recipients === 0)
    return { text: `${head}这些住户还没有人用小程序，没有人能收到微信提醒，请用敲门清单通知到户。`, tone: 'warn' };
  const soon = notice.scheduled ? '到时 ' : '';
  const arrives = notice.scheduled ? '发布时送出' : '一般 1 分钟内送到';
  if (willReceive === 0)
    return {
      text: `${head}这次没有人能收到微信提醒：${noGrant} 人都没有开微信提醒。他们打开小程序能在“通知”里看到；急事请用敲门清单或打电话。`,
      tone: 'warn',
    };
  if (noGrant === 0) return { text: `${head}${soon}${willReceive} 人都会收到微信提醒，${arrives}。`, tone: 'ok' };
  return {
    text: `${head}${soon}${willReceive} 人会收到微信提醒，${arrives}；另有 ${noGrant} 人没有开微信提醒，收不到，急事请用敲门清单。`,
    tone: 'ok',
  };
}

/** The outlook as the publish form hands it to the reach page (query parameters), or null. */
export function outlookFromParams(params: Record<string, string | undefined>): MessageOutlook | null {
  const n = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
  const recipients = n(params.recipients);
  const willReceive = n(params.willReceive);
  const noGrant = n(params.noGrant);
  return recipients === null || willReceive === null || noGrant === null ? null : { recipients, willReceive, noGrant };
}

export const outlookParams = (o: MessageOutlook) => `recipients=${o.recipients}&willReceive=${o.willReceive}&noGrant=${o.noGrant}`;
