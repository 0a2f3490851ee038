import { formatShanghai } from '../common/time';

export type BookingMessageKind = 'dayBefore' | 'hourBefore' | 'promoted' | 'closedDay';

const clip = (text: string, max = 20): string => {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
};

const TIPS: Record<BookingMessageKind, (code: string) => string> = {
  dayBefore: (code) => `请按时前往，预约码 ${code}`,
  hourBefore: (code) => `快到时间了，预约码 ${code}`,
  promoted: (code) => `候补成功，预约码 ${code}`,
  closedDay: () => '这天停办，预约已取消，请改约',
};

/**
 * The data of the 预约提醒 subscribe message (服务名称 thing1, 预约时间 time2, 地点 thing3,
 * 温馨提示 thing4). WeChat's thing fields hold at most 20 characters.
 */
export function bookingMessageData(
  b: { serviceName: string; startAt: string; location: string; code: string },
  kind: BookingMessageKind,
): Record<string, string> {
  return {
    thing1: clip(b.serviceName),
    time2: formatShanghai(b.startAt),
    thing3: clip(b.location),
    thing4: clip(TIPS[kind](b.code)),
  };
}
