import { DotLoading } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

/** A page being loaded (its code or its data). */
export function PhoneLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ padding: 48, textAlign: 'center', color: '#999' }}>
      <DotLoading color="primary" /> {t('common.loading')}
    </div>
  );
}
