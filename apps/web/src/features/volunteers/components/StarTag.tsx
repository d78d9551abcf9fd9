import { StarFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** ★ level of a volunteer, or a grey "未评星". */
export function StarTag({ level }: { level: number }) {
  const { t } = useTranslation();
  if (!level) return <Tag>{t('vol.starNone')}</Tag>;
  return (
    <Tag color="gold" icon={<StarFilled />}>
      {t('vol.starN', { n: level })}
    </Tag>
  );
}
