import { useTranslation } from 'react-i18next';
import { splitMinutes } from '../order-format';

/** Minutes as "1 天 2 小时 5 分钟", the largest parts only; '—' for none. */
export function Duration({ minutes }: { minutes: number | null | undefined }) {
  const { t } = useTranslation();
  if (minutes === null || minutes === undefined) return <>—</>;
  const s = splitMinutes(minutes);
  const parts = [
    s.days ? t('dur.d', { n: s.days }) : '',
    s.hours ? t('dur.h', { n: s.hours }) : '',
    s.minutes || (!s.days && !s.hours) ? t('dur.m', { n: s.minutes }) : '',
  ].filter(Boolean);
  return <>{parts.join(' ')}</>;
}
