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

/**
 * The live counter under a text box with a limit, counted as the functions count it (the trimmed
 * text): how much is written, and past the limit how much to take out — a long text is never cut
 * without a word.
 */
export function lengthCounter(value: string, max: number): { text: string; over: boolean } {
  const n = value.trim().length;
  if (n > max) return { text: `超出 ${n - max} 个字：最多 ${max} 个字，请删减一些再提交`, over: true };
  return { text: `${n} / ${max} 字`, over: false };
}
