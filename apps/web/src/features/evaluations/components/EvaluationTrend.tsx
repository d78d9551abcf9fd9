import type { EvaluationTrendView } from '@wenming/contracts';
import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useTrend } from '../queries';
import { type TrendSeries, TrendLineChart } from './EvaluationCharts';

const rateKeys = ['pass', 'excellent', 'compliance', 'rectification'] as const;

/** Average score of a level's subjects per period (null where nobody of the level was scored). */
export function averageScores(trend: EvaluationTrendView, level: string | undefined): (number | null)[] {
  const rows = trend.subjects.filter((s) => !level || s.subject.level === level);
  return trend.periods.map((_, i) => {
    const scores = rows.map((r) => r.scores[i]).filter((s): s is number => s !== null && s !== undefined);
    return scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
  });
}

/** 历期趋势: the level's four rates and its average score over this and the series' previous periods. */
export function EvaluationTrend({ evaluationId, level }: { evaluationId: string; level: string | undefined }) {
  const { t } = useTranslation();
  const trend = useTrend(evaluationId, true);
  const data = trend.data;
  const series: TrendSeries[] = data
    ? [
        ...rateKeys.map((k) => ({
          name: t(`evaluation.rate.${k}`),
          values: data.periods.map((p) => (level ? (p.rates[level]?.[k]?.percent ?? null) : null)),
        })),
        { name: t('evaluation.trendAverage'), values: averageScores(data, level) },
      ]
    : [];
  return (
    <Card size="small" title={t('evaluation.trendChart')}>
      <ApiErrorAlert error={trend.error} />
      {data && data.periods.length === 0 && <Empty description={t('evaluation.noTrend')} />}
      {data && data.periods.length > 0 && (
        <TrendLineChart label={t('evaluation.trendChart')} periods={data.periods.map((p) => p.label)} series={series} />
      )}
    </Card>
  );
}
