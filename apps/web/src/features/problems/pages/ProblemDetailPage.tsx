import { ArrowLeftOutlined } from '@ant-design/icons';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import type { ProblemAction } from '@wenming/contracts';
import { Button, Card, Col, Descriptions, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ProblemActionModal } from '../components/ProblemActionModal';
import { ProblemPhotos } from '../components/ProblemPhotos';
import { ProblemStatusTag } from '../components/ProblemStatusTag';
import { ProblemTimeline } from '../components/ProblemTimeline';
import { useProblem } from '../queries';

/** One problem: its facts, the actions the server allows this user now, before/after photos and the timeline. */
export function ProblemDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAccess();
  const problem = useProblem(id);
  const [action, setAction] = useState<ProblemAction | null>(null);
  const p = problem.data;
  useRecordCrumb(p?.number);

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/problems')} />
            {t('problem.detail')} {p?.number}
          </Space>
        }
        extra={
          p &&
          can('audit.read') && <Link to={`/audit?objectType=problem&objectId=${p.id}`}>{t('problem.auditLink')}</Link>
        }
      >
        <ApiErrorAlert error={problem.error} onRetry={() => void problem.refetch()} />
        {!p && !problem.error && <Skeleton active />}
        {p && (
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label={t('problem.status')}>
              <ProblemStatusTag problem={p} />
            </Descriptions.Item>
            <Descriptions.Item label={t('problem.category')}>{p.category.name}</Descriptions.Item>
            <Descriptions.Item label={t('problem.severity')}>{t(`problemSeverity.${p.severity}`)}</Descriptions.Item>
            <Descriptions.Item label={t('problem.source')}>{t(`problemSource.${p.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('problem.unit')}>{p.assignedUnit?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('problem.deadline')}>{formatDateTime(p.deadlineAt) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('problem.region')}>{p.regionName ?? p.regionCode}</Descriptions.Item>
            <Descriptions.Item label={t('problem.address')}>{p.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('problem.createdAt')}>{formatDateTime(p.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('problem.description')} span={3}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{p.description}</Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {p && (
        <>
          <Card title={t('problem.actions')} size="small">
            {p.allowedActions.length === 0 ? (
              <Typography.Text type="secondary">{t('problem.noActions')}</Typography.Text>
            ) : (
              <Space wrap>
                {p.allowedActions.map((a) => (
                  <Button
                    key={a}
                    type={a === 'verify' || a === 'close' || a === 'submit' ? 'primary' : 'default'}
                    danger={a === 'return' || a === 'dispute'}
                    onClick={() => setAction(a)}
                  >
                    {t(`problemAction.${a}`)}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={14}>
              <ProblemPhotos problem={p} />
            </Col>
            <Col xs={24} xl={10}>
              <ProblemTimeline problem={p} />
            </Col>
          </Row>
          <ProblemActionModal problem={p} action={action} onClose={() => setAction(null)} />
        </>
      )}
    </Flex>
  );
}
