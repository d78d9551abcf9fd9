// Entry tiles of the phone home (a grid of coloured icons) and the 任务 tab's list, from phone-entries.
import { Grid, List } from 'antd-mobile';
import {
  CalendarOutline,
  CameraOutline,
  CheckCircleOutline,
  ClockCircleOutline,
  EditSOutline,
  EnvironmentOutline,
  FileOutline,
  GlobalOutline,
  HeartOutline,
  LikeOutline,
  PayCircleOutline,
  SearchOutline,
  TeamOutline,
  UnorderedListOutline,
} from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EntryIcon, PhoneEntry } from '../phone-entries';

const icons: Record<EntryIcon, { node: ReactNode; color: string }> = {
  inspect: { node: <EnvironmentOutline />, color: '#c8161d' },
  rectify: { node: <CheckCircleOutline />, color: '#fa8c16' },
  report: { node: <EditSOutline />, color: '#d4380d' },
  camera: { node: <CameraOutline />, color: '#c8161d' },
  myReports: { node: <SearchOutline />, color: '#1677ff' },
  tasks: { node: <FileOutline />, color: '#1677ff' },
  register: { node: <TeamOutline />, color: '#eb2f96' },
  activities: { node: <CalendarOutline />, color: '#52c41a' },
  hours: { node: <ClockCircleOutline />, color: '#13c2c2' },
  orders: { node: <UnorderedListOutline />, color: '#722ed1' },
  services: { node: <HeartOutline />, color: '#eb2f96' },
  timebank: { node: <PayCircleOutline />, color: '#faad14' },
  vote: { node: <LikeOutline />, color: '#c8161d' },
  desktop: { node: <GlobalOutline />, color: '#595959' },
};

/** Opens an entry: a phone page in the router, a desktop page with a full load. */
export function useOpenEntry() {
  const navigate = useNavigate();
  return (e: PhoneEntry) => (e.isDesktop ? window.location.assign(e.path) : navigate(e.path));
}

export function EntryGrid({ entries }: { entries: PhoneEntry[] }) {
  const { t } = useTranslation();
  const open = useOpenEntry();
  return (
    <Grid columns={4} gap={8} style={{ padding: '16px 8px', background: '#fff' }}>
      {entries.map((e) => (
        <Grid.Item key={`${e.path}:${e.title}`}>
          <button
            type="button"
            onClick={() => open(e)}
            style={{ all: 'unset', display: 'block', width: '100%', textAlign: 'center', cursor: 'pointer' }}
          >
            <span
              aria-hidden
              style={{
                display: 'inline-flex',
                width: 44,
                height: 44,
                borderRadius: 12,
                alignItems: 'center',
                justifyContent: 'center',
                fontSize: 24,
                color: '#fff',
                background: icons[e.icon].color,
              }}
            >
              {icons[e.icon].node}
            </span>
            <span style={{ display: 'block', fontSize: 12, marginTop: 6, color: '#333', lineHeight: 1.3 }}>
              {t(e.title)}
            </span>
          </button>
        </Grid.Item>
      ))}
    </Grid>
  );
}

export function EntryList({ entries, header }: { entries: PhoneEntry[]; header?: ReactNode }) {
  const { t } = useTranslation();
  const open = useOpenEntry();
  return (
    <List header={header}>
      {entries.map((e) => (
        <List.Item
          key={`${e.path}:${e.title}`}
          prefix={<span style={{ color: icons[e.icon].color, fontSize: 22 }}>{icons[e.icon].node}</span>}
          description={t(e.hint)}
          onClick={() => open(e)}
        >
          {t(e.title)}
        </List.Item>
      ))}
    </List>
  );
}
