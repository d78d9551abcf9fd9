import type { QuestionnaireView, RegionLevel, SurveyRate, SurveyResultRow } from '@wenming/contracts';
import { Card, Col, Empty, Row, Select, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { useSurveyResults } from '../queries';
import { SurveyResultsChart } from './SurveyResultsChart';

function useRate() {
  const { t } = useTranslation();
  return (r: SurveyRate | null | undefined) =>
    r && r.percent !== null ? t('qn.rate', { percent: r.percent, n: r.numerator, d: r.denominator }) : t('qn.noRate');
}

/** Totals, the bar chart and the table of rates per area at the chosen level, and each question's rate. */
export function SurveyResultsCard(props: {
  q: QuestionnaireView;
  level: RegionLevel;
  levels: readonly RegionLevel[];
  onLevel: (level: RegionLevel) => void;
}) {
  const { q, level, levels, onLevel } = props;
  const { t } = useTranslation();
  const rate = useRate();
  const results = useSurveyResults(q.id, level);
  const levelOptions = useEnumOptions('regionLevel', levels);
  const r = results.data;
  const percent = (x: SurveyRate | null | undefined) => (x?.percent === null || !x ? '—' : x.percent);

  return (
    <Card
      title={t('qn.results')}
      size="small"
      extra={
        <Select
          aria-label={t('qn.level')}
          value={level}
          onChange={onLevel}
          options={levelOptions}
          style={{ width: 140 }}
        />
      }
    >
      <ApiErrorAlert error={results.error} onRetry={() => void results.refetch()} />
      {r && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}>
              <Statistic title={t('qn.totalResponses')} value={r.total.responses} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('qn.awareness')}
                value={percent(r.total.awareness)}
                suffix={r.total.awareness?.percent != null ? '%' : undefined}
              />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('qn.satisfaction')}
                value={percent(r.total.satisfaction)}
                suffix={r.total.satisfaction?.percent != null ? '%' : undefined}
              />
            </Col>
          </Row>
          {r.rows.length === 0 ? (
            <Empty description={t('qn.noResponses')} />
          ) : (
            <>
              <SurveyResultsChart rows={r.rows} />
              <Table<SurveyResultRow>
                size="small"
                rowKey="regionCode"
                pagination={false}
                dataSource={r.rows}
                columns={[
                  { title: t('qn.area'), key: 'area', render: (_, x) => x.regionName ?? x.regionCode },
                  { title: t('qn.responses'), dataIndex: 'responses', width: 100, align: 'right' },
                  { title: t('qn.awareness'), key: 'aw', render: (_, x) => rate(x.awareness) },
                  { title: t('qn.satisfaction'), key: 'sat', render: (_, x) => rate(x.satisfaction) },
                ]}
              />
            </>
          )}
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="id"
            pagination={false}
            title={() => t('qn.perQuestion')}
            dataSource={q.questions}
            columns={[
              { title: t('qn.questionText'), dataIndex: 'text' },
              { title: t('qn.kind'), dataIndex: 'kind', width: 100, render: (k: string) => t(`surveyKind.${k}`) },
              { title: t('qn.positive'), key: 'rate', width: 180, render: (_, x) => rate(r.total.questions[x.id]) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
