import { EditOutlined } from '@ant-design/icons';
import { type RegionLevel, regionLevels } from '@wenming/contracts';
import { App, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { useRecordCrumb } from '../../../app/layout/crumbs';
import { FullPageSpin } from '../../../app/RequireAuth';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { QuestionnaireFormDrawer } from '../components/QuestionnaireFormDrawer';
import { QuestionnaireStatusTag } from '../components/QuestionnaireStatusTag';
import { PublicLinkCard } from '../components/PublicLinkCard';
import { SurveyResultsCard } from '../components/SurveyResultsCard';
import { updateOf, useQuestionnaire, useUpdateQuestionnaire } from '../queries';

/** One questionnaire: its questions, the public link and QR code, and the results by area. */
export function QuestionnaireDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAccess();
  const { message } = App.useApp();
  const detail = useQuestionnaire(id);
  const update = useUpdateQuestionnaire(id ?? '');
  const [editing, setEditing] = useState(false);
  // A new drawer (and form) each time it opens, with the record as it is now.
  const [opened, setOpened] = useState(0);
  const [level, setLevel] = useState<RegionLevel>('village');
  const q = detail.data;
  useRecordCrumb(q?.title);
  if (detail.isPending && !detail.error) return <FullPageSpin />;
  if (!q) return <ApiErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const manage = can('survey.manage');

  const toggle = async () => {
    await update.mutateAsync(updateOf(q, { status: q.status === 'open' ? 'closed' : 'open' }));
    message.success(t('qn.saved'));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={q.title}
        extra={
          manage && (
            <Space>
              <Button loading={update.isPending} onClick={() => void toggle()}>
                {q.status === 'open' ? t('qn.close') : t('qn.reopen')}
              </Button>
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => {
                  setOpened((n) => n + 1);
                  setEditing(true);
                }}
              >
                {t('qn.edit')}
              </Button>
            </Space>
          )
        }
      >
        <ApiErrorAlert error={update.error} />
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('qn.status')}>
            <QuestionnaireStatusTag status={q.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('qn.region')}>{q.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('qn.responses')}>
            <span data-testid="qn-response-count">{q.responseCount}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('qn.createdAt')}>{formatDateTime(q.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('qn.isPublic')}>
            {q.isPublic ? <Tag color="blue">{t('qn.public')}</Tag> : '—'}
          </Descriptions.Item>
          {q.description && (
            <Descriptions.Item label={t('qn.description')} span={3}>
              {q.description}
            </Descriptions.Item>
          )}
        </Descriptions>
        <ol style={{ margin: '12px 0 0', paddingLeft: 20 }}>
          {q.questions.map((x) => (
            <li key={x.id} style={{ marginBottom: 4 }}>
              {x.text} <Tag>{t(`surveyKind.${x.kind}`)}</Tag>
              <Tag bordered={false}>{t(`surveyScale.${x.scale}`)}</Tag>
            </li>
          ))}
        </ol>
      </Card>
      {manage && <PublicLinkCard q={q} />}
      {manage && <SurveyResultsCard q={q} level={level} levels={regionLevels} onLevel={setLevel} />}
      <QuestionnaireFormDrawer key={opened} open={editing} editing={q} onClose={() => setEditing(false)} />
    </Space>
  );
}
