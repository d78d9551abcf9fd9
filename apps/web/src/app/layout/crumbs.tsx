// Breadcrumbs on every page: 首页 / menu group / page / record, from the menu and the page's own record name.
import { Breadcrumb } from 'antd';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { type MenuEntry, menuEntries } from '../access';

const CrumbContext = createContext<(label: string | null) => void>(() => {});

/** Name the record a detail page shows, as the last breadcrumb (「问题 GW-2026-0012」). */
export function useRecordCrumb(label: string | null | undefined) {
  const set = useContext(CrumbContext);
  useEffect(() => {
    set(label ?? null);
    return () => set(null);
  }, [label, set]);
}

/** The menu entry a path belongs to: the longest entry path that prefixes it. */
export function entryOf(pathname: string): MenuEntry | undefined {
  return menuEntries
    .filter((e) => e.path !== '/' && (pathname === e.path || pathname.startsWith(`${e.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** Holds the record name pages set, and renders the trail above the page. */
export function CrumbProvider({ children }: { children: ReactNode }) {
  const [record, setRecord] = useState<string | null>(null);
  return (
    <CrumbContext.Provider value={setRecord}>
      <PageCrumbs record={record} />
      {children}
    </CrumbContext.Provider>
  );
}

function PageCrumbs({ record }: { record: string | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const entry = entryOf(pathname);
  const items: { title: ReactNode }[] = [{ title: <Link to="/">{t('crumb.home')}</Link> }];
  if (entry?.group) items.push({ title: t(`menu.${entry.group}`) });
  if (entry) {
    const isDetail = pathname !== entry.path;
    items.push({ title: isDetail ? <Link to={entry.path}>{t(entry.labelKey)}</Link> : t(entry.labelKey) });
    if (isDetail) items.push({ title: record ?? t('crumb.detail') });
  }
  return <Breadcrumb aria-label={t('crumb.label')} items={items} style={{ marginBottom: 12 }} />;
}
