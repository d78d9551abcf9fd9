// 常用功能: the pages a role opens most, among those its permissions show in the menu, plus its phone pages.
import type { RoleCode } from '@wenming/contracts';
import { Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess, visibleMenuEntries } from '../../../app/access';

const byRole: Record<RoleCode, string[]> = {
  office_admin: ['problems', 'tasks', 'campaigns', 'inspection-plans', 'evaluations', 'bulletins', 'bigscreen'],
  inspector: ['problems', 'inspections', 'points', 'inspection-plans'],
  unit_liaison: ['tasks', 'problems', 'evaluations'],
  grid_worker: ['problems', 'grids', 'points'],
  station_admin: ['orders', 'activities', 'volunteers', 'teams', 'timebank', 'service-menu'],
  volunteer: ['my-activities', 'my-hours', 'my-orders', 'my-timebank'],
  resident: ['my-orders', 'my-reports', 'my-timebank'],
  sysadmin: ['accounts', 'units', 'people'],
  secadmin: ['accounts'],
  auditor: ['audit'],
};

/** Phone pages a role works on in the field. */
const phone: Partial<Record<RoleCode, { path: string; labelKey: string }[]>> = {
  inspector: [{ path: '/m/inspect', labelKey: 'wb.phoneInspect' }],
  grid_worker: [{ path: '/m/problems/new', labelKey: 'wb.phoneReport' }],
  unit_liaison: [{ path: '/m/tasks', labelKey: 'wb.phoneTasks' }],
  volunteer: [{ path: '/m', labelKey: 'wb.phoneHome' }],
  resident: [{ path: '/m/report', labelKey: 'wb.phoneReport' }],
};

export function QuickLinks({ role }: { role: RoleCode }) {
  const { t } = useTranslation();
  const { permissions, roles } = useAccess();
  const entries = visibleMenuEntries(permissions, roles);
  const links = byRole[role]
    .map((key) => entries.find((e) => e.key === key))
    .filter((e) => e !== undefined)
    .map((e) => ({ path: e.path, label: t(e.labelKey) }));
  const field = (phone[role] ?? []).map((p) => ({ path: p.path, label: t(p.labelKey) }));
  if (!links.length && !field.length) return null;
  return (
    <Card size="small" title={t('wb.quickLinks')}>
      <Space wrap>
        {links.map((l) => (
          <Link key={l.path} to={l.path}>
            <Button>{l.label}</Button>
          </Link>
        ))}
        {field.map((l) => (
          <a key={l.path} href={l.path}>
            <Button type="dashed">{l.label}</Button>
          </a>
        ))}
      </Space>
    </Card>
  );
}
