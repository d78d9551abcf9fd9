import type { Dict } from '../../app/messages/types';

export const unitMessages: Dict = {
  'unit.title': ['单位', '單位', 'Units'],
  'unit.create': ['新建单位', '新建單位', 'New unit'],
  'unit.edit': ['编辑单位', '編輯單位', 'Edit unit'],
  'unit.name': ['单位名称', '單位名稱', 'Unit name'],
  'unit.type': ['单位类型', '單位類型', 'Unit type'],
  'unit.creditCode': ['统一社会信用代码', '統一社會信用代碼', 'Unified social credit code'],
  'unit.region': ['所属区划', '所屬區劃', 'Region'],
  'unit.parent': ['上级单位', '上級單位', 'Parent unit'],
  'unit.honorTier': ['文明单位称号', '文明單位稱號', 'Civilized unit honour'],
  'unit.contactName': ['联系人', '聯絡人', 'Contact person'],
  'unit.contactPhone': ['联系电话', '聯絡電話', 'Contact phone'],
  'unit.address': ['地址', '地址', 'Address'],
  'unit.filterType': ['类型筛选', '類型篩選', 'Filter by type'],
  'unit.phoneKeep': [
    '留空则不修改（当前 {{masked}}）',
    '留空則不修改（目前 {{masked}}）',
    'Leave empty to keep ({{masked}})',
  ],
};
