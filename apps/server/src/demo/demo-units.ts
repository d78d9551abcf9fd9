import type { UnitType } from '@wenming/contracts';

type Tier = 'none' | 'county' | 'city' | 'province' | 'national' | 'model';

/** Fictional units of 示范市 (names invented for the demo). */
export const demoUnits: { name: string; type: UnitType; tier: Tier; contact: string; address: string }[] = [
  {
    name: '示范市精神文明建设指导委员会办公室',
    type: 'organ',
    tier: 'city',
    contact: '王文明',
    address: '示范市人民路1号',
  },
  { name: '示范市团结小学', type: 'school', tier: 'city', contact: '李和平', address: '示范市团结路18号' },
  { name: '示范市人民医院', type: 'hospital', tier: 'province', contact: '张仁心', address: '示范市健康路9号' },
  { name: '示范市政务服务中心', type: 'window', tier: 'national', contact: '赵便民', address: '示范市新华路66号' },
  { name: '示范市城市管理局', type: 'organ', tier: 'county', contact: '刘整洁', address: '示范市北京路12号' },
  { name: '示范市第一中学', type: 'school', tier: 'model', contact: '陈育才', address: '示范市文化路3号' },
  { name: '示范市公交集团有限公司', type: 'enterprise', tier: 'none', contact: '杨畅行', address: '示范市交通路21号' },
  { name: '示范市博物馆', type: 'institution', tier: 'city', contact: '周鉴古', address: '示范市金川西路5号' },
  { name: '示范市志愿服务联合会', type: 'social_org', tier: 'none', contact: '吴奉献', address: '示范市友谊路7号' },
  { name: '示范市紫金花城景区管理处', type: 'scenic', tier: 'county', contact: '徐美景', address: '示范市紫金路1号' },
  { name: '示范市市场监督管理局', type: 'organ', tier: 'city', contact: '孙诚信', address: '示范市公园路30号' },
  { name: '示范市农贸市场服务中心', type: 'enterprise', tier: 'none', contact: '马丰收', address: '示范市长春路41号' },
];
