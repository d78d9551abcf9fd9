import type { Dict } from '../../app/messages/types';

export const siteMessages: Dict = {
  'site.title': ['新时代文明实践阵地', '新時代文明實踐陣地', 'Civilization practice sites'],
  'site.create': ['新建阵地', '新建陣地', 'New site'],
  'site.edit': ['编辑阵地', '編輯陣地', 'Edit site'],
  'site.name': ['阵地名称', '陣地名稱', 'Site name'],
  'site.kind': ['阵地类别', '陣地類別', 'Kind'],
  'site.region': ['所属区划', '所屬區劃', 'Region'],
  'site.address': ['地址', '地址', 'Address'],
  'site.fiveHas': ['“五有”标准', '「五有」標準', 'The five standards'],
  'site.fiveHasMet': ['五有达标', '五有達標', 'Meets all five'],
  'site.lat': ['纬度', '緯度', 'Latitude'],
  'site.lng': ['经度', '經度', 'Longitude'],
  'site.filterKind': ['类别筛选', '類別篩選', 'Filter by kind'],
};
