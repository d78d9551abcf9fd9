// Demo data of the problem list: ten categories (two with Open311 attributes) and about forty problems in every
// state. Texts are written for the demo.
import type { Open311Attribute, ProblemSeverity, ProblemSource, ProblemStatus } from '@wenming/contracts';

export interface DemoCategory {
  code: string;
  name: string;
  group: string;
  severity: ProblemSeverity;
  description: string;
  keywords: string;
  pairingKinds?: string[];
  /** Index into demoUnits of the unit that handles the category where no pairing answers. */
  fallbackUnit?: number;
  attributes?: Open311Attribute[];
}

export const demoCategories: DemoCategory[] = [
  {
    code: 'sanitation',
    name: '环境卫生',
    group: '市容环境',
    severity: 'medium',
    description: '垃圾乱堆、保洁不到位、污水横流等',
    keywords: '垃圾,保洁,卫生',
  },
  {
    code: 'city_order',
    name: '市容秩序',
    group: '市容环境',
    severity: 'medium',
    description: '占道经营、乱搭乱建、乱贴乱画等',
    keywords: '占道,乱贴,违建',
    fallbackUnit: 4,
  },
  {
    code: 'facilities',
    name: '公共设施',
    group: '公共设施',
    severity: 'high',
    description: '路灯、井盖、护栏、健身器材等损坏或缺失',
    keywords: '路灯,井盖,护栏',
    fallbackUnit: 4,
    attributes: [
      {
        code: 'facility_type',
        variable: true,
        datatype: 'singlevaluelist',
        required: true,
        datatypeDescription: null,
        order: 1,
        description: '损坏的设施类型',
        values: [
          { key: 'street_light', name: '路灯' },
          { key: 'manhole', name: '井盖' },
          { key: 'railing', name: '护栏' },
          { key: 'fitness', name: '健身器材' },
          { key: 'other', name: '其他' },
        ],
      },
      {
        code: 'is_dangerous',
        variable: true,
        datatype: 'singlevaluelist',
        required: false,
        datatypeDescription: null,
        order: 2,
        description: '是否危及行人安全',
        values: [
          { key: 'yes', name: '是' },
          { key: 'no', name: '否' },
        ],
      },
    ],
  },
  {
    code: 'public_ads',
    name: '公益广告',
    group: '宣传氛围',
    severity: 'low',
    description: '公益广告缺失、破损、内容过期',
    keywords: '公益广告,宣传栏',
  },
  {
    code: 'civility',
    name: '文明行为',
    group: '文明风尚',
    severity: 'low',
    description: '随地吐痰、乱扔垃圾、不文明养犬等',
    keywords: '不文明,养犬',
  },
  {
    code: 'traffic',
    name: '交通秩序',
    group: '交通秩序',
    severity: 'medium',
    description: '车辆乱停乱放、非机动车逆行、占用盲道等',
    keywords: '停车,盲道,逆行',
    fallbackUnit: 6,
    attributes: [
      {
        code: 'plate_number',
        variable: true,
        datatype: 'string',
        required: false,
        datatypeDescription: '如：甘C·12345',
        order: 1,
        description: '涉及车辆的车牌号',
      },
    ],
  },
  {
    code: 'window_service',
    name: '窗口服务',
    group: '公共服务',
    severity: 'medium',
    description: '窗口单位服务态度、便民设施、办事指引问题',
    keywords: '窗口,服务,办事',
    fallbackUnit: 3,
  },
  {
    code: 'market',
    name: '农贸市场',
    group: '市场秩序',
    severity: 'medium',
    description: '农贸市场内外环境、经营秩序、计量公平问题',
    keywords: '市场,摊位,计量',
    fallbackUnit: 11,
  },
  {
    code: 'back_street',
    name: '背街小巷',
    group: '市容环境',
    severity: 'medium',
    description: '背街小巷路面破损、杂物堆放、飞线充电等',
    keywords: '小巷,杂物,飞线',
    pairingKinds: ['baojie'],
  },
  {
    code: 'other',
    name: '其他',
    group: '其他',
    severity: 'low',
    description: '其他影响文明城市创建的问题',
    keywords: '',
  },
];

export interface DemoProblem {
  category: string;
  severity?: ProblemSeverity;
  source: ProblemSource;
  status: ProblemStatus;
  description: string;
  address: string;
  /** Index of the community (village-level region) the problem is in. */
  community: number;
  daysAgo: number;
  /** Keep the deadline in the past although the problem is still open. */
  overdue?: boolean;
}

const p = (
  category: string,
  status: ProblemStatus,
  source: ProblemSource,
  community: number,
  daysAgo: number,
  description: string,
  address: string,
  extra: Partial<DemoProblem> = {},
): DemoProblem => ({ category, status, source, community, daysAgo, description, address, ...extra });

export const demoProblems: DemoProblem[] = [
  p('sanitation', 'reported', 'resident', 3, 0, '小区垃圾分类投放点周边垃圾满溢，异味明显', '金川路128号小区东门'),
  p('sanitation', 'assigned', 'grid', 0, 1, '楼道内堆放废旧家具和纸箱', '新华街道3号楼2单元'),
  p('sanitation', 'rectifying', 'inspection', 7, 4, '绿化带内白色垃圾较多，未及时清理', '北京路与长春路交叉口'),
  p('sanitation', 'submitted', 'inspection', 14, 6, '公厕地面湿滑，保洁记录未更新', '人民公园东侧公厕'),
  p('sanitation', 'closed', 'inspection', 21, 30, '垃圾桶破损，污水外溢', '金川西路农行网点旁'),
  p('sanitation', 'duplicate', 'resident', 3, 0, '垃圾站旁垃圾堆积没人管', '金川路128号小区东门'),
  p('city_order', 'assigned', 'grid', 5, 0, '早餐摊点占用人行道经营', '友谊路与文化路口'),
  p('city_order', 'assigned', 'inspection', 28, 5, '沿街商铺门前乱堆乱放', '建设路步行街', { overdue: true }),
  p('city_order', 'returned', 'inspection', 35, 9, '墙面小广告清理不彻底，仍有残留', '桂林路18号围墙'),
  p('city_order', 'verified', 'inspection', 42, 12, '违规设置户外广告牌', '紫金路商业街'),
  p('city_order', 'disputed', 'inspection', 49, 3, '工地围挡破损，影响市容', '北京路东段施工工地'),
  p('facilities', 'assigned', 'resident', 56, 2, '人行道井盖缺失，存在安全隐患', '长春路41号门前', {
    severity: 'high',
  }),
  p('facilities', 'rectifying', 'open311', 63, 3, '小区路灯连续多日不亮', '金昌花园小区中心路', { overdue: true }),
  p('facilities', 'submitted', 'grid', 70, 4, '健身器材螺丝松动', '社区文化广场'),
  p('facilities', 'closed', 'inspection', 77, 40, '道路护栏倾倒', '新华路与北京路口'),
  p('facilities', 'reopened', 'inspection', 84, 25, '公交站台座椅损坏（回头看复现）', '人民医院公交站'),
  p('public_ads', 'reported', 'inspection', 91, 1, '社区公益广告宣传栏内容过期', '滨河社区服务中心'),
  p('public_ads', 'assigned', 'inspection', 98, 2, '主干道公益广告画面褪色破损', '北京路中段'),
  p('public_ads', 'closed', 'inspection', 105, 20, '“讲文明树新风”公益广告缺失', '火车站广场'),
  p('public_ads', 'verified', 'self_inspection', 112, 8, '围挡公益广告覆盖率不足', '紫金苑工地'),
  p('civility', 'reported', 'resident', 119, 0, '公园内有人遛狗不牵绳', '人民公园北门'),
  p('civility', 'rectifying', 'grid', 126, 2, '小区内不文明养犬现象较多', '团结小区'),
  p('civility', 'closed', 'inspection', 133, 35, '广场舞噪音扰民', '市民广场'),
  p('traffic', 'assigned', 'inspection', 140, 1, '机动车占用盲道停放', '新华路政务服务中心门前'),
  p('traffic', 'rectifying', 'open311', 147, 6, '非机动车乱停放堵塞消防通道', '金川路地铁口', { overdue: true }),
  p('traffic', 'returned', 'inspection', 154, 10, '路口斑马线标线模糊', '北京路与金川路口'),
  p('traffic', 'disputed', 'grid', 161, 2, '共享单车堆放占用人行道', '第一中学门口'),
  p('window_service', 'assigned', 'inspection', 168, 1, '政务大厅便民服务设施（老花镜、雨伞）缺失', '政务服务中心一楼'),
  p('window_service', 'submitted', 'self_inspection', 175, 5, '窗口工作人员未佩戴工作牌', '市人民医院门诊大厅'),
  p('window_service', 'closed', 'inspection', 1, 28, '办事指南未及时更新', '政务服务中心二楼'),
  p('market', 'assigned', 'inspection', 8, 3, '农贸市场内生熟不分，案板不洁', '长春路农贸市场', { overdue: true }),
  p('market', 'rectifying', 'inspection', 15, 2, '市场外围流动摊贩占道经营', '长春路农贸市场北门'),
  p('market', 'verified', 'inspection', 22, 15, '公平秤缺失或未校准', '金川农贸市场'),
  p('market', 'reopened', 'inspection', 29, 22, '市场公厕卫生差（回头看复现）', '金川农贸市场西侧'),
  p('back_street', 'reported', 'grid', 36, 0, '背街小巷路面坑洼积水', '团结巷12号'),
  p('back_street', 'assigned', 'inspection', 43, 2, '小巷内私拉电线飞线充电', '和平巷中段'),
  p('back_street', 'submitted', 'grid', 50, 3, '小巷墙面乱涂乱画', '文化巷3号'),
  p('back_street', 'closed', 'inspection', 57, 18, '小巷杂物堆放堵塞通道', '友谊巷'),
  p('other', 'reported', 'open311', 64, 0, '社区宣传栏玻璃破碎', '滨河社区'),
  p('other', 'disputed', 'inspection', 71, 4, '河道漂浮物较多', '金川河滨河路段'),
];
