import { ArrowLeftOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { Button, Card, Col, Descriptions, Flex, Row, Segmented, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { EvaluationProgress } from '../components/EvaluationProgress';
import { EvaluationStateTag } from '../components/EvaluationStateTag';
import { EvaluationTrend } from '../components/EvaluationTrend';
import { RankingBarChart } from '../components/EvaluationCharts';
import { PublishButton } from '../components/PublishButton';
import { RankingTable } from '../components/RankingTable';
import { RateCards } from '../components/RateCards';
import { levelLabel } from '../format-labels';
import { useEvaluation, useResults } from '../queries';
import { subjectLabel } from './EvaluationsPage';

/** 考评结果: the job's progress until done, then rates, ranking (table and bars) per level, trend, publish. */
export function EvaluationResultsPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAccess();
  const params = useListParams(['level'] as const);
  const evaluation = useEvaluation(id);
  const e = evaluation.data;
  useRecordCrumb(e?.name);
  const isDone = e?.state === 'done';
  const level = params.filters.level ?? e?.levels[0];
  const results = useResults(id, { level, page: params.page, pageSize: params.pageSize }, isDone);
  const page = results.data;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <Button
              type="text"
              aria-label={t('evaluation.back')}
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/evaluations')}
            />
            {e?.name ?? t('evaluation.results')}
            {e && <EvaluationStateTag state={e.state} />}
          </Space>
        }
        extra={isDone && can('evaluation.publish') && id && <PublishButton evaluationId={id} />}
      >
        <ApiErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />
        {!e && !evaluation.error && <Skeleton active />}
        {e && (
          <Descriptions column={{ xs: 1, md: 2, xl: 4 }} size="small">
            <Descriptions.Item label={t('evaluation.period')}>{e.period.label}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.framework')}>
              {e.framework.name}（{t('framework.versionN', { version: e.framework.version })}）
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.subjectLevel')}>{subjectLabel(t, e)}</Descriptions.Item>
            <Descriptions.Item label={t('evaluation.version')}>
              {t('evaluation.versionN', { version: e.version })}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.components')}>
              {e.scheme.components.map((c) => `${t(`evaluationComponentKind.${c.kind}`)} ${c.weight}%`).join(' + ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('evaluation.computedAt')}>
              {formatDateTime(e.computedAt) || '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
        {e && <EvaluationProgress evaluation={e} />}
      </Card>
      {e && isDone && (
        <>
          {e.levels.length > 1 && (
            <Segmented
              aria-label={t('evaluation.level')}
              value={level}
              onChange={(v) => params.setFilter('level', String(v))}
              options={e.levels.map((l) => ({ value: l, label: levelLabel(t, l) }))}
            />
          )}
          <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
          {page && <RateCards rates={page.rates} />}
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card size="small" title={t('evaluation.rankingChart')}>
                {page && (
                  <RankingBarChart
                    label={t('evaluation.rankingChart')}
                    bars={page.items
                      .filter((r) => r.score !== null)
                      .map((r) => ({
                        name: r.subject.name,
                        score: r.score ?? 0,
                        passed: r.passed,
                        excellent: r.excellent,
                      }))}
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <EvaluationTrend evaluationId={e.id} level={level} />
            </Col>
          </Row>
          <Card size="small" title={`${t('evaluation.ranking')} · ${levelLabel(t, level)}`}>
            <RankingTable
              evaluationId={e.id}
              scheme={e.scheme}
              items={page?.items}
              loading={results.isFetching}
              pagination={tablePagination(params, page?.total, (n) => t('evaluation.rankingCount', { total: n }))}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
