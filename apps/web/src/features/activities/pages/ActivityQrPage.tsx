import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import { CHECKIN_OPENS_MINUTES, CHECKOUT_CLOSES_MINUTES, QR_PERIOD_SECONDS } from '@wenming/contracts';
import { Button, Flex, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { FullPageSpin } from '../../../app/RequireAuth';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { secondsLeft } from '../activity-rules';
import { useActivity, useActivityQr } from '../queries';

/** A ticking "now", once a second, for the countdown. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The organiser's screen: the rotating check-in code, large, replaced before it expires. */
export function ActivityQrPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const activity = useActivity(id);
  const qr = useActivityQr(id);
  const now = useNow();
  const a = activity.data;

  if (activity.isPending || (qr.isPending && !qr.error)) return <FullPageSpin />;
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={16}
      style={{ minHeight: '100vh', background: '#fff', padding: 24 }}
    >
      <Space style={{ position: 'fixed', top: 12, right: 12 }}>
        <Button icon={<FullscreenOutlined />} onClick={() => void document.documentElement.requestFullscreen?.()}>
          {t('act.qrFullscreen')}
        </Button>
        <Button icon={<CloseOutlined />} onClick={() => window.close()} aria-label={t('act.qrClose')} />
      </Space>
      <Typography.Title level={2} style={{ margin: 0, textAlign: 'center' }}>
        {t('act.qrTitle', { title: a?.title ?? '' })}
      </Typography.Title>
      {a && (
        <Typography.Text type="secondary" style={{ fontSize: 18 }}>
          {a.place} · {formatDateTime(a.startsAt)} — {formatDateTime(a.endsAt)}
        </Typography.Text>
      )}
      <Typography.Text type="secondary">
        {t('act.qrWindow', { before: CHECKIN_OPENS_MINUTES, after: CHECKOUT_CLOSES_MINUTES })}
      </Typography.Text>
      <ApiErrorAlert error={qr.error} onRetry={() => void qr.refetch()} />
      {qr.data && (
        <>
          <div
            role="img"
            aria-label={t('act.qrImage')}
            data-token={qr.data.token}
            data-payload={qr.data.payload}
            style={{ width: 'min(70vh, 80vw)', height: 'min(70vh, 80vw)' }}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the server renders this SVG from its own code
            dangerouslySetInnerHTML={{ __html: qr.data.svg.replace('<svg', '<svg width="100%" height="100%"') }}
          />
          <Typography.Text style={{ fontSize: 18 }}>
            {t('act.qrRotates', { s: QR_PERIOD_SECONDS, left: secondsLeft(qr.data.expiresAt, now) })}
          </Typography.Text>
          {a && (
            <Typography.Text type="secondary">
              {`${t('act.signedUp')} ${t('act.places', { signed: a.signedUpCount, limit: a.recruitLimit })}`}
            </Typography.Text>
          )}
        </>
      )}
    </Flex>
  );
}
