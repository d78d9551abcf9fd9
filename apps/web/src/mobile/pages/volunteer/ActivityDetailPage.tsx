import { Button, Dialog, ErrorBlock, List, NavBar, NoticeBar, Skeleton, Space, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { SignupTag } from '../../../features/volunteering/components/SignupTag';
import { useActivity, useMyVolunteer, useSignup } from '../../../features/volunteering/queries';
import { MobileShell } from '../../MobileShell';

/** One activity: when, where, places left, eligibility; sign up or cancel; check in/out by the organiser's QR. */
export function ActivityDetailPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMyVolunteer();
  const activity = useActivity(id);
  const signup = useSignup(id);
  const a = activity.data;
  const mine = a?.mySignup && a.mySignup.status !== 'cancelled' ? a.mySignup : null;

  const act = async (cancel: boolean) => {
    if (cancel && !(await Dialog.confirm({ content: t('mvol.activity.cancelConfirm') }))) return;
    try {
      const s = (await signup.mutateAsync(cancel)).mySignup;
      if (!cancel && s)
        Toast.show({
          icon: 'success',
          content:
            s.status === 'waitlisted'
              ? t('mvol.activity.waitlisted', { position: s.waitlistPosition ?? '—' })
              : t('mvol.activity.signedUp'),
        });
    } catch (err) {
      Toast.show({ icon: 'fail', content: (err as Error).message });
    }
  };

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/activities')}>{t('mvol.activity.detail')}</NavBar>
      {activity.isPending && <Skeleton.Paragraph lineCount={8} animated />}
      {activity.isError && (
        <ErrorBlock status="default" title={t('common.error')} description={activity.error.message} />
      )}
      {a && (
        <>
          <List header={<Tag color="primary">{t(`mvol.activityType.${a.type}`)}</Tag>}>
            <List.Item extra={mine ? <SignupTag signup={mine} /> : null}>
              <span style={{ whiteSpace: 'normal', fontWeight: 600 }}>{a.title}</span>
            </List.Item>
            {a.description && (
              <List.Item>
                <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span>
              </List.Item>
            )}
            <List.Item description={`${formatDateTime(a.startsAt)} — ${formatDateTime(a.endsAt)}`}>
              {t('mvol.activity.time')}
            </List.Item>
            <List.Item description={a.place}>{t('mvol.activity.place')}</List.Item>
            <List.Item description={[a.siteName, a.teamName, a.projectName].filter(Boolean).join(' · ') || '—'}>
              {t('mvol.activity.organiser')}
            </List.Item>
            <List.Item
              extra={t('mvol.activity.quotaValue', { taken: a.signedUpCount, limit: a.recruitLimit })}
              description={
                a.waitlistCount > 0 ? t('mvol.activity.waitlistCount', { count: a.waitlistCount }) : undefined
              }
            >
              {t('mvol.activity.quota')}
            </List.Item>
            {(a.requiredSkills.length > 0 || a.teamOnly) && (
              <List.Item>
                <div>{t('mvol.activity.eligibility')}</div>
                <Space wrap style={{ marginTop: 4 }}>
                  {a.requiredSkills.map((s) => (
                    <Tag key={s} fill="outline">
                      {t(`mvol.skill.${s}`)}
                    </Tag>
                  ))}
                  {a.teamOnly && <Tag fill="outline">{t('mvol.activity.teamOnly', { team: a.teamName ?? '' })}</Tag>}
                </Space>
              </List.Item>
            )}
          </List>
          {mine?.checkInAt && (
            <List header={t('mvol.hours.records')}>
              <List.Item>{t('mvol.activity.checkedIn', { time: formatDateTime(mine.checkInAt) })}</List.Item>
              {mine.checkOutAt && (
                <List.Item
                  extra={mine.hours != null ? t('mvol.hours.value', { hours: mine.hours }) : null}
                  description={mine.closedByOrganiser ? t('mvol.hours.flagged') : undefined}
                >
                  {t('mvol.activity.checkedOut', { time: formatDateTime(mine.checkOutAt) })}
                </List.Item>
              )}
            </List>
          )}
          {me.data === null && <NoticeBar color="alert" wrap content={t('mvol.notRegistered')} />}
          <Space direction="vertical" block style={{ padding: 12, '--gap': '8px' } as React.CSSProperties}>
            {!mine && me.data && a.status === 'published' && (
              <Button block color="primary" size="large" loading={signup.isPending} onClick={() => void act(false)}>
                {t('mvol.activity.signUp')}
              </Button>
            )}
            {mine?.status === 'signed_up' && !mine.checkInAt && (
              <Button block color="primary" size="large" onClick={() => navigate(`/m/activities/${a.id}/scan/in`)}>
                {t('mvol.activity.checkIn')}
              </Button>
            )}
            {mine?.checkInAt && !mine.checkOutAt && (
              <Button block color="primary" size="large" onClick={() => navigate(`/m/activities/${a.id}/scan/out`)}>
                {t('mvol.activity.checkOut')}
              </Button>
            )}
            {mine && !mine.checkInAt && (
              <Button block color="danger" fill="outline" loading={signup.isPending} onClick={() => void act(true)}>
                {t('mvol.activity.cancelSignUp')}
              </Button>
            )}
          </Space>
        </>
      )}
    </MobileShell>
  );
}
