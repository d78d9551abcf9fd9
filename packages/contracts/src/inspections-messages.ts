// Messages of the inspections module (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels, validationMessages } from './messages';

type Dict = Record<string, [string, string, string]>;
const add = (target: Dict, entries: Dict) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  PLAN_NOT_PUBLISHED: ['计划尚未发布', '計畫尚未發布', 'The plan has not been published'],
});
add(fieldLabels, {
  frameworkId: ['测评体系', '測評體系', 'framework'],
  period: ['周期', '週期', 'period'],
  startDate: ['开始日期', '開始日期', 'start date'],
  endDate: ['结束日期', '結束日期', 'end date'],
  perType: ['每类抽取数', '每類抽取數', 'per type'],
  pointIds: ['点位', '點位', 'points'],
  pointId: ['点位', '點位', 'point'],
  planId: ['测评计划', '測評計畫', 'plan'],
  memberIds: ['督查组成员', '督查組成員', 'members'],
  leaderId: ['组长', '組長', 'leader'],
  teamId: ['督查组', '督查組', 'team'],
  observations: ['测评结果', '測評結果', 'observations'],
  indicatorId: ['测评标准', '測評標準', 'standard'],
  photoFileIds: ['照片', '照片', 'photos'],
  negativeItemId: ['负面清单项', '負面清單項', 'negative item'],
  level: ['档次', '檔次', 'level'],
  awarded: ['得分', '得分', 'points awarded'],
  findingCategory: ['问题类别', '問題類別', 'problem category'],
  questions: ['题目', '題目', 'questions'],
  answers: ['答案', '答案', 'answers'],
  value: ['答案', '答案', 'answer'],
  questionId: ['题目', '題目', 'question'],
  questionnaireId: ['问卷', '問卷', 'questionnaire'],
  scale: ['选项类型', '選項類型', 'scale'],
});
add(validationMessages, {
  period_or_dates: [
    '填写月份或起止日期，二者选一',
    '填寫月份或起訖日期，二者擇一',
    'give either a month or start and end dates',
  ],
  end_before_start: ['不能早于开始日期', '不能早於開始日期', 'is before the start date'],
  not_a_member: ['不是督查组成员', '不是督查組成員', 'is not a member of the team'],
  not_an_inspector: ['没有测评权限的账号', '沒有測評權限的帳號', 'names an account that cannot inspect'],
  not_in_plan: ['不在本计划的点位中', '不在本計畫的點位中', 'is not a point of the plan'],
  not_in_region: ['不在计划的区划范围内', '不在計畫的區劃範圍內', 'is outside the plan’s region'],
  not_in_checklist: ['不是该点位适用的测评标准', '不是該點位適用的測評標準', 'is not a standard of this point'],
  photo_required: ['未达标的项目须附照片', '未達標的項目須附照片', 'needs a photo of the finding'],
  unknown_file: ['文件不存在', '檔案不存在', 'names no uploaded file'],
  unknown_level: ['不是该标准的档次', '不是該標準的檔次', 'is not a level of the standard'],
  unknown_team: ['督查组不存在', '督查組不存在', 'names no team of the plan'],
  unknown_negative_item: ['不是该测评体系的负面清单项', '不是該測評體系的負面清單項', 'is not on the negative list'],
  unknown_grid: ['网格不存在', '網格不存在', 'names no grid'],
  ambiguous_grid: [
    '有多个同名网格，请填写网格编码',
    '有多個同名網格，請填寫網格編碼',
    'matches several grids; give the grid code',
  ],
  grid_not_in_region: ['网格不在所填区划内', '網格不在所填區劃內', 'is not a grid of the region'],
  unknown_question: ['不是该问卷的题目', '不是該問卷的題目', 'is not a question of the questionnaire'],
  unknown_framework: ['测评体系不存在或未发布', '測評體系不存在或未發布', 'names no published framework'],
  unknown_plan: ['测评计划不存在', '測評計畫不存在', 'names no plan'],
  unknown_indicator: ['指标不存在', '指標不存在', 'names no indicator of the framework'],
});
