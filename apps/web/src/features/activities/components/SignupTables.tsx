import type { ActivityView, SignupView } from '@wenming/contracts';
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useConfirmHours, useSignups } from '../queries';
import { CloseCheckoutModal, CorrectAttendanceModal } from './AttendanceModals';

export type SignupTab = 'signups' | 'attendance' | 'hours';

const hoursColor: Record<string, string> = { none: 'default', pending: 'orange', confirmed: 'green' };

/** Sign-ups, attendance or hours of an activity: the same rows, the columns and actions of the tab. */
export function SignupTables({ activity, tab }: { activity: ActivityView; tab: SignupTab }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string[]>([]);
  const [closing, setClosing] = useState<SignupView | null>(null);
  const [correcting, setCorrecting] = useState<SignupView | null>(null);
  const list = useSignups(activity.id, { page, pageSize: 20 });
  const confirm = useConfirmHours(activity.id);
  const canManage = activity.canManage;

  const confirmHours = async (volunteerIds?: string[]) => {
    const res = (await confirm.mutateAsync(volunteerIds ? { volunteerIds } : {})) as { confirmed?: number } | undefined;
    message.success(t('act.confirmDone', { count: res?.confirmed ?? volunteerIds?.length ?? 0 }));
    setSelected([]);
  };

  const name: TableColumnsType<SignupView>[number] = {
    title: t('act.volunteer'),
    dataIndex: 'name',
    width: 160,
    render: (v: string, r) => `${v}（${r.volunteerNumber}）`,
  };
  const columns: Record<SignupTab, TableColumnsType<SignupView>> = {
    signups: [
      name,
      {
        title: t('act.signupStatus'),
        key: 'status',
        render: (_, r) =>
          r.status === 'waitlisted' ? (
            <Tag color="orange">{t('act.waitPosition', { n: r.waitlistPosition ?? '?' })}</Tag>
          ) : (
            <Tag color={r.status === 'signed_up' ? 'green' : 'default'}>{t(`signupStatus.${r.status}`)}</Tag>
          ),
      },
      { title: t('act.signedAt'), dataIndex: 'signedAt', render: formatDateTime },
    ],
    attendance: [
      name,
      { title: t('act.checkIn'), dataIndex: 'checkInAt', render: (v) => (v ? formatDateTime(v) : t('act.notYet')) },
      {
        title: t('act.checkOut'),
        key: 'out',
        render: (_, r) => (
          <Space size={4}>
            {r.checkOutAt ? formatDateTime(r.checkOutAt) : t('act.notYet')}
            {r.closedByOrganiser && <Tag color="purple">{t('act.closedByOrganiser')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 120,
        render: (_, r) =>
          canManage && r.checkInAt && !r.checkOutAt ? (
            <Button size="small" type="link" onClick={() => setClosing(r)}>
              {t('act.closeCheckout')}
            </Button>
          ) : null,
      },
    ],
    hours: [
      name,
      {
        title: t('act.minutes'),
        dataIndex: 'minutes',
        render: (m) => (m == null ? '—' : t('act.minutesValue', { m })),
      },
      { title: t('act.computedHours'), dataIndex: 'hours', render: (h) => (h == null ? '—' : h) },
      {
        title: t('act.hoursStatus'),
        key: 'hs',
        render: (_, r) => (
          <Space size={4}>
            <Tag color={hoursColor[r.hoursStatus]}>{t(`hoursStatus.${r.hoursStatus}`)}</Tag>
            {r.closedByOrganiser && <Tag color="purple">{t('act.closedByOrganiser')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 100,
        render: (_, r) =>
          canManage && r.checkInAt && r.checkOutAt ? (
            <Button size="small" type="link" onClick={() => setCorrecting(r)}>
              {t('act.correct')}
            </Button>
          ) : null,
      },
    ],
  };

  const pendingHere = (list.data?.items ?? []).filter((r) => r.hoursStatus === 'pending').length;
  return (
    <>
      <ApiErrorAlert error={list.error ?? confirm.error} onRetry={() => void list.refetch()} />
      {tab === 'hours' && canManage && (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={confirm.isPending}
            onClick={() => void confirmHours(selected).catch(() => {})}
          >
            {t('act.confirmSelected', { count: selected.length })}
          </Button>
          <Popconfirm
            title={t('act.confirmAll')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => confirmHours().catch(() => {})}
          >
            <Button disabled={pendingHere === 0 && !list.data?.total} loading={confirm.isPending}>
              {t('act.confirmAll')}
            </Button>
          </Popconfirm>
        </Space>
      )}
      <Table<SignupView>
        rowKey="volunteerId"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns[tab]}
        rowSelection={
          tab === 'hours' && canManage
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.hoursStatus !== 'pending', 'aria-label': r.name }),
              }
            : undefined
        }
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
      <CloseCheckoutModal
        activityId={activity.id}
        endsAt={activity.endsAt}
        row={closing}
        onClose={() => setClosing(null)}
      />
      <CorrectAttendanceModal activityId={activity.id} row={correcting} onClose={() => setCorrecting(null)} />
    </>
  );
}
