import type { Dict } from '../../app/messages/types';

export const pairingMessages: Dict = {
  'pairing.title': ['包联关系', '包聯關係', 'Pairings'],
  'pairing.create': ['新建包联关系', '新建包聯關係', 'New pairing'],
  'pairing.unit': ['责任单位', '責任單位', 'Responsible unit'],
  'pairing.kind': ['包联方式', '包聯方式', 'Kind'],
  'pairing.targetKind': ['对象类型', '對象類型', 'Target type'],
  'pairing.target': ['包联对象', '包聯對象', 'Target'],
  'pairing.pointId': ['点位编号', '點位編號', 'Point id'],
  'pairing.region': ['区划代码', '區劃代碼', 'Region code'],
  'pairing.note': ['备注', '備註', 'Note'],
  'pairing.filterUnit': ['单位筛选', '單位篩選', 'Filter by unit'],
  'pairing.filterTargetKind': ['对象类型筛选', '對象類型篩選', 'Filter by target type'],
  'pairing.deleteConfirm': ['确定解除该包联关系吗？', '確定解除該包聯關係嗎？', 'Remove this pairing?'],
};
