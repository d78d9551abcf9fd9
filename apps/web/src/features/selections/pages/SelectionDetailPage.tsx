// A selection campaign: its schedule, the stage buttons the contracts' machine allows, the candidates with the
// eligibility check, and the live tally as a chart.
import { type CandidateView, selectionStageActionsFrom } from '@wenming/contracts';
import { App, Button, Card, Descriptions, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCurrentUser } from '../../auth/queries';
import { useCandidates, useCheckCandidate, useSelectionCampaign, useStageAction, useTally } from '../queries';

const BarChart = lazy(() => import('../../home/components/BarChart'));

function RejectButton({ c }: { c: CandidateView }) {
  const { t } = useTranslation();
  const check = useCheckCandidate();
  const [reason, setReason] = useState('');
  return (
    <Popconfirm
      title={t('sel.rejectReason')}
      description={<Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />}
      okButtonProps={{ disabled: !reason.trim() }}
      onConfirm={() => check.mutateAsync({ id: c.id, decision: 'reject', reason, version: c.version })}
    >
      <Button size="small" danger>
        {t('sel.reject')}
      </Button>
    </Popconfirm>
  );
}

export function SelectionDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canManage = useCurrentUser().permissions.includes('selection.manage');
  const campaign = useSelectionCampaign(id);
  const candidates = useCandidates(id);
  const tally = useTally(id);
  const step = useStageAction(id ?? '');
  const check = useCheckCandidate();
  const c = campaign.data;
  const checking = c && (c.stage === 'nominating' || c.stage === 'checking');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <ApiErrorAlert error={campaign.error ?? step.error ?? check.error} />
      {c && (
        <Card
          title={
            <Space>
              {c.name}
              <Tag color="blue">{t(`selectionStage.${c.stage}`)}</Tag>
            </Space>
          }
          extra={<Link to="/selections">{t('sel.backToList')}</Link>}
        >
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('sel.kind')}>{t(`selectionKind.${c.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('sel.quota')}>{c.quota}</Descriptions.Item>
            <Descriptions.Item label={t('sel.voteRule')}>{t(`voteRule.${c.voteRule}`)}</Descriptions.Item>
            <Descriptions.Item label={t('sel.nomination')}>
              {c.nominationStart} ~ {c.nominationEnd}
            </Descriptions.Item>
            <Descriptions.Item label={t('sel.voting')}>
              {c.votingStart} ~ {c.votingEnd}
            </Descriptions.Item>
            <Descriptions.Item label={t('sel.publicity')}>
              {c.publicityStart} ~ {c.publicityEnd}
            </Descriptions.Item>
          </Descriptions>
          {canManage && (
            <Space wrap style={{ marginTop: 12 }}>
              {selectionStageActionsFrom(c.stage).map((action) => (
                <Popconfirm
                  key={action}
                  title={t('sel.confirmStep', { action: t(`selectionAction.${action}`) })}
                  onConfirm={async () => {
                    await step.mutateAsync({ action, version: c.version });
                    message.success(t('sel.done'));
                  }}
                >
                  <Button danger={action === 'close'} type={action === 'close' ? 'default' : 'primary'}>
                    {t(`selectionAction.${action}`)}
                  </Button>
                </Popconfirm>
              ))}
            </Space>
          )}
        </Card>
      )}
      <Card title={t('sel.tally')}>
        <ApiErrorAlert error={tally.error} />
        {tally.data && tally.data.items.length > 0 && (
          <Suspense fallback={null}>
            <BarChart
              ariaLabel={t('sel.tally')}
              data={tally.data.items.map((x) => ({ label: x.name, value: x.votes }))}
            />
          </Suspense>
        )}
      </Card>
      <Card title={t('sel.candidates')}>
        <ApiErrorAlert error={candidates.error} />
        <Table<CandidateView>
          rowKey="id"
          size="small"
          loading={candidates.isFetching}
          dataSource={candidates.data?.items}
          pagination={false}
          columns={[
            { title: t('sel.person'), dataIndex: 'name', width: 110 },
            { title: t('sel.category'), dataIndex: 'category', width: 110, render: (v) => t(`selectionCategory.${v}`) },
            { title: t('sel.source'), dataIndex: 'source', width: 110, render: (v) => t(`nominationSource.${v}`) },
            {
              title: t('sel.story'),
              dataIndex: 'story',
              render: (v: string, r) => (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {v}
                  {r.checkReason ? `（${r.checkReason}）` : ''}
                </Typography.Paragraph>
              ),
            },
            { title: t('sel.state'), dataIndex: 'state', width: 100, render: (v) => t(`candidateState.${v}`) },
            { title: t('sel.votes'), dataIndex: 'votes', width: 80, align: 'right' },
            { title: t('sel.flagged'), dataIndex: 'flaggedVotes', width: 90, align: 'right' },
            ...(canManage && checking
              ? [
                  {
                    title: t('common.actions'),
                    key: 'check',
                    width: 170,
                    render: (_: unknown, r: CandidateView) => (
                      <Space>
                        {r.state !== 'eligible' && (
                          <Button
                            size="small"
                            onClick={() => check.mutate({ id: r.id, decision: 'approve', version: r.version })}
                          >
                            {t('sel.approve')}
                          </Button>
                        )}
                        {r.state !== 'ineligible' && <RejectButton c={r} />}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
