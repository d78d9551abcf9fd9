import { defaultRolePermissions, type RoleCode } from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { phoneEntries } from './phone-entries';

const paths = (role: RoleCode, isVolunteer: boolean | null = true) =>
  phoneEntries(defaultRolePermissions[role], isVolunteer).map((e) => e.path);

describe('each role’s phone home', () => {
  it('gives the field roles their work first', () => {
    expect(paths('inspector')).toEqual(['/m/inspect', '/m/problems/new', '/m/my-reports']);
    expect(paths('unit_liaison')).toEqual(['/m/problems', '/m/tasks']);
    expect(paths('grid_worker').slice(0, 3)).toEqual(['/m/problems', '/m/problems/new', '/m/my-reports']);
  });

  it('gives a resident 随手拍 and 我的上报, and the registration only while not a volunteer', () => {
    expect(paths('resident', false)).toEqual([
      '/m/report',
      '/m/my-reports',
      '/m/volunteer/register',
      '/m/services',
      '/m/orders',
      '/m/venues',
      '/m/timebank',
      '/m/vote',
    ]);
    expect(paths('resident', true)).not.toContain('/m/volunteer/register');
    expect(paths('resident', null)).not.toContain('/m/volunteer/register');
  });

  it('sends a station admin’s desk work to the desktop pages, and lists every entry once per title', () => {
    const station = phoneEntries(defaultRolePermissions.station_admin, true);
    expect(station.filter((e) => e.isDesktop).map((e) => e.path)).toEqual(['/orders', '/activities']);
    for (const role of Object.keys(defaultRolePermissions) as RoleCode[]) {
      const titles = phoneEntries(defaultRolePermissions[role], false).map((e) => e.title);
      expect(new Set(titles).size, role).toBe(titles.length);
    }
  });
});
