// 测评记录详情: one inspection with a header whose figures add up to its score, and every finding: the standard,
// met / not met / N/A, points earned of the standard's maximum and the rule that explains them, note, photos.
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { InspectionView, ObservationView } from '@wenming/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Image,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatScore } from '../components/PlanKindTag';
import { useInspection } from '../queries';
import { earnedWithReason } from '../score-reason';

const resultColors: Record<ObservationView['result'], string> = { met: 'green', not_met: 'red', na: 'default' };
const round2 = (v: number) => Math.round(v * 100) / 100;

function Figures({ ins }: { ins: InspectionView }) {
  const { t } = useTranslation();
  const net = round2(ins.earned - ins.negativeDeduction);
  const count = (r: ObservationView['result']) => ins.observations.filter((o) => o.result === r).length;
  return (
    <Flex vertical gap={12}>
      <Flex gap={32} wrap>
        <Statistic title={t('inspection.standardsEarned')} value={ins.earned} />
        <Statistic title={t('inspection.negativeDeduction')} value={ins.negativeDeduction} prefix="−" />
        <Statistic title={t('inspection.net')} value={net} />
        <Statistic title={t('inspection.applicable')} value={ins.applicable} />
        <Statistic
          title={t('inspection.score')}
          value={formatScore(ins.score)}
          valueStyle={{ color: ins.vetoed ? '#c8161d' : '#1677ff' }}
        />
      </Flex>
      <Alert
        type={ins.vetoed ? 'error' : 'info'}
        showIcon
        data-testid="inspection-formula"
        title={
          ins.vetoed
            ? t('inspection.vetoFormula', { earned: ins.earned, applicable: ins.applicable })
            : t('inspection.formula', {
                earned: ins.earned,
                negative: ins.negativeDeduction,
                applicable: ins.applicable,
                net,
                rate: formatScore(ins.score),
              })
        }
        description={t('inspection.counts', {
          total: ins.observations.length,
          met: count('met'),
          notMet: count('not_met'),
          na: count('na'),
        })}
      />
    </Flex>
  );
}

function Photos({ ids, alt }: { ids: string[]; alt: string }) {
  if (ids.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={4}>
        {ids.map((id, i) => (
          <Image
            key={id}
            src={`/api/v1/files/${id}`}
            width={72}
            height={54}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt={`${alt} ${i + 1}`}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}

export function InspectionDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const inspection = useInspection(id);
  const ins = inspection.data;
  useRecordCrumb(ins ? `${ins.pointName ?? ''} · ${formatDateTime(ins.submittedAt)}` : null);
  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <Button
              type="text"
              aria-label={t('inspection.back')}
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/inspections')}
            />
            {ins ? `${t('inspection.detail')} · ${ins.pointName ?? ''}` : t('inspection.detail')}
          </Space>
        }
      >
        <ApiErrorAlert error={inspection.error} onRetry={() => void inspection.refetch()} />
        {!ins && !inspection.error && <Skeleton active />}
        {ins && (
          <Flex vertical gap={16}>
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label={t('inspection.point')}>{ins.pointName}</Descriptions.Item>
              <Descriptions.Item label={t('point.type')}>{t(`pointType.${ins.pointType}`)}</Descriptions.Item>
              <Descriptions.Item label={t('inspection.plan')}>{ins.planName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('inspection.inspector')}>{ins.inspectorName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('inspection.submittedAt')}>
                {formatDateTime(ins.submittedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('inspection.receivedAt')}>{formatDateTime(ins.receivedAt)}</Descriptions.Item>
            </Descriptions>
            <Figures ins={ins} />
          </Flex>
        )}
      </Card>
      {ins && (
        <Card title={t('inspection.standardResults')} size="small">
          <Table<ObservationView>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={ins.observations}
            scroll={{ x: 1100 }}
            onRow={(o) => ({ style: o.result === 'not_met' ? { background: '#fff1f0' } : undefined })}
            columns={[
              {
                title: t('inspection.standard'),
                key: 'standard',
                width: 260,
                render: (_, o) => `${o.indicatorCode ?? ''} ${o.indicatorName ?? ''}`,
              },
              {
                title: t('inspection.result'),
                dataIndex: 'result',
                width: 90,
                render: (v: ObservationView['result']) => (
                  <Tag color={resultColors[v]}>{t(`evaluation.result.${v}`)}</Tag>
                ),
              },
              {
                title: t('inspection.pointsOf'),
                key: 'points',
                width: 110,
                render: (_, o) => (o.result === 'na' ? '—' : `${o.earned ?? 0} / ${o.points ?? '—'}`),
              },
              {
                title: t('inspection.why'),
                key: 'why',
                width: 300,
                render: (_, o) =>
                  o.scoringRule ? (
                    <Typography.Text type="secondary">
                      {
                        earnedWithReason(
                          { id: o.indicatorId, points: o.points ?? 0, scoringRule: o.scoringRule },
                          o,
                          t,
                          o.earned,
                        ).reason
                      }
                    </Typography.Text>
                  ) : null,
              },
              { title: t('inspection.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
              {
                title: t('inspection.photos'),
                key: 'photos',
                width: 240,
                render: (_, o) => (
                  <Photos ids={o.photoFileIds} alt={`${o.indicatorCode ?? ''} ${t('evaluation.photo')}`} />
                ),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  {t('inspection.standardsEarned')}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2}>
                  <strong>
                    {ins.earned} / {ins.applicable}
                  </strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} colSpan={3} />
              </Table.Summary.Row>
            )}
          />
        </Card>
      )}
      {ins && (
        <Card title={t('inspection.negativeItems')} size="small">
          {ins.negativeItems.length === 0 ? (
            <Typography.Text type="secondary">{t('inspection.noNegative')}</Typography.Text>
          ) : (
            <Table
              rowKey="negativeItemId"
              size="small"
              pagination={false}
              dataSource={ins.negativeItems}
              columns={[
                { title: t('inspection.standard'), key: 'name', render: (_, n) => `${n.code ?? ''} ${n.name ?? ''}` },
                {
                  title: t('inspection.negativeEffect'),
                  key: 'effect',
                  width: 160,
                  render: (_, n) =>
                    n.effect ? (
                      <Tag color={n.effect === 'deduct' ? 'orange' : 'magenta'}>
                        {t(`negativeEffect.${n.effect}`)}
                        {n.effect === 'deduct' && n.deduction !== null ? ` −${n.deduction}` : ''}
                      </Tag>
                    ) : null,
                },
                { title: t('inspection.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
                {
                  title: t('inspection.photos'),
                  key: 'photos',
                  width: 240,
                  render: (_, n) => <Photos ids={n.photoFileIds} alt={`${n.name ?? ''} ${t('evaluation.photo')}`} />,
                },
              ]}
            />
          )}
        </Card>
      )}
    </Flex>
  );
}
