// Messages of selections (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { fieldLabels, validationMessages } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(fieldLabels, {
  quota: ['名额', '名額', 'quota'],
  voteRule: ['投票规则', '投票規則', 'vote rule'],
  categories: ['评选类别', '評選類別', 'categories'],
  category: ['评选类别', '評選類別', 'category'],
  nominationStart: ['提名开始日期', '提名開始日期', 'nomination start'],
  nominationEnd: ['提名截止日期', '提名截止日期', 'nomination end'],
  votingStart: ['投票开始日期', '投票開始日期', 'voting start'],
  votingEnd: ['投票截止日期', '投票截止日期', 'voting end'],
  publicityStart: ['公示开始日期', '公示開始日期', 'publicity start'],
  publicityEnd: ['公示截止日期', '公示截止日期', 'publicity end'],
  source: ['提名方式', '提名方式', 'nomination source'],
  story: ['事迹', '事蹟', 'story'],
  nominatorName: ['推荐单位或组织', '推薦單位或組織', 'nominating body'],
  photoFileIds: ['照片', '照片', 'photos'],
  decision: ['审查结论', '審查結論', 'decision'],
  reason: ['理由', '理由', 'reason'],
  content: ['内容', '內容', 'content'],
  answer: ['答复', '答覆', 'answer'],
  upheld: ['异议是否成立', '異議是否成立', 'upheld'],
});
add(validationMessages, {
  invalid_date: ['不是有效的日期', '不是有效的日期', 'is not a valid date'],
  publicity_too_short: ['公示期不少于 7 天', '公示期不少於 7 天', 'must give 公示 at least 7 days'],
  unknown_file: ['文件不存在', '檔案不存在', 'names no file'],
});
