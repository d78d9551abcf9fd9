// Messages of the frameworks module (zh-CN, zh-TW, en), added to the platform's dictionaries on import
// (entries already there are kept).
import { errorMessages, fieldLabels } from './messages';

type Dict = Record<string, [string, string, string]>;

/** Messages of this module's error codes (zh-CN, zh-TW, en). */
export const frameworkErrorMessages: Dict = {
  INDICATOR_CODE_TAKEN: [
    '指标编码在本体系中已存在',
    '指標編碼在本體系中已存在',
    'This indicator code exists in the framework',
  ],
  FRAMEWORK_IN_USE: [
    '该测评体系已被任务或自评引用，不能删除',
    '該測評體系已被任務或自評引用，不能刪除',
    'Tasks or self-assessments use this framework',
  ],
  INDICATOR_IN_USE: [
    '该指标已被任务或评分引用，不能删除',
    '該指標已被任務或評分引用，不能刪除',
    'Tasks or scores use this indicator',
  ],
  NEGATIVE_ITEM_CODE_TAKEN: ['负面清单编码已存在', '負面清單編碼已存在', 'This negative-list code exists'],
};

const fieldNames: Dict = {
  points: ['分值', '分值', 'points'],
  weight: ['权重', '權重', 'weight'],
  methods: ['测评方法', '測評方法', 'methods'],
  pointTypes: ['适用点位', '適用點位', 'point types'],
  scoringRule: ['评分规则', '評分規則', 'scoring rule'],
  standard: ['测评标准', '測評標準', 'standard'],
  isSumExempt: ['不校验下级分值', '不校驗下級分值', 'sum exempt'],
  parentId: ['上级指标', '上級指標', 'parent'],
  effect: ['处理方式', '處理方式', 'effect'],
  deduction: ['扣分', '扣分', 'deduction'],
  totalPoints: ['总分', '總分', 'total points'],
  complianceLine: ['达标线', '達標線', 'compliance line'],
  familyId: ['测评体系', '測評體系', 'framework'],
  against: ['对比版本', '對比版本', 'compared version'],
};

const add = (target: Dict, entries: Dict) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, frameworkErrorMessages);
add(fieldLabels, fieldNames);
