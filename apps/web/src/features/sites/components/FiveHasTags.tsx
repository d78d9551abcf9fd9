import { CheckCircleFilled } from '@ant-design/icons';
import { fiveHasKeys } from '@wenming/contracts';
import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FiveHas, meetsFiveHas } from '../queries';

/** The five standards as tags (met ones green), with a 五有达标 badge when all five are met. */
export function FiveHasTags({ fiveHas }: { fiveHas: Partial<FiveHas> | null | undefined }) {
  const { t } = useTranslation();
  if (meetsFiveHas(fiveHas)) {
    return (
      <Tag color="success" icon={<CheckCircleFilled />}>
        {t('site.fiveHasMet')}
      </Tag>
    );
  }
  return (
    <Flex wrap gap={4}>
      {fiveHasKeys.map((key) => (
        <Tag key={key} color={fiveHas?.[key] ? 'green' : 'default'} style={{ opacity: fiveHas?.[key] ? 1 : 0.6 }}>
          {fiveHas?.[key] ? '✓ ' : '✗ '}
          {t(`fiveHas.${key}`)}
        </Tag>
      ))}
    </Flex>
  );
}
