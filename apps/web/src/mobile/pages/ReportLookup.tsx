import type { ResidentReportTrack } from '@wenming/contracts';
import { Button, Form, Input, List, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { formatDateTime } from '../../app/format';

/** 查询进度: the public state of a report by its number (for reports sent without signing in). */
export function ReportLookup({ initialNumber }: { initialNumber?: string }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<ResidentReportTrack | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isLoading, setLoading] = useState(false);
  const look = async (v: { number: string }) => {
    setLoading(true);
    setError(null);
    try {
      setFound(
        await api.get<ResidentReportTrack>(`public/problem-reports/${encodeURIComponent(v.number.trim())}`, undefined, {
          silentAuth: true,
        }),
      );
    } catch (err) {
      setFound(null);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };
  return (
    <section aria-label={t('myReports.lookup')}>
      <Form
        layout="horizontal"
        initialValues={{ number: initialNumber ?? '' }}
        onFinish={(v: { number: string }) => void look(v)}
        footer={
          <Button block type="submit" loading={isLoading}>
            {t('myReports.lookupButton')}
          </Button>
        }
      >
        <Form.Header>{t('myReports.lookup')}</Form.Header>
        <Form.Item
          name="number"
          label={t('myReports.number')}
          rules={[{ required: true, whitespace: true, message: t('myReports.numberRequired') }]}
        >
          <Input placeholder="WT202612-000001" clearable />
        </Form.Item>
      </Form>
      {error && (
        <div role="alert" style={{ padding: '0 16px', color: '#c8161d' }}>
          {error}
        </div>
      )}
      {found && (
        <List>
          <List.Item
            description={t('myReports.updatedAt', { time: formatDateTime(found.updatedAt) })}
            extra={<Tag color="primary">{t(`problemStatus.${found.status}`)}</Tag>}
          >
            {found.number}
          </List.Item>
        </List>
      )}
    </section>
  );
}
