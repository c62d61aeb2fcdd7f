import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect, useState } from 'react';
import { BrowserRouter } from 'react-router';
import { setCsrfToken, setUnauthenticatedHandler } from '../lib/api-client';
import { markSessionExpired, meQueryKey } from '../lib/auth';
import { setDayjsLocale } from '../lib/dates';
import { useLang } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { theme } from './theme';

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [lang] = useLang();
  setDayjsLocale(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  useEffect(() => {
    // An expired session anywhere: forget the user; the route guard sends them to the login page.
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      if (queryClient.getQueryData(meQueryKey)) {
        markSessionExpired();
        queryClient.setQueryData(meQueryKey, null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      }
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
        <AntApp notification={{ placement: 'topRight' }}>
          <BrowserRouter>{children}</BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
