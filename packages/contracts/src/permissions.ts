// Permissions, built-in roles and data-scope kinds (SPEC 3.2).

export const permissions = [
  'tenant.manage',
  'account.manage',
  'role.manage',
  'account.unlock',
  'audit.read',
  'region.read',
  'region.manage',
  'unit.read',
  'unit.manage',
  'person.read',
  'person.manage',
  'person.reveal_pii',
  'site.read',
  'site.manage',
  'pairing.read',
  'pairing.manage',
  'grid.read',
  'grid.manage',
  'file.upload',
  'file.read',
  'job.read',
  'framework.read',
  'framework.manage',
  'campaign.read',
  'campaign.manage',
  'task.report',
  'task.review',
  'selfassessment.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const roleCodes = [
  'sysadmin',
  'secadmin',
  'auditor',
  'office_admin',
  'inspector',
  'unit_liaison',
  'grid_worker',
  'station_admin',
  'volunteer',
  'resident',
] as const;
export type RoleCode = (typeof roleCodes)[number];

/** 三员分立: no account may hold two of these. */
export const separatedRoles: readonly RoleCode[] = ['sysadmin', 'secadmin', 'auditor'];

const readOrg: Permission[] = ['region.read', 'unit.read', 'person.read', 'site.read', 'pairing.read', 'grid.read'];

export const defaultRolePermissions: Record<RoleCode, Permission[]> = {
  sysadmin: ['tenant.manage', 'account.manage', 'job.read', ...readOrg],
  secadmin: ['role.manage', 'account.unlock', 'account.manage'],
  auditor: ['audit.read'],
  office_admin: [
    ...readOrg,
    'region.manage',
    'unit.manage',
    'person.manage',
    'person.reveal_pii',
    'site.manage',
    'pairing.manage',
    'grid.manage',
    'file.upload',
    'file.read',
    'job.read',
    'framework.read',
    'framework.manage',
    'campaign.read',
    'campaign.manage',
    'task.report',
    'task.review',
    'selfassessment.manage',
  ],
  inspector: [
    'region.read',
    'unit.read',
    'site.read',
    'pairing.read',
    'grid.read',
    'file.upload',
    'framework.read',
    'campaign.read',
  ],
  unit_liaison: [
    'region.read',
    'unit.read',
    'person.read',
    'pairing.read',
    'file.upload',
    'framework.read',
    'campaign.read',
    'task.report',
    'selfassessment.manage',
  ],
  grid_worker: [
    'region.read',
    'grid.read',
    'unit.read',
    'pairing.read',
    'file.upload',
    'framework.read',
    'campaign.read',
  ],
  station_admin: [
    'region.read',
    'site.read',
    'site.manage',
    'person.read',
    'file.upload',
    'job.read',
    'framework.read',
    'campaign.read',
  ],
  volunteer: ['region.read', 'site.read', 'file.upload'],
  resident: ['region.read', 'site.read', 'file.upload'],
};

/** 全部 / 本级及以下 (region subtree) / 本单位 / 本队 / 本阵地 / 仅本人. */
export const scopeKinds = ['all', 'region', 'unit', 'team', 'site', 'own'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

export interface ScopeGrant {
  kind: ScopeKind;
  /** region code, unit id, team id or site id; null for `all` and `own`. */
  ref: string | null;
}
