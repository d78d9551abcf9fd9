import { Button, NavBar, NoticeBar, Result } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../api/client';
import { formatDateTime } from '../../../app/format';
import { readPositionNow } from '../../../features/volunteering/geo';
import { QrScanner } from '../../../features/volunteering/components/QrScanner';
import { useActivity, useCheck } from '../../../features/volunteering/queries';
import { MobileShell } from '../../MobileShell';

/** The activity a scanned `wenming-checkin:<activity>:<token>` names, when it is not this one. */
function otherActivityOf(scanned: string, activityId: string): string | null {
  const parts = scanned.trim().split(':');
  return parts.length === 3 && parts[0] === 'wenming-checkin' && parts[1] !== activityId ? parts[1] : null;
}

type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/** 签到/签退: the organiser's rotating code (camera or typed) plus the phone's position, checked by the server. */
export function CheckScanPage() {
  const { id = '', mode } = useParams<{ id: string; mode: string }>();
  const kind = mode === 'out' ? 'out' : 'in';
  const { t } = useTranslation();
  const navigate = useNavigate();
  const activity = useActivity(id);
  const check = useCheck(id);
  const [busy, setBusy] = useState<'locating' | 'sending' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const explain = (err: unknown): string => {
    if (!isApiError(err)) return (err as Error).message;
    const d = (err.details ?? {}) as { distanceM?: number; opensAt?: string; closesAt?: string };
    if (err.code === 'CHECKIN_OUTSIDE_GEOFENCE' && d.distanceM != null)
      return t('mvol.scan.outsideFence', { distance: d.distanceM });
    if (err.code === 'CHECKIN_OUTSIDE_WINDOW' && d.opensAt && d.closesAt)
      return t('mvol.scan.outsideWindow', { from: formatDateTime(d.opensAt), to: formatDateTime(d.closesAt) });
    if (err.code === 'CHECKIN_CODE_INVALID') return t('mvol.scan.expired');
    return err.message;
  };

  const send = async (code: string) => {
    setOutcome(null);
    const other = otherActivityOf(code, id);
    if (other) return setOutcome({ ok: false, text: t('mvol.scan.otherActivity') });
    setBusy('locating');
    const gps = await readPositionNow();
    if (!gps) {
      setBusy(null);
      return setOutcome({ ok: false, text: t('mvol.scan.noLocation') });
    }
    setBusy('sending');
    try {
      const a = await check.mutateAsync({ kind, token: code, lat: gps.lat, lng: gps.lng });
      setOutcome({
        ok: true,
        text: kind === 'in' ? t('mvol.scan.inDone') : t('mvol.scan.outDone', { hours: a.mySignup?.hours ?? 0 }),
      });
    } catch (err) {
      setOutcome({ ok: false, text: explain(err) });
    } finally {
      setBusy(null);
    }
  };

  const title = kind === 'in' ? t('mvol.scan.titleIn') : t('mvol.scan.titleOut');
  return (
    <MobileShell>
      <NavBar onBack={() => navigate(`/m/activities/${id}`)}>{title}</NavBar>
      {activity.data && <NoticeBar content={`${activity.data.title} · ${activity.data.place}`} wrap />}
      {busy === 'locating' && <NoticeBar content={t('mvol.scan.locating')} />}
      {outcome && !outcome.ok && (
        <div role="alert">
          <NoticeBar color="error" content={outcome.text} wrap />
        </div>
      )}
      {outcome?.ok ? (
        <div role="status">
          <Result status="success" title={outcome.text} />
          <div style={{ padding: 12 }}>
            <Button block color="primary" onClick={() => navigate(`/m/activities/${id}`)}>
              {t('mvol.activity.detail')}
            </Button>
          </div>
        </div>
      ) : (
        <QrScanner onCode={(c) => void send(c)} disabled={busy !== null} />
      )}
    </MobileShell>
  );
}
