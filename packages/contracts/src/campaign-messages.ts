// Messages of the campaigns module (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels, validationMessages } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  FRAMEWORK_NOT_PUBLISHED: ['测评体系尚未发布', '測評體系尚未發布', 'The framework is not published'],
});
add(fieldLabels, {
  title: ['任务名称', '任務名稱', 'title'],
  description: ['任务内容', '任務內容', 'description'],
  actionId: ['所属行动', '所屬行動', 'action line'],
  indicatorId: ['测评指标', '測評指標', 'indicator'],
  leadUnitId: ['牵头单位', '牽頭單位', 'lead unit'],
  coUnitIds: ['配合单位', '配合單位', 'co-units'],
  ownerPersonId: ['责任人', '責任人', 'owner'],
  deadline: ['完成时限', '完成時限', 'deadline'],
  cadence: ['工作频次', '工作頻次', 'cadence'],
  reason: ['原因', '原因', 'reason'],
  text: ['进展情况', '進展情況', 'progress'],
  fileIds: ['佐证材料', '佐證材料', 'evidence'],
  endDate: ['结束日期', '結束日期', 'end date'],
  actions: ['行动', '行動', 'action lines'],
  frameworkId: ['测评体系', '測評體系', 'framework'],
  scores: ['评分', '評分', 'scores'],
  score: ['得分', '得分', 'score'],
});
add(validationMessages, {
  end_before_start: ['不能早于开始日期', '不能早於開始日期', 'is before the start date'],
  unknown_action: ['行动不存在', '行動不存在', 'names no action line of the campaign'],
  unknown_person: ['人员不存在', '人員不存在', 'names no person'],
  ambiguous_person: ['有多个同名人员', '有多個同名人員', 'matches several people'],
  unknown_indicator: ['指标不存在', '指標不存在', 'names no indicator of the framework'],
  unknown_file: ['文件不存在', '檔案不存在', 'names no uploaded file'],
  unknown_framework: ['测评体系不存在或未发布', '測評體系不存在或未發布', 'names no published framework'],
  score_above_points: ['超过该指标分值', '超過該指標分值', 'is above the indicator’s points'],
  lead_is_co_unit: ['牵头单位不能同时是配合单位', '牽頭單位不能同時是配合單位', 'repeats the lead unit'],
  invalid_date: ['不是有效的日期', '不是有效的日期', 'is not a valid date'],
});
