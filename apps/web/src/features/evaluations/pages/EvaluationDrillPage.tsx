import type { IndicatorScoreView } from '@wenming/contracts';
import { Breadcrumb, Card, Descriptions, Flex, Skeleton, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DeductionsList } from '../components/DeductionsList';
import { IndicatorPointsTable } from '../components/IndicatorPointsTable';
import { IndicatorScoreTable } from '../components/IndicatorScoreTable';
import { PointInspections } from '../components/PointInspections';
import { ScoreBreakdown } from '../components/ScoreBreakdown';
import { Movement, ResultTags } from '../components/RankingTable';
import { formatScore } from '../format';
import { levelLabel } from '../format-labels';
import { useEvaluation, useSubjectDetail } from '../queries';

/**
 * 逐一查摆失分项目: subject → indicator → point → inspections with findings and photos, all in the URL
 * (`?subject=&indicator=&point=`), with a breadcrumb back up; the subject's 失分项 list exports to Excel.
 */
export function EvaluationDrillPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const subject = search.get('subject') ?? undefined;
  const indicatorId = search.get('indicator') ?? undefined;
  const pointId = search.get('point') ?? undefined;
  const pointName = search.get('pointName') ?? undefined;
  const tab = search.get('tab') ?? 'indicators';
  const evaluation = useEvaluation(id);
  const detail = useSubjectDetail(id, subject);
  const d = detail.data;
  const indicator = d?.indicators.find((i) => i.indicatorId === indicatorId);
  const base = `/evaluations/${id}/drill?subject=${encodeURIComponent(subject ?? '')}`;

  const go = (patch: Record<string, string | undefined>) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
      return next;
    });
  const indicatorHref = (r: IndicatorScoreView) => `${base}&indicator=${r.indicatorId}`;

  const crumbs = [
    { title: <Link to="/evaluations">{t('evaluation.title')}</Link> },
    { title: <Link to={`/evaluations/${id}`}>{evaluation.data?.name ?? '…'}</Link> },
    { title: indicatorId ? <Link to={base}>{d?.result.subject.name ?? '…'}</Link> : (d?.result.subject.name ?? '…') },
    ...(indicatorId
      ? [
          {
            title: pointId ? (
              <Link to={`${base}&indicator=${indicatorId}`}>
                {indicator ? `${indicator.code} ${indicator.name}` : '…'}
              </Link>
            ) : indicator ? (
              `${indicator.code} ${indicator.name}`
            ) : (
              '…'
            ),
          },
        ]
      : []),
    ...(pointId ? [{ title: pointName ?? t('evaluation.point') }] : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={crumbs} />
      <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      {!d && !detail.error && <Skeleton active />}
      {d && (
        <Card size="small" title={`${d.result.subject.name} · ${levelLabel(t, d.result.subject.level)}`}>
          <Descriptions column={{ xs: 1, md: 3, xl: 6 }} size="small">
            <Descriptions.Item label={t('evaluation.score')}>
              <Typography.Text strong>{formatScore(d.result.score)}</Typography.Text> /{' '}
              {formatScore(d.result.fullScore)}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.rank')}>{d.result.rank ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.movement')}>
              <Movement change={d.result.rankChange} />
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.sampledPoints')}>{d.result.sampledPoints}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.negativeDeduction')}>
              {formatScore(d.result.negativeDeduction)}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.tags')}>
              <ResultTags r={d.result} />
            </Descriptions.Item>
            {evaluation.data && (
              <Descriptions.Item label={t('evaluation.breakdown')} span="filled">
                <ScoreBreakdown result={d.result} scheme={evaluation.data.scheme} />
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {d && id && subject && !indicatorId && (
        <Card size="small">
          <Tabs
            activeKey={tab}
            onChange={(k) => go({ tab: k === 'indicators' ? undefined : k })}
            items={[
              {
                key: 'indicators',
                label: t('evaluation.indicatorScores'),
                children: <IndicatorScoreTable rows={d.indicators} hrefOf={indicatorHref} />,
              },
              {
                key: 'deductions',
                label: t('evaluation.deductions'),
                children: <DeductionsList evaluationId={id} subject={subject} hrefOf={indicatorHref} />,
              },
            ]}
          />
        </Card>
      )}
      {id && subject && indicatorId && !pointId && (
        <Card size="small" title={t('evaluation.indicatorPoints', { name: indicator?.name ?? '' })}>
          <IndicatorPointsTable
            evaluationId={id}
            subject={subject}
            indicatorId={indicatorId}
            hrefOf={(p) => `${base}&indicator=${indicatorId}&point=${p.id}&pointName=${encodeURIComponent(p.name)}`}
          />
        </Card>
      )}
      {id && subject && pointId && (
        <Card size="small" title={t('evaluation.pointInspections', { name: pointName ?? '' })}>
          <PointInspections evaluationId={id} subject={subject} pointId={pointId} indicatorId={indicatorId} />
        </Card>
      )}
    </Flex>
  );
}
