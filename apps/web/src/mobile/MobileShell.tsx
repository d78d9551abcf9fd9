import type { Language } from '@wenming/contracts';
import './antd-mobile-render';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import zhTW from 'antd-mobile/es/locales/zh-TW';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const locales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;

/** Phone pages: antd-mobile in the UI language, on a narrow grey page. */
export function MobileShell({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={locales[i18n.language as Language] ?? zhCN}>
      <div
        style={
          {
            minHeight: '100vh',
            background: '#f5f5f5',
            maxWidth: 640,
            margin: '0 auto',
            '--adm-color-primary': '#c8161d',
          } as CSSProperties
        }
      >
        {children}
      </div>
    </ConfigProvider>
  );
}
