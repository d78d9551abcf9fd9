import type { Language } from '@wenming/contracts';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n from './i18n';

export { createQueryClient } from './query-client';

type Locale = NonNullable<ConfigProviderProps['locale']>;

const antdLocales: Record<Language, Locale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

function LocalizedConfig({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  const lang = (current.language as Language) ?? 'zh-CN';
  useEffect(() => {
    dayjs.locale(dayjsLocales[lang] ?? 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={antdLocales[lang] ?? zhCN}
      theme={{ token: { colorPrimary: '#c8161d', borderRadius: 6 } }}
      // antd would render 保存 as "保 存"; accessible names must stay the words themselves.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <LocalizedConfig>{children}</LocalizedConfig>
      </I18nextProvider>
    </QueryClientProvider>
  );
}
