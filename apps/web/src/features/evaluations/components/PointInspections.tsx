import type { EvaluationInspectionView } from '@wenming/contracts';
import { Card, Empty, Flex, Image, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatRatio, formatScore, normalizeTimestamp } from '../format';
import { fileUrl, usePointInspections } from '../queries';
import { RectificationPhotos } from './RectificationPhotos';

type Finding = EvaluationInspectionView['findings'][number];

const resultColors: Record<Finding['result'], string> = { met: 'green', not_met: 'red', na: 'default' };

function Photos({ ids, alt }: { ids: string[]; alt: string }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={4}>
        {ids.map((id, i) => (
          <Image
            key={id}
            src={fileUrl(id)}
            width={96}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={`${alt} ${i + 1}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

/** The inspections of a point in the period: each finding with its note, points and photos (before/after). */
export function PointInspections(props: {
  evaluationId: string;
  subject: string;
  pointId: string;
  indicatorId?: string;
}) {
  const { t } = useTranslation();
  const { can } = useAccess();
  const inspections = usePointInspections(props.evaluationId, props.subject, props.pointId, props.indicatorId);
  const list = inspections.data ?? [];
  return (
    <Flex vertical gap={12}>
      <ApiErrorAlert error={inspections.error} onRetry={() => void inspections.refetch()} />
      {inspections.data && list.length === 0 && <Empty description={t('evaluation.noInspections')} />}
      {list.map((ins) => (
        <Card
          key={ins.id}
          size="small"
          title={`${t('evaluation.inspection')} · ${formatDateTime(normalizeTimestamp(ins.submittedAt))}`}
          extra={
            <Space>
              {ins.vetoed && <Tag color="magenta">{t('evaluation.vetoed')}</Tag>}
              {ins.suspended && <Tag color="purple">{t('evaluation.suspended')}</Tag>}
              <Typography.Text>
                {t('evaluation.inspectionScore')}: {formatRatio(ins.score)}
              </Typography.Text>
              {can('inspection.read') && <Link to={`/inspections/${ins.id}`}>{t('inspection.detail')}</Link>}
            </Space>
          }
        >
          <Table<Finding>
            rowKey="observationId"
            size="small"
            pagination={false}
            dataSource={ins.findings}
            onRow={(f) => ({ style: f.result === 'not_met' ? { background: '#fff1f0' } : undefined })}
            columns={[
              {
                title: t('evaluation.indicator'),
                key: 'ind',
                width: 240,
                render: (_, f) => `${f.indicatorCode} ${f.indicatorName}`,
              },
              {
                title: t('evaluation.result'),
                dataIndex: 'result',
                width: 90,
                render: (v: Finding['result']) => <Tag color={resultColors[v]}>{t(`evaluation.result.${v}`)}</Tag>,
              },
              {
                title: t('evaluation.earned'),
                dataIndex: 'earned',
                width: 70,
                render: (v: number | null) => formatScore(v),
              },
              { title: t('evaluation.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
              {
                title: t('evaluation.photos'),
                key: 'photos',
                width: 360,
                render: (_, f) => (
                  <Flex vertical gap={4}>
                    <Photos ids={f.photoFileIds} alt={`${f.indicatorCode} ${t('evaluation.photo')}`} />
                    {f.problemId && can('problem.read') && <RectificationPhotos problemId={f.problemId} />}
                  </Flex>
                ),
              },
              {
                title: t('evaluation.problem'),
                dataIndex: 'problemId',
                width: 90,
                render: (v: string | null) =>
                  v && can('problem.read') ? <Link to={`/problems/${v}`}>{t('evaluation.openProblem')}</Link> : '',
              },
            ]}
          />
        </Card>
      ))}
    </Flex>
  );
}
