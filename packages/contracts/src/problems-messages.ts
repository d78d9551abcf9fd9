// Messages of the problems module and Open311 (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels, validationMessages } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  PROBLEM_ID_TAKEN: ['该编号已用于其他记录', '該編號已用於其他記錄', 'This id belongs to another record'],
});
add(fieldLabels, {
  category: ['问题类别', '問題類別', 'category'],
  severity: ['严重程度', '嚴重程度', 'severity'],
  description: ['问题描述', '問題描述', 'description'],
  pointId: ['点位', '點位', 'point'],
  duplicateOf: ['重复的问题', '重複的問題', 'original problem'],
  photoFileIds: ['照片', '照片', 'photos'],
  beforePhotoFileIds: ['问题照片', '問題照片', 'photos'],
  reason: ['原因', '原因', 'reason'],
  contact: ['联系电话', '聯絡電話', 'contact phone'],
  deadlineDays: ['整改时限', '整改時限', 'deadlines'],
});
add(validationMessages, {
  unknown_category: ['问题类别不存在', '問題類別不存在', 'names no problem category'],
  unknown_point: ['点位不存在', '點位不存在', 'names no point'],
  unknown_grid: ['网格不存在', '網格不存在', 'names no grid'],
  unknown_problem: ['问题不存在', '問題不存在', 'names no problem'],
  unknown_file: ['文件不存在', '檔案不存在', 'names no uploaded file'],
  outside_scope: ['不在您的管辖范围内', '不在您的管轄範圍內', 'is outside your area'],
});
