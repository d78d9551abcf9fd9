import { type Language, languages } from '@wenming/contracts';
import { Button, Space } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { changeLanguage, languageNames } from '../app/i18n';

export function MobileLanguageBar() {
  const { i18n, t } = useTranslation();
  return (
    <Space justify="center" block style={{ padding: 12 }} aria-label={t('layout.language')}>
      {languages.map((lang: Language) => (
        <Button
          key={lang}
          size="mini"
          fill={i18n.language === lang ? 'solid' : 'outline'}
          color="primary"
          onClick={() => changeLanguage(lang)}
        >
          {languageNames[lang]}
        </Button>
      ))}
    </Space>
  );
}
