import { z } from 'zod';

/** Mainland mobile (1[3-9]x, 11 digits) or a landline with area code (010-12345678, 024-8888888). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** What the phone fields and their error say to write: the same examples everywhere. */
export const PHONE_HINT = '11 位手机号，或带区号的座机号（如 024-88886666，横线可以不写）';

/**
 * A phone number as people write it, brought to the form PHONE_PATTERN reads: full-width digits
 * and dashes (from a Chinese keyboard) made plain, a bracketed or space-separated area code
 * ((024)88886666, 024 88886666) joined with a dash, the +86 before a mobile dropped, other spaces
 * taken out (138 0000 1234, 138-0000-1234). Anything else is left for the pattern to refuse.
 */
export function normalizePhone(input: string): string {
  let p = input.trim().replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  p = p.replace(/[\uFF0D\u2010-\u2015\u2212\uFE63]/g, '-');
  p = p.replace(/^\+?86[\s-]*(?=1[3-9])/, '');
  // a mobile grouped with dashes (138-0400-1001): only its digits
  if (/^1[3-9][\d\s-]+$/.test(p) && p.replace(/[\s-]/g, '').length === 11) return p.replace(/[\s-]/g, '');
  p = p.replace(/^[(\uFF08]\s*(0\d{2,3})\s*[)\uFF09]\s*-?\s*/, '$1-');
  p = p.replace(/^(0\d{2,3})\s+(?=\d)/, '$1-');
  return p.replace(/\s+/g, '');
}

export const phoneSchema = z
  .string()
  .transform(normalizePhone)
  .pipe(z.string().regex(PHONE_PATTERN, { message: `电话号码格式不对：请填${PHONE_HINT}` }));

export const idSchema = z.string().trim().min(1, { message: '缺少编号' }).max(64);

export const personNameSchema = z.string().trim().min(1, { message: '请填写姓名' }).max(20, { message: '姓名最多 20 个字' });

export const shortTextSchema = (label: string, max = 60) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}最多 ${max} 个字` });

/** The first phone number inside a free-text contact such as "王老师 024-88886666". */
export function findPhone(textValue: string): string | null {
  const match = textValue.match(/1[3-9]\d{9}|0\d{2,3}-?\d{7,8}/);
  return match && PHONE_PATTERN.test(match[0]) ? match[0] : null;
}

/** YYYY-MM-DD that names a day of the calendar: 2026-02-31 does not exist (Date would read it as March 3). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** A calendar date (Shanghai), as every contract accepts one. */
export const calendarDateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期要写成 2026-12-01 这样的格式' })
  .refine(isCalendarDate, { message: '没有这一天，请核对月份和日子（如 2 月只有 28 或 29 天）' });

/** ISO 8601 instant as produced by Date#toISOString. */
export const isoTimeSchema = z.string();

/** Masks a phone for people who may know there is one but not which (138****5678). */
export function maskPhone(phone: string): string {
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
