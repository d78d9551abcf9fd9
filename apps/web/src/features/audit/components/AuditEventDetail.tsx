import type { AuditEventView } from '@wenming/contracts';
import { Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <section aria-label={title}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          padding: 8,
          maxHeight: 320,
          overflow: 'auto',
          fontSize: 12,
        }}
      >
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </section>
  );
}

/** The expanded row of an audit event: before/after side by side, with the request and chain data. */
export function AuditEventDetail({ event }: { event: AuditEventView }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <JsonBlock title={t('audit.before')} value={event.before} />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock title={t('audit.after')} value={event.after} />
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('audit.requestId')}>{event.requestId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.ip')}>{event.ip ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.hash')}>
          <Typography.Text code copyable style={{ fontSize: 12 }}>
            {event.hash}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </>
  );
}
