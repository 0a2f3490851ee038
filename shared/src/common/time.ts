import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Time is Asia/Shanghai throughout. China has had no daylight saving since 1991, so the zone is
 * a fixed UTC+8: a fixed offset gives the same answers as the tz database everywhere, including
 * WeChat's JS engines where Intl time-zone support is not guaranteed.
 */
export const SHANGHAI_OFFSET_MINUTES = 480;

/** An instant (Date or ISO string) seen on a Shanghai wall clock. */
export const inShanghai = (at: Date | string | number): Dayjs => dayjs(at).utcOffset(SHANGHAI_OFFSET_MINUTES);

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000;

/**
 * The Shanghai calendar date of an instant, as YYYY-MM-DD. Plain Date arithmetic rather than
 * dayjs: deadline and slot rules call this for every day they count, in sweeps over thousands.
 */
export const shanghaiDate = (at: Date | string | number): string => new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The instant of a Shanghai wall-clock time, e.g. shanghaiInstant('2026-10-08', '09:00'). */
export function shanghaiInstant(date: string, time = '00:00'): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - OFFSET_MS);
}

/** 2026-11-20 10:00 style, for people. */
export const formatShanghai = (at: Date | string | number, pattern = 'YYYY-MM-DD HH:mm'): string => inShanghai(at).format(pattern);

export { dayjs };
