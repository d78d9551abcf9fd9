// What earned a time-bank line, in the UI language: "活动：…" or "服务订单：…（FW…）" (no UI kit: the phone uses it too).
import type { TimebankEntrySource } from '@wenming/contracts';

type T = (key: string, options?: Record<string, unknown>) => string;

export function describeEntrySource(source: TimebankEntrySource | null | undefined, t: T): string {
  if (!source) return '';
  return source.kind === 'order'
    ? t('tbSource.order', { title: source.title, number: source.number ?? '' })
    : t('tbSource.activity', { title: source.title });
}
