// Display formats that follow the UI language.
import i18n from 'i18next';

/** `2026/3/1 14:05` in the UI language; '' for empty input, the raw text when it is no date. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(i18n.language || 'zh-CN', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'Asia/Shanghai',
  }).format(date);
}

/** A safe in-app path from a `?next=` parameter (no other origins). */
export function safeNextPath(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//')) return fallback;
  return next;
}
