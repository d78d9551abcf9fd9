import { useQuery } from '@tanstack/react-query';
import { ErrorBlock, NavBar, NoticeBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../features/auth/queries';
import { EntryList } from '../components/EntryGrid';
import { MobileShell } from '../MobileShell';
import { phoneEntries } from '../phone-entries';
import { todayQuery } from '../phone-queries';

/** 任务: the role's work entries, with today's inspection progress for inspectors. */
export function WorkPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const entries = phoneEntries(user.permissions, true).filter((e) => e.group === 'work');
  const today = useQuery({ ...todayQuery(), enabled: user.permissions.includes('inspection.perform') });
  const items = today.data?.items ?? [];
  return (
    <MobileShell>
      <NavBar back={null}>{t('phone.tab.work')}</NavBar>
      {today.isSuccess && (
        <NoticeBar
          color="info"
          wrap
          content={t('inspect.summary', { total: items.length, done: items.filter((i) => i.done).length })}
        />
      )}
      {entries.length === 0 ? (
        <ErrorBlock status="empty" title={t('phone.noWork')} description={t('phone.noWorkHint')} />
      ) : (
        <EntryList entries={entries} header={t('phone.myWork')} />
      )}
    </MobileShell>
  );
}
