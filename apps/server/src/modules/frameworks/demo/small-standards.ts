// Demo standards of places: the 五有 practice station, the 三化 office and the 六有 红色物业 site
// (each 100 points; written for this demo).
import { type FrameworkSeed, group, negativesOf, numbered, standard } from './build';

const twoLevels = (items: [name: string, standards: string[]][]) =>
  numbered(items.map(([name, lines]) => group(name, lines.map(standard))));

/** (c) 新时代文明实践站 五有: 有组织机构、有活动方案、有支撑载体、有特色亮点、有活动实效. */
export const fiveHasStation: FrameworkSeed = {
  code: 'WY-SJZ-DEMO',
  name: '新时代文明实践站“五有”标准（演示版）',
  description: '演示数据：实践站“五有”建设标准，满分 100 分。',
  totalPoints: 100,
  complianceLine: 0.8,
  roots: twoLevels([
    [
      '有组织机构',
      [
        '站长由村（社区）党组织书记担任，明确专职管理员|8|DR|c|practice_site',
        '组建不少于 3 支志愿服务队伍|7|D|c|practice_site',
        '工作职责、管理制度上墙公示|5|F|c|practice_site',
      ],
    ],
    [
      '有活动方案',
      [
        '制定年度活动计划，按月安排活动|10|D|c|practice_site',
        '群众点单、中心派单、志愿者接单、群众评单流程清晰|10|DF|g|practice_site',
      ],
    ],
    [
      '有支撑载体',
      [
        '有固定活动场所，面积满足需要|8|F|c|practice_site',
        '配备宣讲、阅读、文体等活动设施|7|F|d1|practice_site',
        '统一标识牌醒目规范|5|F|c|practice_site',
      ],
    ],
    [
      '有特色亮点',
      ['结合本地特点打造至少 1 个志愿服务品牌项目|12|DF|g|practice_site', '特色做法被市级以上媒体宣传报道|8|D|c'],
    ],
    [
      '有活动实效',
      ['每月开展活动不少于 1 次，有图文记录|10|D|d2|practice_site', '群众对实践站活动的满意率|10|Q|s|practice_site'],
    ],
  ]),
  negatives: negativesOf(['实践站阵地被挪作他用或长期关闭|suspend', '活动记录弄虚作假|deduct|10']),
};

/** (d) 机关办公场所 三化: 整洁化、清洁化、文明化. */
export const threeOffice: FrameworkSeed = {
  code: 'SH-BGCS-DEMO',
  name: '机关办公场所“三化”标准（演示版）',
  description: '演示数据：办公场所整洁化、清洁化、文明化标准，满分 100 分。',
  totalPoints: 100,
  complianceLine: 0.9,
  roots: twoLevels([
    [
      '整洁化',
      [
        '办公桌面物品摆放整齐，无杂物堆积|10|F|d1|window',
        '文件资料分类归档、存放有序|10|F|d1',
        '办公设备线路规整，无乱拉乱接|8|F|d1',
        '走廊、楼梯间无堆放物品|7|F|d1',
      ],
    ],
    [
      '清洁化',
      [
        '地面、墙面、门窗干净无污渍|10|F|d1',
        '卫生间清洁无异味，用品齐全|10|F|d1',
        '垃圾分类投放，日产日清|8|F|d1',
        '绿植养护良好，无枯枝败叶|7|F|d1',
      ],
    ],
    [
      '文明化',
      [
        '工作人员仪表端庄、佩证上岗|8|F|d1|window',
        '接待来访使用文明用语，热情周到|8|F|d1|window',
        '办公区域全面禁烟，有禁烟标识|7|F|c',
        '节约用水用电，人走灯灭|7|B|d1',
      ],
    ],
  ]),
  negatives: negativesOf(['办公区域发现吸烟|deduct|5']),
};

/** (e) 红色物业 六有: 有场所、有设施、有标识、有人员、有党旗、有制度. */
export const sixHasRedProperty: FrameworkSeed = {
  code: 'LY-HSWY-DEMO',
  name: '红色物业示范点“六有”标准（演示版）',
  description: '演示数据：红色物业示范点“六有”建设标准，满分 100 分。',
  totalPoints: 100,
  complianceLine: 0.8,
  roots: twoLevels([
    ['有场所', ['设有党群服务站或议事活动室|12|F|c|residential', '场所向居民开放，公示开放时间|8|F|c|residential']],
    [
      '有设施',
      ['配备议事、阅读、便民服务等基本设施|10|F|d1|residential', '设施维护良好、能正常使用|5|F|d1|residential'],
    ],
    ['有标识', ['门口悬挂“红色物业”统一标识|8|F|c|residential', '服务承诺、联系电话公开上墙|7|F|c|residential']],
    [
      '有人员',
      [
        '物业企业党员亮身份、佩党徽上岗|10|F|d2|residential',
        '明确党建指导员，与社区党组织交叉任职|10|DR|c|residential',
      ],
    ],
    ['有党旗', ['活动场所规范悬挂党旗|5|F|c|residential', '重要节日开展升旗等主题活动|5|D|c|residential']],
    [
      '有制度',
      [
        '建立社区、业委会、物业“三方联动”议事制度|10|D|c|residential',
        '居民诉求受理、办理、反馈有台账|10|D|d2|residential',
      ],
    ],
  ]),
  negatives: negativesOf(['发生物业服务重大投诉并经查属实|deduct|10', '示范点场所被挪作经营用途|suspend']),
};
