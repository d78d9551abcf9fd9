import { FilePdfOutlined, PlusOutlined } from '@ant-design/icons';
import type { CertificateView } from '@wenming/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { FormModal } from '../../../components/FormModal';

/** 志愿服务证明 of a volunteer: the ones issued (number, hours, PDF) and issuing one for a period. */
export function VolunteerCertificates({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const { can } = useAccess();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['volunteers', 'certificates', volunteerId],
    queryFn: ({ signal }) =>
      api.get<CertificateView[]>(`volunteers/${volunteerId}/certificates`, undefined, { signal }),
  });
  const issue = useMutation({
    mutationFn: (body: { from?: string; to?: string }) =>
      api.post<CertificateView>(`volunteers/${volunteerId}/certificates`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['volunteers', 'certificates', volunteerId] }),
  });
  return (
    <Card
      title={t('vol.certificates')}
      extra={
        can('volunteer.manage') && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('vol.certificate')}
          </Button>
        )
      }
    >
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <Table<CertificateView>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('vol.certNumber'), dataIndex: 'number' },
          { title: t('vol.recordHours'), dataIndex: 'hours', align: 'right' },
          { title: t('vol.certActivities'), dataIndex: 'activityCount', align: 'right' },
          {
            title: t('tb.period'),
            key: 'period',
            render: (_, c) => [c.periodFrom, c.periodTo].filter(Boolean).join(' — ') || t('common.all'),
          },
          { title: t('vol.certIssuedAt'), dataIndex: 'issuedAt', render: formatDateTime },
          {
            title: 'PDF',
            key: 'pdf',
            render: (_, c) => (
              <a href={apiUrl(`certificates/${c.id}/pdf`)} target="_blank" rel="noreferrer">
                <FilePdfOutlined /> PDF
              </a>
            ),
          },
        ]}
      />
      <FormModal<{ from?: Dayjs | null; to?: Dayjs | null }>
        open={open}
        name="certificate"
        title={t('vol.certificate')}
        onClose={() => setOpen(false)}
        onSubmit={(v) => issue.mutateAsync({ from: v.from?.format('YYYY-MM-DD'), to: v.to?.format('YYYY-MM-DD') })}
      >
        <Form.Item label={t('vol.certFrom')} name="from">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('vol.certTo')} name="to">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
