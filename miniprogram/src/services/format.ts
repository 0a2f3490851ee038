import { inShanghai } from '@linli/shared';

/** 13800001234 → 138 0000 1234: easier to read out and to check. Landlines keep their dash. */
export function formatPhone(phone: string): string {
  const p = phone.trim();
  if (/^1\d{10}$/.test(p)) return `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}`;
  return p;
}

/** Times read on a Shanghai wall clock, whatever the phone's own time zone. */
export function formatDateTime(iso: string): string {
  const d = inShanghai(iso);
  return d.isValid() ? d.format('YYYY年M月D日 HH:mm') : iso;
}

export function formatDate(iso: string): string {
  const d = inShanghai(iso);
  return d.isValid() ? d.format('YYYY年M月D日') : iso;
}

/** Splits a textarea into one entry per line (also accepting ，、; as separators). */
export function splitLines(value: string): string[] {
  return value
    .split(/[\n，,、；;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A query parameter as text: WeChat hands them over still encoded, the browser build decoded. */
export function decodeParam(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
