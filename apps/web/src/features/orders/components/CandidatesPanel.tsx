import {
  type CandidateReasonCode,
  type Language,
  type OrderCandidateView,
  type OrderDetailView,
  renderCandidateReason,
  volunteerSkills,
} from '@wenming/contracts';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCandidates, useOrderTransition } from '../queries';

const reasonColors: Partial<Record<CandidateReasonCode, string>> = {
  skill_match: 'green',
  distance: 'blue',
  open_orders: 'gold',
  rating: 'magenta',
  available_now: 'cyan',
  team_member: 'purple',
};

/** 推荐承接人: the top 10 the platform proposes, why each (skill, distance, load, rating), and 派给此人. */
export function CandidatesPanel({ order }: { order: OrderDetailView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const candidates = useCandidates(order.id, true);
  const transition = useOrderTransition(order.id);
  const skillLabels = Object.fromEntries(volunteerSkills.map((s) => [s, t(`volSkill.${s}`)]));

  const dispatch = async (c: OrderCandidateView) => {
    await transition.mutateAsync({ action: 'dispatch', volunteerId: c.volunteerId, version: order.version });
    message.success(t('disp.dispatched', { name: c.name }));
  };

  return (
    <Card title={t('disp.candidates')} size="small">
      <ApiErrorAlert error={candidates.error ?? transition.error} onRetry={() => void candidates.refetch()} />
      <Table<OrderCandidateView>
        rowKey="volunteerId"
        size="small"
        loading={candidates.isFetching}
        dataSource={candidates.data}
        pagination={false}
        locale={{ emptyText: t('disp.none') }}
        columns={[
          { title: t('disp.rank'), key: 'rank', width: 56, render: (_, __, i) => i + 1 },
          {
            title: t('act.volunteer'),
            key: 'name',
            width: 170,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <strong>{c.name}</strong>
                <span style={{ fontSize: 12, color: '#999' }}>{c.number}</span>
              </Space>
            ),
          },
          { title: t('disp.score'), dataIndex: 'score', width: 80, render: (s: number) => s.toFixed(2) },
          {
            title: t('disp.reasons'),
            key: 'reasons',
            render: (_, c) => (
              <Space size={[4, 4]} wrap data-testid={`reasons-${c.volunteerId}`}>
                {c.reasons.map((r) => (
                  <Tag key={`${r.code}-${JSON.stringify(r.params)}`} color={reasonColors[r.code]}>
                    {renderCandidateReason(r, i18n.language as Language, skillLabels)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'pick',
            width: 130,
            render: (_, c) => (
              <Popconfirm
                title={t('disp.confirmPick', { name: c.name })}
                okText={t('disp.pick')}
                cancelText={t('common.cancel')}
                onConfirm={() => dispatch(c).catch(() => {})}
              >
                <Button
                  size="small"
                  type="primary"
                  loading={transition.isPending}
                  aria-label={`${t('disp.pick')} ${c.name}`}
                >
                  {t('disp.pick')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
