import type { ProblemDetailView, ProblemPhotoView } from '@wenming/contracts';
import { Card, Col, Empty, Image, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';

function PhotoColumn({ title, photos }: { title: string; photos: ProblemPhotoView[] }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} md={12}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {photos.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('problem.noPhoto')} />}
      <Space wrap>
        {photos.map((p, i) => (
          <div key={p.fileId}>
            <Image src={p.url} width={200} height={150} style={{ objectFit: 'cover' }} alt={`${title} ${i + 1}`} />
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(p.clientTime ?? p.receivedAt)}
                {p.gpsLat && p.gpsLng ? ` · ${p.gpsLat}, ${p.gpsLng}` : ''}
              </Typography.Text>
            </div>
          </div>
        ))}
      </Space>
    </Col>
  );
}

/** 整改前后对比: the problem's photos and the rectification's after-photos side by side. */
export function ProblemPhotos({ problem }: { problem: ProblemDetailView }) {
  const { t } = useTranslation();
  return (
    <Card title={t('problem.photos')} size="small">
      <Row gutter={16}>
        <PhotoColumn title={t('problem.before')} photos={problem.photos.before} />
        <PhotoColumn title={t('problem.after')} photos={problem.photos.after} />
      </Row>
    </Card>
  );
}
