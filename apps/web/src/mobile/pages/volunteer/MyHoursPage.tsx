import { Button, ErrorBlock, List, NavBar, ProgressBar, Skeleton, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { useIssueCertificate, useMyRecords, useMyVolunteer } from '../../../features/volunteering/queries';
import { MobileShell } from '../../MobileShell';

const recordColor = { none: 'primary', pending: 'warning', confirmed: 'success' } as const;

/** 我的服务时长: confirmed and pending hours, star level with progress, records, and the certificate PDF. */
export function MyHoursPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyVolunteer();
  const records = useMyRecords(!!me.data);
  const certificate = useIssueCertificate();
  const v = me.data;
  const items = records.data ?? [];
  const pending = items.filter((r) => r.hoursStatus === 'pending').reduce((sum, r) => sum + (r.hours ?? 0), 0);
  const stars = v?.starLevel ?? 0;
  const toNext = v?.hoursToNextStar ?? null;
  const progress = v && toNext !== null ? Math.round((100 * v.confirmedHours) / (v.confirmedHours + toNext)) : 100;

  const issue = async () => {
    if (!v) return;
    try {
      await certificate.mutateAsync(v.id);
    } catch (err) {
      Toast.show({ icon: 'fail', content: (err as Error).message });
    }
  };
  const issued = certificate.data;

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')} right={<Link to="/m/timebank">{t('mtb.title')}</Link>}>
        {t('mvol.hours.title')}
      </NavBar>
      {me.isPending && <Skeleton.Paragraph lineCount={6} animated />}
      {me.isError && <ErrorBlock status="default" title={t('common.error')} description={me.error.message} />}
      {me.data === null && (
        <ErrorBlock
          status="empty"
          title={t('mvol.notRegistered')}
          description={<Link to="/m/volunteer/register">{t('mvol.register.title')}</Link>}
        />
      )}
      {v && (
        <>
          <List header={`${v.name} · ${t('mvol.number')} ${v.number}`}>
            <List.Item extra={<strong>{t('mvol.hours.value', { hours: v.confirmedHours })}</strong>}>
              {t('mvol.hours.total')}
            </List.Item>
            <List.Item extra={t('mvol.hours.value', { hours: pending })}>{t('mvol.hours.pending')}</List.Item>
            <List.Item
              extra={stars > 0 ? `${'★'.repeat(stars)}` : t('mvol.hours.noStar')}
              description={
                <div>
                  <div style={{ marginBottom: 4 }}>
                    {toNext === null
                      ? t('mvol.hours.topStar')
                      : t('mvol.hours.toNext', { next: stars + 1, hours: toNext })}
                  </div>
                  <ProgressBar percent={progress} aria-label={t('mvol.hours.star')} />
                </div>
              }
            >
              {stars > 0 ? t('mvol.hours.stars', { count: stars }) : t('mvol.hours.star')}
            </List.Item>
          </List>
          <div style={{ padding: 12 }}>
            <Button
              block
              color="primary"
              fill="outline"
              disabled={v.confirmedHours <= 0}
              loading={certificate.isPending}
              onClick={() => void issue()}
            >
              {t('mvol.hours.certificate')}
            </Button>
            {issued && (
              <div role="status" style={{ marginTop: 8, textAlign: 'center' }}>
                <a href={issued.url} target="_blank" rel="noopener noreferrer" download={`${issued.number}.pdf`}>
                  {t('mvol.hours.certificateReady', { number: issued.number, hours: issued.hours })}
                </a>
              </div>
            )}
          </div>
          <List header={t('mvol.hours.records')}>
            {records.isSuccess && items.length === 0 && <List.Item>{t('mvol.hours.empty')}</List.Item>}
            {items.map((r) => (
              <List.Item
                key={r.activityId ?? r.orderId}
                onClick={() => navigate(r.orderId ? `/m/orders/${r.orderId}` : `/m/activities/${r.activityId}`)}
                description={`${formatDateTime(r.checkInAt ?? r.startsAt)}${r.closedByOrganiser ? ` · ${t('mvol.hours.flagged')}` : ''}`}
                extra={
                  <div style={{ textAlign: 'right' }}>
                    <div>{r.hours != null ? t('mvol.hours.value', { hours: r.hours }) : '—'}</div>
                    <Tag color={recordColor[r.hoursStatus]} fill="outline">
                      {t(`mvol.record.${r.checkOutAt || r.source === 'order' ? r.hoursStatus : 'open'}`)}
                    </Tag>
                  </div>
                }
              >
                <span style={{ whiteSpace: 'normal' }}>
                  {r.source === 'order'
                    ? t('mvol.hours.orderLine', { title: r.title, number: r.orderNumber })
                    : r.title}
                </span>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </MobileShell>
  );
}
