import type { SignupView } from '@wenming/contracts';
import { Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** My place in an activity: signed up, waitlisted with position, or hours pending/confirmed. */
export function SignupTag({ signup }: { signup: SignupView }) {
  const { t } = useTranslation();
  if (signup.status === 'cancelled') return null;
  if (signup.status === 'waitlisted')
    return (
      <Tag color="warning" fill="outline">
        {t('mvol.activity.waitlisted', { position: signup.waitlistPosition ?? '—' })}
      </Tag>
    );
  if (signup.hoursStatus === 'confirmed') return <Tag color="success">{t('mvol.record.confirmed')}</Tag>;
  if (signup.hoursStatus === 'pending') return <Tag color="warning">{t('mvol.record.pending')}</Tag>;
  if (signup.checkInAt && !signup.checkOutAt) return <Tag color="primary">{t('mvol.record.open')}</Tag>;
  return (
    <Tag color="primary" fill="outline">
      {t('mvol.activity.signedUp')}
    </Tag>
  );
}
