import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { formatDateTime } from '../../../app/format';

/** What went wrong at sign-in: wrong password, a lockout with its end time, or too many attempts. */
export function LoginErrorAlert({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  if (error.code === 'AUTH_ACCOUNT_LOCKED' || error.status === 423) {
    const lockedUntil = (error.details as { lockedUntil?: string } | undefined)?.lockedUntil;
    return (
      <Alert
        type="error"
        showIcon
        title={t('login.lockedTitle')}
        description={
          <>
            <div>{error.message}</div>
            {lockedUntil && (
              <div data-testid="locked-until">{t('login.lockedUntil', { time: formatDateTime(lockedUntil) })}</div>
            )}
          </>
        }
      />
    );
  }
  if (error.status === 429) {
    return <Alert type="warning" showIcon title={t('login.rateLimitedTitle')} description={error.message} />;
  }
  return <Alert type="error" showIcon title={t('login.failedTitle')} description={error.message} />;
}
