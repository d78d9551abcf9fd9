// Messages of the evaluations module (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels, validationMessages } from './messages';

type Dict = Record<string, [string, string, string]>;
const add = (target: Dict, entries: Dict) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  EVALUATION_NOT_DONE: ['测评结果尚未计算完成', '測評結果尚未計算完成', 'The evaluation has not been computed yet'],
  FRAMEWORK_NOT_PUBLISHED: ['测评体系未发布', '測評體系未發布', 'The framework version is not published'],
  EVALUATION_NO_SUBJECTS: ['没有可测评的对象', '沒有可測評的對象', 'There is nothing to evaluate'],
});
add(fieldLabels, {
  frameworkId: ['测评体系', '測評體系', 'framework'],
  period: ['测评周期', '測評週期', 'period'],
  value: ['周期', '週期', 'period value'],
  start: ['开始日期', '開始日期', 'start date'],
  end: ['结束日期', '結束日期', 'end date'],
  subjectKind: ['测评对象类别', '測評對象類別', 'subject kind'],
  subjectLevel: ['测评层级', '測評層級', 'subject level'],
  series: ['测评系列', '測評系列', 'series'],
  scheme: ['计分方案', '計分方案', 'scheme'],
  components: ['计分构成', '計分構成', 'components'],
  weight: ['权重', '權重', 'weight'],
  notSampled: ['未抽到的标准', '未抽到的標準', 'not-sampled rule'],
  fullScore: ['满分', '滿分', 'full score'],
  passLine: ['合格线', '合格線', 'pass line'],
  excellenceLine: ['优秀线', '優秀線', 'excellence line'],
  complianceLine: ['达标线', '達標線', 'compliance line'],
  redLine: ['红榜线', '紅榜線', 'red list line'],
  blackLine: ['黑榜线', '黑榜線', 'black list line'],
  rateDecimals: ['比率小数位', '比率小數位', 'rate decimals'],
  subject: ['测评对象', '測評對象', 'subject'],
  indicatorId: ['测评指标', '測評指標', 'indicator'],
  level: ['层级', '層級', 'level'],
});
add(validationMessages, {
  invalid_date: ['不是有效的日期（YYYY-MM-DD）', '不是有效的日期（YYYY-MM-DD）', 'is not a date (YYYY-MM-DD)'],
  invalid_range: ['不能早于开始日期', '不能早於開始日期', 'is before the start date'],
  duplicate: ['有重复项', '有重複項', 'has duplicates'],
  unknown_framework: ['测评体系不存在或未发布', '測評體系不存在或未發布', 'names no published framework'],
  unknown_level: ['没有这一层级的区划', '沒有這一層級的區劃', 'names no region level'],
});
