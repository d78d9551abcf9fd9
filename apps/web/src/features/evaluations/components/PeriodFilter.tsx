import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** Month filter of the evaluation list: `2026-10`, matching evaluations whose period holds that month. */
export function PeriodFilter({ value, onChange }: { value?: string; onChange: (v: string | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      aria-label={t('evaluation.filterPeriod')}
      placeholder={t('evaluation.period')}
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(d) => onChange(d ? d.format('YYYY-MM') : undefined)}
      style={{ width: 140 }}
    />
  );
}
