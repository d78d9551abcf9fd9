import { GlobalOutlined } from '@ant-design/icons';
import { type Language, languages } from '@wenming/contracts';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, languageNames } from '../app/i18n';

/** Header control that switches 简体 / 繁體 / English for the UI and the server's messages. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Select<Language>
      aria-label={t('layout.language')}
      value={i18n.language as Language}
      onChange={changeLanguage}
      suffixIcon={<GlobalOutlined />}
      variant="borderless"
      style={{ minWidth: 120 }}
      options={languages.map((lang) => ({ value: lang, label: languageNames[lang] }))}
    />
  );
}
