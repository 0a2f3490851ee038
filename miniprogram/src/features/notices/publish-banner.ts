import type { MessageOutlook } from '@linli/shared';

type Banner = { text: string; tone: 'ok' | 'warn' };

/**
 * The truth about WeChat messages for a publisher: how many people will get one and how many
 * allowed none — never a promise of messages nobody can be sent. `later`: they go out at a
 * scheduled time, not now.
 */
function messagesLine({ recipients, willReceive, noGrant }: MessageOutlook, later: boolean): Banner {
  if (recipients === 0) return { text: '这些住户还没有人用小程序，没有人能收到微信提醒，请用敲门清单通知到户。', tone: 'warn' };
  if (willReceive === 0)
    return {
      text: `这次没有人能收到微信提醒：${noGrant} 人都没有开微信提醒。他们打开小程序能在“通知”里看到；急事请用敲门清单或打电话。`,
      tone: 'warn',
    };
  const soon = later ? '到时 ' : '';
  const arrives = later ? '发布时送出' : '一般 1 分钟内送到';
  if (noGrant === 0) return { text: `${soon}${willReceive} 人都会收到微信提醒，${arrives}。`, tone: 'ok' };
  return {
    text: `${soon}${willReceive} 人会收到微信提醒，${arrives}；另有 ${noGrant} 人没有开微信提醒，收不到，急事请用敲门清单。`,
    tone: 'ok',
  };
}

/**
 * What the publisher is told right after publishing: that it is out (or when it will be), and
 * what WeChat messages it will bring. `outlook` is null when the page was opened without it (an
 * old link): then nothing is said about messages.
 */
export function publishBanner(notice: { scheduled: boolean; whenText: string }, outlook: MessageOutlook | null): Banner {
  const head = notice.scheduled ? `已安排在 ${notice.whenText} 发布。` : '已发布。';
  if (!outlook) return { text: head, tone: 'ok' };
  const line = messagesLine(outlook, notice.scheduled);
  return { text: head + line.text, tone: line.tone };
}

/** After "remind the unread": how many were reminded, and how many of them WeChat can reach. */
export function remindBanner(queued: number, outlook: MessageOutlook): Banner {
  if (queued === 0) return { text: '没有需要再提醒的人：没看的人的第一条提醒还在路上，或大家都看过了。', tone: 'ok' };
  const line = messagesLine(outlook, false);
  return { text: `已再提醒 ${queued} 位还没看的人。${line.text}`, tone: line.tone };
}

/** The outlook as the reach page reads it from its query parameters, or null. */
export function outlookFromParams(params: Record<string, string | undefined>): MessageOutlook | null {
  const n = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : null);
  const recipients = n(params.recipients);
  const willReceive = n(params.willReceive);
  const noGrant = n(params.noGrant);
  return recipients === null || willReceive === null || noGrant === null ? null : { recipients, willReceive, noGrant };
}

/** The outlook as the publish form hands it to the reach page: its query parameters. */
export const outlookParams = ({ recipients, willReceive, noGrant }: MessageOutlook) => ({ recipients, willReceive, noGrant });
