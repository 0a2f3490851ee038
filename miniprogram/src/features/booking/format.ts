import { formatShanghai, WEEKDAY_LABELS } from '@linli/shared';

/** Times as a resident reads them, always on the Shanghai clock whatever the phone's zone. */
export const dayLabel = (date: string) => {
  const [, m, d] = date.split('-');
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return `${Number(m)}月${Number(d)}日 ${WEEKDAY_LABELS[weekday]}`;
};

export const timeRange = (startAt: string, endAt: string) => `${formatShanghai(startAt, 'HH:mm')}–${formatShanghai(endAt, 'HH:mm')}`;

export const whenLabel = (b: { date: string; startAt: string; endAt: string }) => `${dayLabel(b.date)} ${timeRange(b.startAt, b.endAt)}`;

export const shortTime = (iso: string) => formatShanghai(iso, 'M月D日 HH:mm');

/** ABCDEF → ABC DEF: easier to read out at the counter. */
export const spacedCode = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

/** "30 分钟", "2 小时", "1 天" for the rules shown to residents. */
export function minutesText(minutes: number): string {
  if (minutes === 0) return '0 分钟';
  if (minutes % 1440 === 0) return `${minutes / 1440} 天`;
  if (minutes % 60 === 0) return `${minutes / 60} 小时`;
  return `${minutes} 分钟`;
}
