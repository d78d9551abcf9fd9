// Demo civilized-city framework, items 5–7 and the negative list (written for this demo).
import { type FrameworkSeed, type ItemDef, negativesOf, perType, treeOf } from './build';
import { civilityItem, environmentItem, ideologyItem, serviceItem } from './civilized-city-a';

const lawItem: ItemDef = [
  '法治建设与平安环境',
  [
    ['依法行政', ['政府信息依法主动公开|2|DO|c', '行政执法公示、全过程记录、法制审核制度落实|2|D|c']],
    ['普法宣传', ['落实“谁执法谁普法”责任制|2|D|c', '社区设有法治宣传栏并定期更新|2|F|d0.5|residential']],
    ['社会治安', ['社会治安防控体系建设有方案、有成效|3|DR|d1', '群众安全感满意率|3|Q|s']],
    ['安全生产', ['安全生产责任制落实，隐患排查有台账|2|D|c', '市场内电线规范敷设，无私拉乱接|2|F|d0.5|market']],
    [
      '消防安全',
      ['小区消防通道畅通，消防设施完好|2|F|d0.5|residential', '市场配备灭火器材并在有效期内|2|F|d0.5|market'],
    ],
    [
      '食品药品安全',
      ['农贸市场设快速检测室并公示检测结果|2|F|d0.5|market', '学校周边无“三无”食品销售|2|F|d0.5|school_area'],
    ],
    [
      '校园周边环境',
      ['学校周边 200 米内无网吧、娱乐场所|2|F|c|school_area', '上下学时段有护学岗，交通秩序良好|2|F|d0.5|school_area'],
    ],
    ['矛盾纠纷化解', ['建立矛盾纠纷多元化解机制，调解有记录|2|D|c']],
  ],
];

const integrityItem: ItemDef = [
  '诚信建设与营商环境',
  [
    ['政务诚信', ['政府守信践诺，无拖欠企业账款等失信行为|2|D|c', '公务员诚信档案建立完整|2|D|c']],
    ['商务诚信', ['经营户亮照经营、明码标价|2|F|d0.5|market', '开展诚信经营示范店创建|2|D|c']],
    ['社会信用体系', ['信用信息平台运行正常，按时归集数据|2|D|c', '信用网站及时公示“双公示”信息|2|O|c']],
    ['守信激励与失信惩戒', ['对守信主体实施激励措施|2|D|c', '依法实施失信联合惩戒|2|D|c']],
    ['营商服务', ['政务服务实行“一窗受理”|2|F|d0.5|window', '企业开办时间达到本省要求|2|D|c']],
    ['市场监管', ['市场内公平秤设置到位、计量准确|2|F|d0.5|market']],
    ['企业满意度', ['企业对营商环境的满意率|3|Q|s']],
  ],
];

const volunteerItem: ItemDef = [
  '志愿服务与新时代文明实践',
  [
    [
      '实践阵地建设',
      [
        '实践所站达到“五有”标准|4|FD|g|practice_site',
        '阵地标识统一、醒目|2|F|d0.5|practice_site',
        '公示开放时间并按时开放|2|F|d0.5|practice_site',
      ],
    ],
    ['志愿服务队伍', ['注册志愿者占常住人口比例达到要求|3|DO|c', '组建专业志愿服务队伍|2|D|c']],
    [
      '志愿服务项目',
      ['开展志愿服务项目化运作，有品牌项目|2|D|c', '实践站每月至少开展一次活动|2|DF|d0.5|practice_site'],
    ],
    ['志愿服务制度', ['志愿服务记录、时长认证规范|2|D|c', '建立志愿者激励回馈机制|2|D|c']],
    ['学雷锋志愿服务站', perType(['park_square', 'window'], '设立学雷锋志愿服务站（岗），有人值守', 2, 'c')],
    ['关爱特殊群体', ['开展关爱空巢老人、留守儿童等志愿服务|2|D|c', '社区建立关爱帮扶台账|2|F|c|residential']],
    [
      '未成年人思想道德建设',
      [
        '中小学开展德育实践活动有计划有记录|2|D|c',
        '学校周边文化环境健康|2|F|d0.5|school_area',
        '实践站开设未成年人课堂|2|F|c|practice_site',
      ],
    ],
    ['群众性精神文明创建', ['文明单位、文明村镇、文明校园创建有序推进|3|DR|c', '文明家庭评选覆盖各社区|2|D|c']],
    [
      '创建工作机制',
      [
        '创建工作有领导机构、年度方案和责任分工|3|R|c',
        '创建经费列入财政预算|2|D|c',
        '问题整改台账闭环管理、按期销号|3|D|d1',
      ],
    ],
  ],
];

/** (a) A civilized-city framework shaped like the national one: 7 items, 60 contents, 125 standards. */
export const civilizedCity: FrameworkSeed = {
  code: 'WMCS-DEMO',
  name: '全国文明城市测评体系（演示版）',
  description: '演示数据：仿照全国文明城市测评体系的结构编写，条文为演示用语，非官方文本。',
  totalPoints: null,
  complianceLine: 0.8,
  roots: treeOf([ideologyItem, civilityItem, environmentItem, serviceItem, lawItem, integrityItem, volunteerItem]),
  negatives: negativesOf([
    '发生严重危害社会稳定、造成恶劣影响的重大事件|veto',
    '发生重大环境污染或生态破坏事件并被上级通报|suspend',
    '测评期间发现弄虚作假、干扰测评|deduct|10',
    '发生重大食品药品安全事件|deduct|5',
  ]),
};
