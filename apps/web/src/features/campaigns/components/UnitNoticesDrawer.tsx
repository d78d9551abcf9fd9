import { DownloadOutlined, FileWordOutlined, TeamOutlined } from '@ant-design/icons';
import type { NamedRef, NoticeKind, NoticeView } from '@wenming/contracts';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { useCreateReminderLetter, useRecordSummons, useUnitNotices } from '../queries';

const kindColors: Record<NoticeKind, string> = {
  reminder: 'blue',
  overdue: 'orange',
  reminder_letter: 'red',
  summons: 'purple',
};

/** A unit's reminders, reminder letters (Word, downloadable) and summons; the office generates and records them. */
export function UnitNoticesDrawer(props: { unit?: NamedRef; campaignId?: string; onClose: () => void }) {
  const { unit, campaignId, onClose } = props;
  const { t } = useTranslation();
  const { can } = useAccess();
  const [page, setPage] = useState(1);
  const notices = useUnitNotices(unit?.id, page);
  const [dialog, setDialog] = useState<'letter' | 'summons' | null>(null);
  const canManage = can('campaign.manage');

  return (
    <Drawer
      open={!!unit}
      size={820}
      title={unit ? t('notice.title', { unit: unit.name }) : ''}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      destroyOnHidden
      extra={
        canManage && (
          <Flex gap={8}>
            <Button type="primary" danger icon={<FileWordOutlined />} onClick={() => setDialog('letter')}>
              {t('notice.createLetter')}
            </Button>
            <Button icon={<TeamOutlined />} onClick={() => setDialog('summons')}>
              {t('notice.recordSummons')}
            </Button>
          </Flex>
        )
      }
    >
      <ApiErrorAlert error={notices.error} onRetry={() => void notices.refetch()} />
      <Table<NoticeView>
        rowKey="id"
        size="small"
        loading={notices.isFetching}
        dataSource={notices.data?.items}
        locale={{ emptyText: t('notice.empty') }}
        pagination={{
          current: page,
          pageSize: 10,
          total: notices.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
        columns={[
          {
            title: t('notice.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: NoticeKind) => <Tag color={kindColors[k]}>{t(`noticeKind.${k}`)}</Tag>,
          },
          {
            title: t('notice.subject'),
            dataIndex: 'title',
            render: (title: string, n) => <span title={n.body}>{title}</span>,
          },
          { title: t('notice.docNumber'), dataIndex: 'docNumber', width: 150 },
          {
            title: t('notice.createdAt'),
            dataIndex: 'createdAt',
            width: 180,
            render: (v: string) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'file',
            width: 90,
            render: (_, n) =>
              n.fileId && (
                <a href={apiUrl(`notices/${n.id}/file`)} download>
                  <DownloadOutlined /> {t('notice.download')}
                </a>
              ),
          },
        ]}
      />
      {unit && canManage && (
        <NoticeDialogs unit={unit} campaignId={campaignId} dialog={dialog} onClose={() => setDialog(null)} />
      )}
    </Drawer>
  );
}

function NoticeDialogs(props: {
  unit: NamedRef;
  campaignId?: string;
  dialog: 'letter' | 'summons' | null;
  onClose: () => void;
}) {
  const { unit, campaignId, dialog, onClose } = props;
  const { t } = useTranslation();
  const letter = useCreateReminderLetter(unit.id);
  const summons = useRecordSummons(unit.id);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <>
      <FormModal<{ replyWithinDays: number }>
        open={dialog === 'letter'}
        name="reminder-letter"
        title={`${t('notice.createLetter')}：${unit.name}`}
        okText={t('notice.createLetter')}
        successMessage={t('notice.letterCreated')}
        initialValues={{ replyWithinDays: 5 }}
        onClose={onClose}
        onSubmit={(v) => letter.mutateAsync({ campaignId, replyWithinDays: v.replyWithinDays })}
      >
        <Alert type="info" showIcon title={t('notice.letterHint')} style={{ marginBottom: 16 }} />
        <Form.Item label={t('notice.replyWithinDays')} name="replyWithinDays" rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
      </FormModal>
      <FormModal<{ reason: string; scheduledAt?: Dayjs; place?: string; attendees?: string }>
        open={dialog === 'summons'}
        name="summons"
        title={`${t('notice.recordSummons')}：${unit.name}`}
        onClose={onClose}
        onSubmit={(v) =>
          summons.mutateAsync({
            reason: v.reason,
            scheduledAt: v.scheduledAt?.toISOString(),
            place: v.place?.trim() || null,
            attendees: v.attendees?.trim() || null,
          })
        }
      >
        <Form.Item label={t('notice.summonsReason')} name="reason" rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t('notice.scheduledAt')} name="scheduledAt">
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('notice.place')} name="place">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('notice.attendees')} name="attendees">
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
