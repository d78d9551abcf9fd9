import type { Dict } from '../../app/messages/types';

export const gridMessages: Dict = {
  'grid.title': ['网格', '網格', 'Grids'],
  'grid.create': ['新建网格', '新建網格', 'New grid'],
  'grid.edit': ['编辑网格', '編輯網格', 'Edit grid'],
  'grid.code': ['网格编码', '網格編碼', 'Grid code'],
  'grid.name': ['网格名称', '網格名稱', 'Grid name'],
  'grid.region': ['所属社区/村', '所屬社區/村', 'Community / village'],
  'grid.center': ['中心点', '中心點', 'Centre'],
  'grid.centerLat': ['中心点纬度', '中心點緯度', 'Centre latitude'],
  'grid.centerLng': ['中心点经度', '中心點經度', 'Centre longitude'],
  'grid.boundary': ['边界（GeoJSON）', '邊界（GeoJSON）', 'Boundary (GeoJSON)'],
  'grid.boundaryDrawn': ['边界', '邊界', 'Boundary'],
  'grid.noBoundary': ['未绘制', '未繪製', 'Not drawn'],
  'grid.boundaryInvalid': ['不是有效的 JSON', '不是有效的 JSON', 'Not valid JSON'],
  'grid.hasBoundary': ['已绘制边界', '已繪製邊界', 'Has a boundary'],
};
