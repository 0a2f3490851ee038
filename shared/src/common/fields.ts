import { z } from 'zod';

/** Mainland mobile (1[3-9]x, 11 digits) or a landline with area code (010-12345678, 024-8888888). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export const phoneSchema = z
  .string()
  .trim()
  .regex(PHONE_PATTERN, { message: '电话号码格式不对：请填 11 位手机号，或带区号的座机号（如 024-88886666）' });

export const idSchema = z.string().trim().min(1, { message: '缺少编号' }).max(64);

export const personNameSchema = z
  .string()
  .trim()
  .min(1, { message: '请填写姓名' })
  .max(20, { message: '姓名最多 20 个字' });

export const shortTextSchema = (label: string, max = 60) =>
  z
    .string()
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}最多 ${max} 个字` });

/** ISO 8601 instant as produced by Date#toISOString. */
export const isoTimeSchema = z.string();

/** Masks a phone for people who may know there is one but not which (138****5678). */
export function maskPhone(phone: string): string {
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
