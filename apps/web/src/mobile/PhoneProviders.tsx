import type { Language } from '@wenming/contracts';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import i18n from '../app/i18n';

function DocumentLanguage() {
  const { i18n: current } = useTranslation();
  useEffect(() => {
    document.documentElement.lang = (current.language as Language) ?? 'zh-CN';
  }, [current.language]);
  return null;
}

/** The phone's providers: queries and the UI language (each page sets antd-mobile's locale in MobileShell). */
export function PhoneProviders({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <DocumentLanguage />
        {children}
      </I18nextProvider>
    </QueryClientProvider>
  );
}
