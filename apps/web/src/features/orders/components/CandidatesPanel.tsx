import {
  type CandidateReasonCode,
  type Language,
  type OrderCandidateView,
  type OrderDetailView,
  renderCandidateReason,
  volunteerSkills,
} from '@wenming/contracts';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useCandidates, useOrderTransition } from '../queries';
import { CandidateParts } from './CandidateParts';

const reasonColors: Partial<Record<CandidateReasonCode, string>> = {
  skill_match: 'green',
  distance: 'blue',
  open_orders: 'gold',
  rating: 'magenta',
  available_now: 'cyan',
  team_member: 'purple',
};

/**
 * 推荐承接人: the top 10 the platform proposes, each score in its parts and why (skill, distance, load, rating),
 * and 派给此人; a search finds any other active volunteer by name or number to dispatch to instead.
 */
export function CandidatesPanel({ order }: { order: OrderDetailView }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const candidates = useCandidates(order.id, true, q);
  const transition = useOrderTransition(order.id);
  const skillLabels = Object.fromEntries(volunteerSkills.map((s) => [s, t(`volSkill.${s}`)]));

  const dispatch = async (c: OrderCandidateView) => {
    await transition.mutateAsync({ action: 'dispatch', volunteerId: c.volunteerId, version: order.version });
    message.success(t('disp.dispatched', { name: c.name }));
  };

  return (
    <Card
      title={q ? t('disp.searchResults', { q }) : t('disp.candidates')}
      size="small"
      extra={
        <Space>
          <Input.Search
            aria-label={t('disp.search')}
            placeholder={t('disp.search')}
            allowClear
            maxLength={50}
            style={{ width: 280 }}
            onSearch={(v) => setQ(v.trim())}
          />
          {q && (
            <Button size="small" onClick={() => setQ('')}>
              {t('disp.showProposed')}
            </Button>
          )}
        </Space>
      }
    >
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
          {
            title: t('disp.score'),
            dataIndex: 'score',
            width: 90,
            render: (s: number) => <strong>{s.toFixed(1)}</strong>,
          },
          {
            title: t('disp.parts'),
            key: 'parts',
            width: 250,
            render: (_, c) => <CandidateParts candidate={c} />,
          },
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
