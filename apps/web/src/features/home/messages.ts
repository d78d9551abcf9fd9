import type { Dict } from '../../app/messages/types';

export const homeMessages: Dict = {
  'home.welcome': ['欢迎，{{name}}', '歡迎，{{name}}', 'Welcome, {{name}}'],
  'home.tenant': ['所属', '所屬', 'Organisation'],
  'home.roles': ['我的角色与数据范围', '我的角色與資料範圍', 'My roles and data scopes'],
  'home.noRoles': ['尚未分配角色，请联系管理员', '尚未分配角色，請聯絡管理員', 'No roles yet; ask an administrator'],
  'home.orgStats': ['组织概况', '組織概況', 'Organisation at a glance'],
  'home.regions': ['区划', '區劃', 'Regions'],
  'home.units': ['单位', '單位', 'Units'],
  'home.people': ['人员', '人員', 'People'],
  'home.sites': ['实践阵地', '實踐陣地', 'Practice sites'],
  'home.grids': ['网格', '網格', 'Grids'],
  'home.pairings': ['包联关系', '包聯關係', 'Pairings'],
  'home.points': ['点位', '點位', 'Inspection points'],
  'home.unitsByType': ['单位类型分布', '單位類型分佈', 'Units by type'],
  'home.sitesByKind': ['文明实践阵地', '文明實踐陣地', 'Practice network'],
  'home.regionsByLevel': ['区划层级', '區劃層級', 'Regions by level'],
  'home.statsUnavailable': ['暂无可查看的组织统计', '暫無可檢視的組織統計', 'No organisation figures to show'],
};
